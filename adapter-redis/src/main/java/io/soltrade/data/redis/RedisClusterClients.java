package io.soltrade.data.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.StaticCommandFlagsRegistry;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.executors.ClusterCommandExecutor;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The connections to a Redis Cluster: one {@link ClusterConnectionProvider} (a pool per node and the slot map),
 * shared by two Jedis cluster clients that differ only in what they repeat.
 *
 * <ul>
 *   <li>{@link #retrying()}, for the calls {@code PortOperation} marks idempotent: a connection failure or a
 *       {@code MOVED}/{@code ASK} redirection is retried, the slot map renewed, with a growing random back-off, for up
 *       to {@link #RETRY_ATTEMPTS} attempts within the retry window (three socket timeouts, 6 s by default). A killed
 *       master's slots move to its replica after {@code cluster-node-timeout} plus an election (about 2 s with a
 *       1 s node timeout), so a cache call in flight waits for the promotion instead of failing.</li>
 *   <li>{@link #once()}, for the calls that must not be repeated (an append, a group read, a claim, a feed publish):
 *       one attempt; a failure renews the slot map, so the caller's next call goes to the new owner, and surfaces as a
 *       transient error.</li>
 * </ul>
 * The slot map is also refreshed every second in the background ({@code topologyRefreshPeriod}), so a promotion is
 * noticed even by a client that has sent nothing to the dead node.
 *
 * <p>Blocking stream reads get a pool per node of {@link BoundedBlockingConnection}s (made on first use), as on a
 * standalone server: the read goes to the node that owns the stream's slot, and waits at most its block time plus the
 * socket timeout.
 */
final class RedisClusterClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisClusterClients.class);
    /** How often a retried call may be attempted within the retry window. */
    static final int RETRY_ATTEMPTS = 30;
    private static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(1);

    private final ClusterConnectionProvider provider;
    private final RedisClusterClient retrying;
    private final RedisClusterClient once;
    private final JedisClientConfig clientConfig;
    private final ConnectionPoolConfig blockingPoolConfig;
    private final ConcurrentMap<HostAndPort, ConnectionPool> blockingPools = new ConcurrentHashMap<>();
    /**
     * Sends a pipeline's commands to its nodes in parallel (Jedis otherwise makes and stops threads per pipeline). When
     * a node's connection breaks mid-pipeline, Jedis 7.5's sender can fail with an unchecked exception on this thread
     * after dropping the node's connection; that node's replies stay unset and the caller sees a connection failure
     * ({@code RedisConnections}), so the thread's exception is only logged here, not left to the JVM's default handler.
     */
    private final ExecutorService pipelineSenders = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "redis-cluster-pipeline");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((failed, e) -> LOG.debug("a cluster pipeline sender failed after its node's connection broke", e));
        return thread;
    });

    RedisClusterClients(Set<HostAndPort> seeds, JedisClientConfig clientConfig, ConnectionPoolConfig poolConfig, ConnectionPoolConfig blockingPoolConfig,
            Duration retryWindow) {
        this.clientConfig = clientConfig;
        this.blockingPoolConfig = blockingPoolConfig;
        this.provider = new ClusterConnectionProvider(seeds, clientConfig, poolConfig, TOPOLOGY_REFRESH);
        this.retrying = client(seeds, RETRY_ATTEMPTS, retryWindow);
        this.once = client(seeds, 1, retryWindow);
    }

    private RedisClusterClient client(Set<HostAndPort> seeds, int attempts, Duration retryWindow) {
        return RedisClusterClient.builder().nodes(seeds).clientConfig(clientConfig).connectionProvider(provider)
                .commandExecutor(new ClusterCommandExecutor(provider, attempts, retryWindow, StaticCommandFlagsRegistry.registry()))
                .maxAttempts(attempts).maxTotalRetriesDuration(retryWindow).build();
    }

    RedisClusterClient retrying() {
        return retrying;
    }

    RedisClusterClient once() {
        return once;
    }

    /** A pipeline on {@code client} (one of these clients), split by node and sent to the nodes in parallel. */
    ClusterPipeline pipeline(RedisClusterClient client) {
        return client.pipelined(pipelineSenders);
    }

    /** The pool of blocking-read connections to the master that owns {@code key}'s slot. */
    ConnectionPool blockingPoolFor(String key) {
        return blockingPools.computeIfAbsent(masterOf(key), address -> new ConnectionPool(new ConnectionFactory(ConnectionFactory.builder()
                .hostAndPort(address).clientConfig(clientConfig).connectionBuilder(new BoundedBlockingConnection.Builder()
                        .socketFactory(new DefaultJedisSocketFactory(address, clientConfig)).clientConfig(clientConfig))), blockingPoolConfig));
    }

    /** The master that owns {@code key}'s slot now (renewing the slot map when it knows none). */
    HostAndPort masterOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        HostAndPort node = provider.getNode(slot);
        if (node == null) {
            provider.renewSlotCache();
            node = provider.getNode(slot);
        }
        if (node == null) {
            throw new JedisConnectionException("no cluster node serves slot " + slot + " (of " + key + ")");
        }
        return node;
    }

    /** After a failure that may mean the topology changed. */
    void renewSlotMap() {
        provider.renewSlotCache();
    }

    Map<String, ConnectionPool> nodePools() {
        return provider.getNodes();
    }

    void clearIdle() {
        provider.getNodes().values().forEach(ConnectionPool::clear);
        blockingPools.values().forEach(ConnectionPool::clear);
    }

    String describe() {
        return "cluster " + provider.getPrimaryNodes().keySet().stream().sorted().collect(Collectors.joining(","));
    }

    int active() {
        return provider.getNodes().values().stream().mapToInt(ConnectionPool::getNumActive).sum();
    }

    int idle() {
        return provider.getNodes().values().stream().mapToInt(ConnectionPool::getNumIdle).sum();
    }

    int waiting() {
        return provider.getNodes().values().stream().mapToInt(ConnectionPool::getNumWaiters).sum();
    }

    int max() {
        return provider.getNodes().values().stream().mapToInt(ConnectionPool::getMaxTotal).sum();
    }

    String blockingState() {
        return "active=" + blockingPools.values().stream().mapToInt(ConnectionPool::getNumActive).sum() + ", idle="
                + blockingPools.values().stream().mapToInt(ConnectionPool::getNumIdle).sum() + ", nodes=" + blockingPools.size();
    }

    @Override
    public void close() {
        try {
            blockingPools.values().forEach(ConnectionPool::close);
        } finally {
            pipelineSenders.shutdownNow();
            provider.close();
        }
    }
}
