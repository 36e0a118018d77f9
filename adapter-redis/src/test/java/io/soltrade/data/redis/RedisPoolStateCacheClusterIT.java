package io.soltrade.data.redis;

import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.contract.PoolStateCacheContract;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RedisPoolStateCache} on a 3-master Redis Cluster: the {@link PoolStateCacheContract} kit. */
class RedisPoolStateCacheClusterIT extends PoolStateCacheContract {
    private static TestingRedisCluster.Namespace namespace;
    private static RedisTestAdapter adapter;

    @BeforeAll
    static void start() {
        namespace = TestingRedisCluster.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().cacheTtl(Duration.ofSeconds(1)).build());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        namespace.close();
    }

    @Override
    protected PoolStateCache poolStateCache() {
        return adapter.poolStateCache();
    }
}
