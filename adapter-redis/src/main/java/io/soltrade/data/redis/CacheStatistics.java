package io.soltrade.data.redis;

import io.soltrade.data.ports.CacheStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A cache's counters and latency histograms. Counting is per key looked up (a {@code getAll} of five symbols adds
 * five lookups). Latencies are whole calls as the caller sees them (a {@code getAll} is one read), recorded
 * wait-free into HdrHistograms with 3 significant digits, from 1 µs to 60 s.
 */
final class CacheStatistics {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder staleWritesRejected = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Histogram readNanos = histogram();
    private final Histogram writeNanos = histogram();

    void hit() {
        hits.increment();
    }

    void miss() {
        misses.increment();
    }

    void expired() {
        expired.increment();
    }

    void staleWriteRejected() {
        staleWritesRejected.increment();
    }

    void error() {
        errors.increment();
    }

    void read(long startNanos) {
        record(readNanos, startNanos);
    }

    void write(long startNanos) {
        record(writeNanos, startNanos);
    }

    CacheStats snapshot() {
        return new CacheStats(hits.sum(), misses.sum(), expired.sum(), staleWritesRejected.sum(), errors.sum());
    }

    LatencySummary readLatency() {
        return LatencySummary.of(readNanos);
    }

    LatencySummary writeLatency() {
        return LatencySummary.of(writeNanos);
    }

    private static void record(Histogram histogram, long startNanos) {
        long elapsed = System.nanoTime() - startNanos;
        histogram.recordValue(Math.max(1_000L, Math.min(elapsed, TimeUnit.SECONDS.toNanos(60))));
    }

    private static Histogram histogram() {
        return new ConcurrentHistogram(1_000L, TimeUnit.SECONDS.toNanos(60), 3);
    }

    /** Latency percentiles in microseconds. */
    record LatencySummary(long count, double meanMicros, double p50Micros, double p99Micros, double p999Micros, double maxMicros) {

        static LatencySummary of(Histogram histogram) {
            Histogram copy = histogram.copy();
            return new LatencySummary(copy.getTotalCount(), copy.getMean() / 1_000.0,
                    copy.getValueAtPercentile(50) / 1_000.0, copy.getValueAtPercentile(99) / 1_000.0,
                    copy.getValueAtPercentile(99.9) / 1_000.0, copy.getMaxValue() / 1_000.0);
        }

        @Override
        public String toString() {
            return String.format("n=%d mean=%.1fus p50=%.1fus p99=%.1fus p99.9=%.1fus max=%.1fus", count, meanMicros, p50Micros, p99Micros, p999Micros, maxMicros);
        }
    }
}
