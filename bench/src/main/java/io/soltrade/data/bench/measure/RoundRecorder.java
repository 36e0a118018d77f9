package io.soltrade.data.bench.measure;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What one round of one side records: the latency of each operation (nanoseconds, HdrHistogram, three
 * significant digits), the items the operations moved (rows, keys, messages) and, for scenarios that measure
 * a size rather than a time, one sample per round. Thread-safe: concurrent scenarios record from every worker.
 */
public final class RoundRecorder {
    private final Recorder latencies = new Recorder(3);
    private final LongAdder items = new LongAdder();
    private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();

    /** One operation of {@code latencyNanos} that moved {@code itemCount} items. */
    public void record(long latencyNanos, long itemCount) {
        latencies.recordValue(Math.max(1, latencyNanos));
        items.add(itemCount);
    }

    /** Runs {@code operation}, recording its latency and {@code itemCount} items. */
    public void time(long itemCount, Operation operation) throws Exception {
        long start = System.nanoTime();
        operation.run();
        record(System.nanoTime() - start, itemCount);
    }

    /** One measured value of this round (bytes per trade, ...), for scenarios that measure sizes. */
    public void sample(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a sample must be finite, got " + value);
        }
        samples.add(value);
    }

    Histogram latencies() {
        return latencies.getIntervalHistogram();
    }

    public long items() {
        return items.sum();
    }

    List<Double> samples() {
        return List.copyOf(samples);
    }

    /** One timed operation. */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }
}
