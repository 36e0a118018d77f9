package io.soltrade.data.reliability.badinput;

import io.soltrade.data.memory.MemoryConfigStore;
import io.soltrade.data.memory.MemoryEventStream;
import io.soltrade.data.memory.MemoryLiveFeed;
import io.soltrade.data.memory.MemoryMetricsStore;
import io.soltrade.data.memory.MemoryMevEventStore;
import io.soltrade.data.memory.MemoryPoolStateCache;
import io.soltrade.data.memory.MemoryPositionStore;
import io.soltrade.data.memory.MemoryPriceCache;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import net.jqwik.api.Group;

/** The bad-input suite on every in-memory store: the reference every server adapter is held to. */
class MemoryBadInputTest {

    @Group
    class Trades extends TradeStoreBadInput {
        private final TradeStore store = new MemoryTradeStore();

        @Override
        protected TradeStore port() {
            return store;
        }
    }

    @Group
    class Positions extends PositionStoreBadInput {
        private final PositionStore store = new MemoryPositionStore();

        @Override
        protected PositionStore port() {
            return store;
        }
    }

    @Group
    class Metrics extends MetricsStoreBadInput {
        private final MetricsStore store = new MemoryMetricsStore();

        @Override
        protected MetricsStore port() {
            return store;
        }
    }

    @Group
    class MevEvents extends MevEventStoreBadInput {
        private final MevEventStore store = new MemoryMevEventStore();

        @Override
        protected MevEventStore port() {
            return store;
        }
    }

    @Group
    class Config extends ConfigStoreBadInput {
        private final ConfigStore store = new MemoryConfigStore();

        @Override
        protected ConfigStore port() {
            return store;
        }
    }

    @Group
    class Prices extends PriceCacheBadInput {
        private final PriceCache cache = new MemoryPriceCache();

        @Override
        protected PriceCache port() {
            return cache;
        }
    }

    @Group
    class Pools extends PoolStateCacheBadInput {
        private final PoolStateCache cache = new MemoryPoolStateCache();

        @Override
        protected PoolStateCache port() {
            return cache;
        }
    }

    @Group
    class Streams extends EventStreamBadInput {
        private final EventStream stream = new MemoryEventStream();

        @Override
        protected EventStream port() {
            return stream;
        }
    }

    @Group
    class Feed extends LiveFeedBadInput {
        private final LiveFeed feed = new MemoryLiveFeed();

        @Override
        protected LiveFeed port() {
            return feed;
        }
    }
}
