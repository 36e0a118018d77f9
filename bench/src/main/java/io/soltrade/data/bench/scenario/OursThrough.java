package io.soltrade.data.bench.scenario;

/**
 * What our side of a scenario calls. {@link #ADAPTER}: the adapter itself, as its Guice module builds it (the
 * adapter's own cost). {@link #DATA_LAYER}: the port a host gets from {@code DataLayer}, the same adapter instance
 * wrapped in the data layer's decorators (retry, circuit breaker, call timer; the time limiter guards async calls,
 * which these scenarios do not make): what a host pays. Both are
 * compared with the same raw client, so the gap between a row {@code X} and its row {@code datalayer.X} is the
 * decorators' cost.
 */
enum OursThrough {
    ADAPTER(""),
    DATA_LAYER("datalayer.");

    private final String prefix;

    OursThrough(String prefix) {
        this.prefix = prefix;
    }

    /** The scenario's name for this side: {@code redis.price-get} or {@code datalayer.redis.price-get}. */
    String name(String adapterScenario) {
        return prefix + adapterScenario;
    }

    /** {@code what} our side does, as one line of {@code measures()}. */
    String describe(String what) {
        return this == ADAPTER ? what : "through DataLayer (retry, circuit breaker, call timer): " + what;
    }

    /** The note of a row that missed its goal: the adapter's reason, plus the decorators' share on a data-layer row. */
    String why(String adapterWhy) {
        return this == ADAPTER ? adapterWhy
                : adapterWhy + "; through the DataLayer each call also passes the retry, circuit-breaker and call-timer decorators "
                        + "(compare with the adapter-only row for their share)";
    }
}
