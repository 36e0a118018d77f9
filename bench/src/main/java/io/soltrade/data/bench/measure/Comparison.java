package io.soltrade.data.bench.measure;

import java.util.LinkedHashMap;
import java.util.Map;

/** What both sides measured in one scenario, turned into result rows. */
public record Comparison(SideMeasurement ours, SideMeasurement raw) {
    /** The percentiles a latency chart shows. */
    static final double[] CHART_PERCENTILES = {50, 90, 99, 99.9, 100};

    public BenchResult latencyPercentile(String scenario, double percentile, Goal goal, String whyMissed) {
        return latencyPercentile(scenario, "latency", MetricKind.LATENCY, percentile, goal, whyMissed);
    }

    /** A percentile of the per-operation times, named {@code p99 <what>}: e.g. {@code p99 flush ack}. */
    public BenchResult latencyPercentile(String scenario, String what, MetricKind kind, double percentile, Goal goal, String whyMissed) {
        return BenchResult.measured(scenario, percentileLabel(percentile) + " " + what, "ms", kind,
                ours.percentileMillis(percentile), raw.percentileMillis(percentile), goal, whyMissed);
    }

    public BenchResult meanLatency(String scenario, Goal goal, String whyMissed) {
        return BenchResult.measured(scenario, "mean latency", "ms", MetricKind.LATENCY, ours.meanMillis(), raw.meanMillis(), goal, whyMissed);
    }

    public BenchResult throughput(String scenario, String unit, Goal goal, String whyMissed) {
        return BenchResult.measured(scenario, "throughput", unit, MetricKind.THROUGHPUT, ours.itemsPerSecond(), raw.itemsPerSecond(), goal, whyMissed);
    }

    /** A row from the per-round samples (median of each side), e.g. bytes per trade. */
    public BenchResult sample(String scenario, String metric, String unit, MetricKind kind, Goal goal, String whyMissed) {
        return BenchResult.measured(scenario, metric, unit, kind, ours.medianSample(), raw.medianSample(), goal, whyMissed);
    }

    /** Both sides' latency at {@link #CHART_PERCENTILES}, for a chart. */
    public LatencyProfile latencyProfile(String id, String title) {
        Map<String, Double> oursByPercentile = new LinkedHashMap<>();
        Map<String, Double> rawByPercentile = new LinkedHashMap<>();
        for (double percentile : CHART_PERCENTILES) {
            String label = percentileLabel(percentile);
            oursByPercentile.put(label, ours.percentileMillis(percentile));
            rawByPercentile.put(label, raw.percentileMillis(percentile));
        }
        return new LatencyProfile(id, title, oursByPercentile, rawByPercentile);
    }

    static String percentileLabel(double percentile) {
        if (percentile >= 100) {
            return "max";
        }
        return percentile == Math.rint(percentile) ? "p" + (long) percentile : "p" + percentile;
    }
}
