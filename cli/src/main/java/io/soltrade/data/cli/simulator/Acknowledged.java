package io.soltrade.data.cli.simulator;

/** What a session counts as acknowledged: items in write calls that returned success, by kind. */
enum Acknowledged {
    TRADES("trades"),
    POSITIONS("positions"),
    METRICS("metrics"),
    MEV_EVENTS("mev_events"),
    PRICES("prices"),
    POOL_STATES("pool_states"),
    STREAM_EVENTS("stream_events");

    private final String key;

    Acknowledged(String key) {
        this.key = key;
    }

    /** The name in the summary JSON. */
    String key() {
        return key;
    }
}
