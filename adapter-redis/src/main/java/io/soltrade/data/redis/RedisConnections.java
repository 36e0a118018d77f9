package io.soltrade.data.redis;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.ManagedResource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The adapter's connections: one {@link JedisPooled} pool for commands and pipelines, and dedicated connections
 * for blocking subscriptions (a {@code SUBSCRIBE} holds its connection for as long as it lasts, so it never
 * takes one from the pool).
 *
 * <h2>Stale connections</h2>
 * After a Redis restart every idle pooled connection is dead, but nothing tells the pool until one is used.
 * Checking each connection on borrow (a {@code PING} per call) would double the latency of a cache read, so
 * instead: the first call that fails with a connection error discards <em>every</em> idle connection (they
 * were made stale by the same event), and an idempotent call is then retried once on a fresh connection.
 * A non-idempotent call (a stream append) is not retried; it fails with a {@code TransientDbException}, and
 * since the idle set was cleared, only calls that already held a stale connection can fail the same way: at
 * most one failed call per stale connection. The pool's idle evictor also validates idle connections
 * ({@code testWhileIdle}), so stale ones are not kept for long even when nothing calls.
 *
 * <p>Thread-safe. Every call translates Jedis exceptions through {@link RedisErrors}.
 */
final class RedisConnections implements ManagedResource {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnections.class);

    private final HostAndPort address;
    private final JedisClientConfig clientConfig;
    private final JedisPooled pool;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final LongAdder idleSetsDiscarded = new LongAdder();

    RedisConnections(RedisSettings settings) {
        RedisSettings.RedisEndpoint endpoint = settings.endpoint();
        this.address = new HostAndPort(endpoint.host(), endpoint.port());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis(settings.connectTimeout()))
                .socketTimeoutMillis(millis(settings.socketTimeout()))
                // Blocking reads (XREAD BLOCK) wait as long as the server is told to; the server bounds them.
                .blockingSocketTimeoutMillis(0)
                .database(endpoint.database())
                .clientName("soltrade-data")
                .ssl(endpoint.tls());
        settings.user().ifPresent(config::user);
        settings.password().ifPresent(config::password);
        this.clientConfig = config.build();

        ConnectionPoolConfig poolConfig = new ConnectionPoolConfig();
        poolConfig.setMaxTotal(settings.poolSize());
        poolConfig.setMaxIdle(settings.poolSize());
        poolConfig.setMinIdle(0);
        poolConfig.setTestOnBorrow(false);
        poolConfig.setTestWhileIdle(true);
        poolConfig.setTimeBetweenEvictionRuns(settings.idleCheckInterval());
        poolConfig.setNumTestsPerEvictionRun(-1);
        poolConfig.setBlockWhenExhausted(true);
        poolConfig.setMaxWait(settings.socketTimeout());
        poolConfig.setJmxEnabled(false);
        this.pool = new JedisPooled(poolConfig, address, clientConfig);
    }

    /**
     * Runs an idempotent call; after a connection failure, discards the idle connections and tries once more on a
     * fresh one.
     */
    <T> T retryingOnce(String operation, Function<UnifiedJedis, T> call) {
        ensureOpen(operation);
        try {
            return call.apply(pool);
        } catch (JedisConnectionException first) {
            discardIdleConnections(operation, first);
            try {
                return call.apply(pool);
            } catch (JedisException second) {
                second.addSuppressed(first);
                throw translated(operation, second);
            }
        } catch (JedisException e) {
            throw failure(operation, e);
        }
    }

    /** Runs a call that must not be repeated; a connection failure still discards the idle connections. */
    <T> T once(String operation, Function<UnifiedJedis, T> call) {
        ensureOpen(operation);
        try {
            return call.apply(pool);
        } catch (JedisException e) {
            throw failure(operation, e);
        }
    }

    /**
     * Runs {@code commands} on one pipeline (one round trip for all of them); {@code commands} queues, calls
     * {@code sync()} and reads the responses. An idempotent pipeline is retried once like {@link #retryingOnce}.
     */
    <T> T pipelined(String operation, boolean idempotent, Function<AbstractPipeline, T> commands) {
        Function<UnifiedJedis, T> call = client -> {
            try (AbstractPipeline pipeline = client.pipelined()) {
                return commands.apply(pipeline);
            }
        };
        return idempotent ? retryingOnce(operation, call) : once(operation, call);
    }

    /** A new connection of its own, outside the pool, for a blocking subscription; the caller closes it. */
    Jedis dedicatedConnection() {
        ensureOpen("connect");
        return new Jedis(address, clientConfig);
    }

    /** How often a connection failure made the pool discard its idle connections. */
    long idleSetsDiscarded() {
        return idleSetsDiscarded.sum();
    }

    /** Active and idle pooled connections, and threads waiting for one. */
    String poolState() {
        return "active=" + pool.getPool().getNumActive() + ", idle=" + pool.getPool().getNumIdle() + ", waiting=" + pool.getPool().getNumWaiters()
                + ", max=" + pool.getPool().getMaxTotal();
    }

    int waitingForConnection() {
        return pool.getPool().getNumWaiters();
    }

    int activeConnections() {
        return pool.getPool().getNumActive();
    }

    int idleConnections() {
        return pool.getPool().getNumIdle();
    }

    int maxConnections() {
        return pool.getPool().getMaxTotal();
    }

    String address() {
        return address.toString();
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String name() {
        return "redis connection pool " + address;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
        }
    }

    private void discardIdleConnections(String operation, JedisConnectionException cause) {
        idleSetsDiscarded.increment();
        LOG.warn("redis {} failed on a broken connection ({}); discarding the idle pooled connections", operation, cause.getMessage());
        try {
            pool.getPool().clear();
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
