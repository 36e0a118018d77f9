package io.soltrade.data.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.soltrade.data.ports.CacheStats;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Publishes a cache's own {@link CacheStats} as Micrometer counters ({@code soltrade.cache.*{cache=...}}). */
public final class CacheMeters {

    private CacheMeters() {}

    /**
     * Binds {@code cache}'s statistics. Micrometer holds a gauge's or function counter's object weakly, so the object
     * is the cache itself (which its owner keeps), never a lambda made here: nothing would keep that, and after the
     * first collection every meter of the cache would read NaN.
     */
    public static <C> void bind(MeterRegistry registry, String name, C cache, Function<C, CacheStats> stats) {
        counter(registry, name, "soltrade.cache.hits", "Lookups that found a live value", cache, stats, CacheStats::hits);
        counter(registry, name, "soltrade.cache.misses", "Lookups that found nothing", cache, stats, CacheStats::misses);
        counter(registry, name, "soltrade.cache.expired", "Lookups that found an expired value", cache, stats, CacheStats::expired);
        counter(registry, name, "soltrade.cache.stale.writes.rejected", "Writes older than the cached value", cache, stats, CacheStats::staleWritesRejected);
        counter(registry, name, "soltrade.cache.errors", "Cache operations that failed", cache, stats, CacheStats::errors);
        Gauge.builder("soltrade.cache.hit.ratio", cache, c -> stats.apply(c).hitRatio())
                .description("Hits over lookups since start").tag("cache", name).register(registry);
    }

    private static <C> void counter(MeterRegistry registry, String name, String meter, String description,
            C cache, Function<C, CacheStats> stats, ToLongFunction<CacheStats> value) {
        FunctionCounter.builder(meter, cache, c -> value.applyAsLong(stats.apply(c)))
                .description(description).tag("cache", name).register(registry);
    }
}
