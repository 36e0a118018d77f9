package io.soltrade.data.app.config;

import java.util.List;

/**
 * The ports whose adapter configuration picks ({@code soltrade.adapters.<key>}): trades ({@code TradeStore}),
 * positions, metrics, mev ({@code MevEventStore}), config ({@code ConfigStore}), prices ({@code PriceCache}), pools
 * ({@code PoolStateCache}), streams ({@code EventStream}) and feed ({@code LiveFeed}), with the backends that
 * implement each one. The first backend listed is the production choice; {@code memory} serves every port.
 */
public enum Port {
    TRADES("trades", List.of(Backend.QUESTDB, Backend.POSTGRES, Backend.MEMORY)),
    POSITIONS("positions", List.of(Backend.QUESTDB, Backend.MEMORY)),
    METRICS("metrics", List.of(Backend.QUESTDB, Backend.MEMORY)),
    MEV("mev", List.of(Backend.QUESTDB, Backend.MEMORY)),
    CONFIG("config", List.of(Backend.POSTGRES, Backend.MEMORY)),
    PRICES("prices", List.of(Backend.REDIS, Backend.MEMORY)),
    POOLS("pools", List.of(Backend.REDIS, Backend.MEMORY)),
    STREAMS("streams", List.of(Backend.REDIS, Backend.MEMORY)),
    FEED("feed", List.of(Backend.REDIS, Backend.MEMORY));

    private final String key;
    private final List<Backend> backends;

    Port(String key, List<Backend> backends) {
        this.key = key;
        this.backends = backends;
    }

    /** The key under {@code soltrade.adapters}. */
    public String key() {
        return key;
    }

    /** The backends that have an adapter for this port. */
    public List<Backend> backends() {
        return backends;
    }

    public String configPath() {
        return "soltrade.adapters." + key;
    }
}
