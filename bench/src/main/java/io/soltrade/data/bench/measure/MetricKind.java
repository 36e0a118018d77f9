package io.soltrade.data.bench.measure;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a result row measures, which decides how its ratio is oriented: every ratio is "higher is better", so
 * for a throughput it is ours/raw and for a latency, a time or a size it is raw/ours.
 */
public enum MetricKind {
    LATENCY(false),
    THROUGHPUT(true),
    /** A duration that is not a per-operation latency (e.g. time until rows are visible to a query). */
    TIME(false),
    /** Bytes (heap, allocation). */
    MEMORY(false);

    private final boolean higherIsBetter;

    MetricKind(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    /** How results.json spells it: {@code latency}, {@code throughput}, {@code time}, {@code memory}. */
    @JsonValue
    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Ours relative to raw, oriented so that higher is better and 1.0 means "as good as the raw client". */
    double ratio(double ours, double raw) {
        if (!(ours > 0) || !(raw > 0) || !Double.isFinite(ours) || !Double.isFinite(raw)) {
            throw new IllegalArgumentException("a ratio needs two positive finite figures, got ours=" + ours + " raw=" + raw);
        }
        return higherIsBetter ? ours / raw : raw / ours;
    }
}
