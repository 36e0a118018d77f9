package io.soltrade.data.bench.measure;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything one side (ours or raw) recorded over its measured rounds: the merged latency histogram
 * (nanoseconds), the items moved, the time spent inside rounds and the per-round samples. Throughput is items
 * over time spent in rounds, so set-up between rounds never counts. Not thread-safe: filled by
 * {@link AlternatingRounds} between rounds.
 */
final class SideMeasurement {
    private final Histogram latencies = new Histogram(3);
    private final List<Double> samples = new ArrayList<>();
    private long items;
    private long elapsedNanos;
    private int rounds;

    void add(RoundRecorder round, long roundNanos) {
        latencies.add(round.latencies());
        samples.addAll(round.samples());
        items += round.items();
        elapsedNanos += roundNanos;
        rounds++;
    }

    int rounds() {
        return rounds;
    }

    long operations() {
        return latencies.getTotalCount();
    }

    long items() {
        return items;
    }

    /** The latency at {@code percentile} (0..100), in milliseconds. */
    double percentileMillis(double percentile) {
        requireOperations();
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    double meanMillis() {
        requireOperations();
        return latencies.getMean() / 1e6;
    }

    double maxMillis() {
        requireOperations();
        return latencies.getMaxValue() / 1e6;
    }

    /** Items per second of time spent inside measured rounds. */
    double itemsPerSecond() {
        if (elapsedNanos <= 0 || items <= 0) {
            throw new IllegalStateException("no items were recorded, so there is no throughput");
        }
        return items * 1e9 / elapsedNanos;
    }

    /** The median of the per-round samples (robust to one round disturbed by another process on the machine). */
    double medianSample() {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples were recorded");
        }
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private void requireOperations() {
        if (latencies.getTotalCount() == 0) {
            throw new IllegalStateException("no operation latencies were recorded");
        }
    }
}
