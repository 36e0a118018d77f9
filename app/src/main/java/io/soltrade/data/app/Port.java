package io.soltrade.data.app;

import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.util.List;

/**
 * The ports whose adapter configuration picks ({@code soltrade.adapters.<key>}), with the backends that
 * implement each one. The first backend listed is the production choice; {@code memory} serves every port.
 */
public enum Port {
    TRADES("trades", TradeStore.class, List.of(Backend.QUESTDB, Backend.POSTGRES, Backend.MEMORY)),
    POSITIONS("positions", PositionStore.class, List.of(Backend.QUESTDB, Backend.MEMORY)),
    METRICS("metrics", MetricsStore.class, List.of(Backend.QUESTDB, Backend.MEMORY)),
    MEV("mev", MevEventStore.class, List.of(Backend.QUESTDB, Backend.MEMORY)),
    CONFIG("config", ConfigStore.class, List.of(Backend.POSTGRES, Backend.MEMORY)),
    PRICES("prices", PriceCache.class, List.of(Backend.REDIS, Backend.MEMORY)),
    POOLS("pools", PoolStateCache.class, List.of(Backend.REDIS, Backend.MEMORY)),
    STREAMS("streams", EventStream.class, List.of(Backend.REDIS, Backend.MEMORY)),
    FEED("feed", LiveFeed.class, List.of(Backend.REDIS, Backend.MEMORY));

    private final String key;
    private final Class<?> type;
    private final List<Backend> backends;

    Port(String key, Class<?> type, List<Backend> backends) {
        this.key = key;
        this.type = type;
        this.backends = backends;
    }

    /** The key under {@code soltrade.adapters}. */
    public String key() {
        return key;
    }

    /** The port interface. */
    public Class<?> type() {
        return type;
    }

    /** The backends that have an adapter for this port. */
    public List<Backend> backends() {
        return backends;
    }

    public String configPath() {
        return "soltrade.adapters." + key;
    }
}
