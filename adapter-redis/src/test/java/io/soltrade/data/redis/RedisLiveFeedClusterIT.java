package io.soltrade.data.redis;

import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.contract.LiveFeedContract;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link RedisLiveFeed} on a 3-master Redis Cluster (sharded pub/sub: {@code SPUBLISH}, {@code SSUBSCRIBE}): the {@link LiveFeedContract} kit. */
class RedisLiveFeedClusterIT extends LiveFeedContract {
    private static TestingRedisCluster.Namespace namespace;
    private static RedisTestAdapter adapter;

    @BeforeAll
    static void start() {
        namespace = TestingRedisCluster.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().build());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        namespace.close();
    }

    @Override
    protected LiveFeed liveFeed() {
        return adapter.liveFeed();
    }
}
