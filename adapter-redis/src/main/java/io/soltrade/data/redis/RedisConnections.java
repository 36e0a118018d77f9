package io.soltrade.data.redis;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.Idempotency;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PortOperation;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The adapter's connections: one {@link JedisPooled} pool for commands and pipelines, a small pool of its own for
 * blocking stream reads, and dedicated connections for subscriptions (a {@code SUBSCRIBE} holds its connection for
 * as long as it lasts, so it never takes one from a pool).
 *
 * <h2>Blocking reads</h2>
 * An {@code XREAD}/{@code XREADGROUP} with {@code BLOCK} holds its connection while it waits. On the command pool a
 * few waiting readers would starve the caches, and on a frozen or half-open server a read without a client-side
 * bound would hold its connection forever. So blocking reads borrow from their own pool
 * ({@code blockingPoolSize}) and each waits at most its block time plus the socket timeout
 * ({@link BoundedBlockingConnection}); a read past that fails with {@code TIMEOUT} and its connection is dropped.
 *
 * <h2>Stale connections, and what is retried</h2>
 * After a Redis restart every idle pooled connection is dead, but nothing tells the pool until one is used.
 * Checking each connection on borrow (a {@code PING} per call) would double the latency of a cache read, so
 * instead: the first call that fails with a connection error discards <em>every</em> idle connection (they
 * were made stale by the same event), and a call the idempotency table ({@link PortOperation}) marks idempotent is
 * then retried once on a fresh connection. A call it marks not idempotent (an append, a group read, a claim) is
 * not retried: it fails with a {@code TransientDbException}, and since the idle set was cleared, only calls that
 * already held a stale connection can fail the same way: at most one failed call per stale connection. A timeout
 * is not retried either: it says the server is slow or frozen, not that the connection went stale, and a second
 * wait would double the caller's. The pool's idle evictor also validates idle connections
 * ({@code testWhileIdle}), so stale ones are not kept for long even when nothing calls.
 *
 * <h2>Redis Cluster</h2>
 * With {@code clusterNodes} set, the same calls run on a cluster ({@link RedisClusterClients}, created on first use):
 * each command goes to the master of its key's slot, a pipeline is split by node (one round trip per node, sent in
 * parallel), {@link #mget} sends one {@code MGET} per slot in one pipeline, subscriptions connect to the master of
 * their channel's slot, and idempotent calls ride out a failover inside the cluster client's retry window instead of
 * this class's single retry.
 *
 * <p>Thread-safe. Every call translates Jedis exceptions through {@link RedisErrors}.
 */
final class RedisConnections implements ManagedResource {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);

    private final HostAndPort address;
    private final JedisClientConfig clientConfig;
    private final JedisPooled pool;
    private final ConnectionPool blockingPool;
    private final RedisSettings settings;
    /** The cluster's clients, made on first use (making them connects); null on a standalone server. */
    private final AtomicReference<RedisClusterClients> cluster = new AtomicReference<>();
    private final long socketTimeoutMillis;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder idleSetsDiscarded = new LongAdder();
    private final LongAdder clusterRetries = new LongAdder();

    RedisConnections(RedisSettings settings) {
        this.settings = settings;
        RedisSettings.RedisEndpoint endpoint = settings.endpoint();
        this.address = new HostAndPort(endpoint.host(), endpoint.port());
        this.socketTimeoutMillis = settings.socketTimeout().toMillis();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(settings.connectTimeout()))
                .socketTimeoutMillis(millis(settings.socketTimeout()))
                // No blocking command runs on the command pool; were one to, it would still wait no longer than this.
                .blockingSocketTimeoutMillis(millis(settings.socketTimeout()))
                .database(endpoint.database())
                .clientName("soltrade-data")
                .ssl(endpoint.tls());
        settings.user().ifPresent(config::user);
        settings.password().ifPresent(config::password);
        this.clientConfig = config.build();
        if (settings.clustered()) {
            this.pool = null;
            this.blockingPool = null;
            return;
        }
        this.pool = new JedisPooled(poolConfig(settings.poolSize(), settings), address, clientConfig);
        ConnectionFactory blockingConnections = new ConnectionFactory(ConnectionFactory.builder().hostAndPort(address).clientConfig(clientConfig)
                .connectionBuilder(new BoundedBlockingConnection.Builder().socketFactory(new DefaultJedisSocketFactory(address, clientConfig))
                        .clientConfig(clientConfig)));
        this.blockingPool = new ConnectionPool(blockingConnections, poolConfig(settings.blockingPoolSize(), settings));
    }

    private static ConnectionPoolConfig poolConfig(int size, RedisSettings settings) {
        ConnectionPoolConfig poolConfig = new ConnectionPoolConfig();
        poolConfig.setMaxTotal(size);
        poolConfig.setMaxIdle(size);
        poolConfig.setMinIdle(0);
        poolConfig.setTestOnBorrow(false);
        poolConfig.setTestWhileIdle(true);
        poolConfig.setTimeBetweenEvictionRuns(settings.idleCheckInterval());
        poolConfig.setNumTestsPerEvictionRun(-1);
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setMaxWait(settings.socketTimeout());
        poolConfig.setJmxEnabled(false);
        return poolConfig;
    }

    /**
     * Runs one port operation on the command pool; retried once on a fresh connection after a connection failure
     * (not a timeout) when {@code operation} is idempotent.
     */
    <T> T call(PortOperation operation, String description, Function<UnifiedJedis, T> call) {
        if (settings.clustered()) {
            return operation.idempotency() == Idempotency.IDEMPOTENT
                    ? onClusterThroughFailover(description, clients -> call.apply(clients.retrying()))
                    : onCluster(description, clients -> call.apply(clients.once()));
        }
        return operation.idempotency() == Idempotency.IDEMPOTENT ? retryingOnce(description, () -> call.apply(pool)) : once(description, call);
    }

    /**
     * {@code MGET} of {@code keys}, the values in their order: one command on a standalone server; on a cluster one
     * {@code MGET} per slot, all in one pipeline (one round trip per node). Retried like {@link #call}.
     */
    List<String> mget(PortOperation operation, String description, String[] keys) {
        if (!settings.clustered()) {
            return call(operation, description, client -> client.mget(keys));
        }
        Map<Integer, List<Integer>> bySlot = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            bySlot.computeIfAbsent(JedisClusterCRC16.getSlot(keys[i]), slot -> new ArrayList<>()).add(i);
        }
        return call(operation, description, client -> {
            List<Response<List<String>>> replies = new ArrayList<>(bySlot.size());
            try (AbstractPipeline pipeline = pipelineOf(client)) {
                for (List<Integer> indexes : bySlot.values()) {
                    replies.add(pipeline.mget(indexes.stream().map(i -> keys[i]).toArray(String[]::new)));
                }
                pipeline.sync();
            }
            String[] values = new String[keys.length];
            int group = 0;
            for (List<Integer> indexes : bySlot.values()) {
                List<String> found;
                try {
                    found = replies.get(group++).get();
                } catch (IllegalStateException e) {
                    throw lostNodeReplies(client, e);
                }
                for (int i = 0; i < indexes.size(); i++) {
                    values[indexes.get(i)] = found.get(i);
                }
            }
            return Arrays.asList(values);
        });
    }

    /** How long a read waits for a reply (a subscriber's connection too, so the live feed keeps it busy with PINGs). */
    Duration socketTimeout() {
        return Duration.ofMillis(socketTimeoutMillis);
    }

    /** Whether this is a Redis Cluster: live-feed channels are then sharded ({@code SPUBLISH}, {@code SSUBSCRIBE}). */
    boolean clustered() {
        return settings.clustered();
    }

    /** Runs a call that must not be repeated (a feed publish, the second step of a call); a connection failure still discards the idle connections. */
    <T> T once(String description, Function<UnifiedJedis, T> call) {
        if (settings.clustered()) {
            return onCluster(description, clients -> call.apply(clients.once()));
        }
        ensureOpen(description);
        try {
            return call.apply(pool);
        } catch (JedisException e) {
            throw failure(description, e);
        }
    }

    /**
     * Runs {@code commands} on one pipeline (one round trip for all of them); {@code commands} queues, calls
     * {@code sync()} and reads the responses. Retried like {@link #call}.
     */
    <T> T pipelined(PortOperation operation, String description, Function<AbstractPipeline, T> commands) {
        return call(operation, description, pipelineCall(commands));
    }

    /** Like {@link #pipelined(PortOperation, String, Function)}, never repeated. */
    <T> T pipelinedOnce(String description, Function<AbstractPipeline, T> commands) {
        return once(description, pipelineCall(commands));
    }

    /**
     * Runs a blocking read that tells the server to wait up to {@code block}, on a connection of the blocking pool
     * that waits for the reply at most {@code block} plus the socket timeout. Retried like {@link #call}.
     */
    <T> T blocking(PortOperation operation, String description, String key, Duration block, Function<Jedis, T> read) {
        int bound = Math.toIntExact(Math.addExact(block.toMillis(), socketTimeoutMillis));
        Supplier<T> attempt = () -> {
            try (Connection connection = settings.clustered() ? clusterClients().blockingPoolFor(key).getResource() : blockingPool.getResource()) {
                ((BoundedBlockingConnection) connection).boundBlockingCommands(bound);
                // The wrapper is not closed: closing the connection (above) returns it to its pool.
                return read.apply(new Jedis(connection));
            }
        };
        if (operation.idempotency() == Idempotency.IDEMPOTENT) {
            return retryingOnce(description, attempt);
        }
        ensureOpen(description);
        try {
            return attempt.get();
        } catch (JedisException e) {
            throw failure(description, e);
        }
    }

    /**
     * A new connection of its own, outside the pools, for a blocking subscription to {@code channel}: to the server,
     * or on a cluster to the master of the channel's slot (sharded pub/sub). The caller closes it.
     */
    Jedis dedicatedConnection(String channel) {
        ensureOpen("connect");
        if (settings.clustered()) {
            return onCluster("connect for " + channel, clients -> new Jedis(clients.masterOf(channel), clientConfig));
        }
        return new Jedis(address, clientConfig);
    }

    /** How often a connection failure made the pool discard its idle connections. */
    long idleSetsDiscarded() {
        return idleSetsDiscarded.sum();
    }

    /** Active and idle pooled connections, and threads waiting for one. */
    String poolState() {
        if (settings.clustered()) {
            RedisClusterClients clients = cluster.get();
            return clients == null ? "not connected yet" : "active=" + clients.active() + ", idle=" + clients.idle() + ", waiting=" + clients.waiting()
                    + ", max=" + clients.max() + " over " + clients.nodePools().size() + " nodes; blocking reads: " + clients.blockingState();
        }
        return "active=" + pool.getPool().getNumActive() + ", idle=" + pool.getPool().getNumIdle() + ", waiting=" + pool.getPool().getNumWaiters()
                + ", max=" + pool.getPool().getMaxTotal() + "; blocking reads: active=" + blockingPool.getNumActive() + ", idle="
                + blockingPool.getNumIdle() + ", waiting=" + blockingPool.getNumWaiters() + ", max=" + blockingPool.getMaxTotal();
    }

    int waitingForConnection() {
        if (settings.clustered()) {
            RedisClusterClients clients = cluster.get();
            return clients == null ? 0 : clients.waiting();
        }
        return pool.getPool().getNumWaiters();
    }

    int activeConnections() {
        if (settings.clustered()) {
            RedisClusterClients clients = cluster.get();
            return clients == null ? 0 : clients.active();
        }
        return pool.getPool().getNumActive();
    }

    int idleConnections() {
        if (settings.clustered()) {
            RedisClusterClients clients = cluster.get();
            return clients == null ? 0 : clients.idle();
        }
        return pool.getPool().getNumIdle();
    }

    int maxConnections() {
        if (settings.clustered()) {
            RedisClusterClients clients = cluster.get();
            return clients == null ? 0 : clients.max();
        }
        return pool.getPool().getMaxTotal();
    }

    String address() {
        if (settings.clustered()) {
            RedisClusterClients clients = cluster.get();
            return clients == null ? "cluster " + settings.clusterNodes() : clients.describe();
        }
        return address.toString();
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String name() {
        return "redis connection pool " + (settings.clustered() ? "cluster " + settings.clusterNodes() : address);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (settings.clustered()) {
                RedisClusterClients clients = cluster.getAndSet(null);
                if (clients != null) {
                    clients.close();
                }
                return;
            }
            try {
                blockingPool.close();
            } finally {
                pool.close();
            }
        }
    }

    private <T> T retryingOnce(String description, Supplier<T> call) {
        ensureOpen(description);
        try {
            return call.get();
        } catch (JedisConnectionException first) {
            discardIdleConnections(description, first);
            if (isTimeout(first)) {
                throw translated(description, first);
            }
            try {
                return call.get();
            } catch (JedisException second) {
                second.addSuppressed(first);
                throw failure(description, second);
            }
        } catch (JedisException e) {
            throw failure(description, e);
        }
    }

    /**
     * Runs an idempotent call on the cluster until it succeeds or the retry window (three socket timeouts) is over:
     * after a failure that says the topology is changing (a node that refuses connections, {@code CLUSTERDOWN} while
     * a dead master is being replaced, {@code TRYAGAIN}, {@code MASTERDOWN}, a redirection the cluster client gave up
     * on) it renews the slot map and tries again, waiting 50 ms, doubling up to 500 ms. A failover takes the cluster's
     * {@code cluster-node-timeout} plus an election, so a cache call in flight waits for the replica's promotion
     * instead of failing. Jedis's own cluster retries are not enough: they stop after a few attempts spent within a
     * fraction of a second on a node that refuses connections, and never retry {@code CLUSTERDOWN}. A timeout is not
     * retried (as on a standalone server: the node is frozen, and a second wait would double the caller's).
     */
    private <T> T onClusterThroughFailover(String description, Function<RedisClusterClients, T> call) {
        long deadline = System.nanoTime() + settings.socketTimeout().multipliedBy(3).toNanos();
        long backoff = 50;
        while (true) {
            try {
                return onCluster(description, call);
            } catch (DbException e) {
                if (!topologyChanging(e) || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(backoff) - deadline > 0) {
                    throw e;
                }
                clusterRetries.increment();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DbException.of(DbErrorKind.CONNECTION, RedisErrors.BACKEND, description + " interrupted while the cluster failed over", null, e);
            }
            backoff = Math.min(500, backoff * 2);
            RedisClusterClients clients = cluster.get();
            if (clients != null) {
                try {
                    clients.renewSlotMap();
                } catch (RuntimeException e) {
                    LOG.debug("renewing the cluster slot map failed", e);
                }
            }
        }
    }

    private static boolean topologyChanging(DbException e) {
        if (e.kind() == DbErrorKind.CONNECTION) {
            return true;
        }
        return e.kind() == DbErrorKind.UNAVAILABLE && e.vendorCode().map(code -> code.equals("CLUSTERDOWN") || code.equals("TRYAGAIN")
                || code.equals("MASTERDOWN") || code.equals("MOVED") || code.equals("ASK")).orElse(false);
    }

    /** How often an idempotent call was tried again while the cluster's topology changed. */
    long clusterRetries() {
        return clusterRetries.sum();
    }

    /** Runs a call on the cluster's clients; a connection failure renews the slot map and drops idle connections. */
    private <T> T onCluster(String description, Function<RedisClusterClients, T> call) {
        ensureOpen(description);
        RedisClusterClients clients;
        try {
            clients = clusterClients();
        } catch (JedisException e) {
            throw translated(description, e);
        }
        try {
            return call.apply(clients);
        } catch (JedisConnectionException e) {
            idleSetsDiscarded.increment();
            try {
                clients.clearIdle();
                clients.renewSlotMap();
            } catch (RuntimeException renewal) {
                e.addSuppressed(renewal);
            }
            throw translated(description, e);
        } catch (JedisException e) {
            throw translated(description, e);
        }
    }

    /** A pipeline on {@code client}; a cluster's sends to its nodes in parallel on the cluster clients' threads. */
    private AbstractPipeline pipelineOf(UnifiedJedis client) {
        if (client instanceof RedisClusterClient clusterClient) {
            return clusterClients().pipeline(clusterClient);
        }
        return client.pipelined();
    }

    private RedisClusterClients clusterClients() {
        RedisClusterClients clients = cluster.get();
        if (clients != null) {
            return clients;
        }
        synchronized (cluster) {
            ensureOpen("connect");
            clients = cluster.get();
            if (clients == null) {
                Set<HostAndPort> seeds = new LinkedHashSet<>();
                settings.clusterNodes().forEach(node -> seeds.add(new HostAndPort(node.host(), node.port())));
                clients = new RedisClusterClients(seeds, clientConfig, poolConfig(settings.poolSize(), settings),
                        poolConfig(settings.blockingPoolSize(), settings), settings.socketTimeout().multipliedBy(3));
                cluster.set(clients);
            }
            return clients;
        }
    }

    private <T> Function<UnifiedJedis, T> pipelineCall(Function<AbstractPipeline, T> commands) {
        return client -> {
            try (AbstractPipeline pipeline = pipelineOf(client)) {
                return commands.apply(pipeline);
            } catch (IllegalStateException e) {
                throw lostNodeReplies(client, e);
            }
        };
    }

    /**
     * A cluster pipeline whose connection to one node broke leaves that node's replies unset (Jedis logs the failure
     * and reading such a reply throws {@link IllegalStateException}): a connection failure, like any lost reply.
     */
    private static RuntimeException lostNodeReplies(UnifiedJedis client, IllegalStateException e) {
        if (client instanceof RedisClusterClient) {
            return new JedisConnectionException("a cluster node's pipeline connection broke before its replies arrived", e);
        }
        return e;
    }

    private static boolean isTimeout(JedisConnectionException e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void discardIdleConnections(String operation, JedisConnectionException cause) {
        idleSetsDiscarded.increment();
        LOG.warn("redis {} failed on a broken connection ({}); discarding the idle pooled connections", operation, cause.getMessage());
        try {
            if (settings.clustered()) {
                RedisClusterClients clients = cluster.get();
                if (clients != null) {
                    clients.clearIdle();
                    clients.renewSlotMap();
                }
                return;
            }
            pool.getPool().clear();
            blockingPool.clear();
        } catch (RuntimeException e) {
            LOG.debug("clearing idle redis connections failed", e);
        }
    }

    private DbException failure(String operation, JedisException e) {
        if (e instanceof JedisConnectionException connectionFailure) {
            discardIdleConnections(operation, connectionFailure);
        }
        return translated(operation, e);
    }

    private DbException translated(String operation, JedisException e) {
        if (closed.get()) {
            return DbException.of(DbErrorKind.CLOSED, RedisErrors.BACKEND, operation + " failed: the redis adapter is closed", null, e);
        }
        return RedisErrors.translate(operation, e);
    }

    private void ensureOpen(String operation) {
        if (closed.get()) {
            throw DbException.of(DbErrorKind.CLOSED, RedisErrors.BACKEND, operation + " failed: the redis adapter is closed");
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }
}
