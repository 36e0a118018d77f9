package io.soltrade.data.reliability.badinput;

import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.testing.TestingRedis;
import io.soltrade.data.reliability.support.RunningAdapter;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The bad-input suite on the Redis adapter, under a fresh key prefix of the shared test server. */
class RedisBadInputIT {
    private static TestingRedis.Namespace namespace;
    private static RunningAdapter adapter;

    @BeforeContainer
    static void start() {
        namespace = TestingRedis.shared().freshNamespace();
        adapter = RunningAdapter.start(new RedisModule(namespace.settings().build()));
    }

    @AfterContainer
    static void stop() {
        try {
            adapter.close();
        } finally {
            namespace.close();
        }
    }

    @Group
    class Prices extends PriceCacheBadInput {
        @Override
        protected PriceCache port() {
            return adapter.port(PriceCache.class);
        }
    }

    @Group
    class Pools extends PoolStateCacheBadInput {
        @Override
        protected PoolStateCache port() {
            return adapter.port(PoolStateCache.class);
        }
    }

    @Group
    class Streams extends EventStreamBadInput {
        @Override
        protected EventStream port() {
            return adapter.port(EventStream.class);
        }
    }

    @Group
    class Feed extends LiveFeedBadInput {
        @Override
        protected LiveFeed port() {
            return adapter.port(LiveFeed.class);
        }
    }
}
