package io.soltrade.data.app.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.soltrade.data.ports.CacheStats;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** Publishes a cache's own {@link CacheStats} as Micrometer counters ({@code soltrade.cache.*{cache=...}}). */
public final class CacheMeters {

    private CacheMeters() {}

    public static void bind(MeterRegistry registry, String cache, Supplier<CacheStats> stats) {
        counter(registry, cache, "soltrade.cache.hits", "Lookups that found a live value", stats, CacheStats::hits);
        counter(registry, cache, "soltrade.cache.misses", "Lookups that found nothing", stats, CacheStats::misses);
        counter(registry, cache, "soltrade.cache.expired", "Lookups that found an expired value", stats, CacheStats::expired);
        counter(registry, cache, "soltrade.cache.stale.writes.rejected", "Writes older than the cached value", stats, CacheStats::staleWritesRejected);
        counter(registry, cache, "soltrade.cache.errors", "Cache operations that failed", stats, CacheStats::errors);
        Gauge.builder("soltrade.cache.hit.ratio", stats, s -> s.get().hitRatio())
                .description("Hits over lookups since start").tag("cache", cache).register(registry);
    }

    private static void counter(MeterRegistry registry, String cache, String name, String description,
            Supplier<CacheStats> stats, ToLongFunction<CacheStats> value) {
        FunctionCounter.builder(name, stats, s -> value.applyAsLong(s.get()))
                .description(description).tag("cache", cache).register(registry);
    }
}
