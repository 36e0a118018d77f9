package io.soltrade.data.bench.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One row of {@code results.json} and of the report. A measured row has both figures and their {@code ratio}
 * (oriented so that higher is better, see {@link MetricKind}); a skipped row has none and says why in
 * {@code note} ({@code skipped: <why>}). {@code note} on a measured row explains a missed goal.
 *
 * @param scenario e.g. {@code redis.price-get}
 * @param metric   e.g. {@code p99 latency}
 * @param unit     e.g. {@code ms}, {@code rows/s}, {@code bytes/trade}
 * @param kind     how the ratio is oriented
 * @param ours     our port's figure; null when skipped
 * @param raw      the raw client's figure; null when skipped
 * @param ratio    ours against raw, higher is better, 1.0 = as good as raw; null when skipped
 * @param goal     what the row is measured against, in words
 * @param goalMet  whether it met the goal; null when skipped
 * @param status   {@code measured}, {@code skipped} (its server does not answer) or {@code failed} (it threw)
 * @param note     why a goal was missed, or why the scenario was skipped; empty otherwise
 */
@JsonPropertyOrder({"scenario", "metric", "unit", "kind", "ours", "raw", "ratio", "goal", "goalMet", "status", "note"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BenchResult(String scenario, String metric, String unit, MetricKind kind, Double ours, Double raw, Double ratio,
                   String goal, Boolean goalMet, String status, String note) {
    static final String MEASURED = "measured";
    static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    public BenchResult {
        Objects.requireNonNull(scenario, "scenario is null");
        Objects.requireNonNull(metric, "metric is null");
        Objects.requireNonNull(unit, "unit is null");
        Objects.requireNonNull(goal, "goal is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(note, "note is null");
    }

    static BenchResult measured(String scenario, String metric, String unit, MetricKind kind, double ours, double raw,
                                Goal goal, String whyMissed) {
        double ratio = kind.ratio(ours, raw);
        boolean met = goal.met(ours, ratio);
        return new BenchResult(scenario, metric, unit, kind, round(ours), round(raw), round(ratio), goal.describe(), met,
                MEASURED, met ? "" : whyMissed);
    }

    public static BenchResult skipped(String scenario, String why) {
        return new BenchResult(scenario, "-", "-", null, null, null, null, Goal.ratio().describe(), null, SKIPPED, "skipped: " + why);
    }

    /** A scenario that threw: the run goes on, and the command exits non-zero at the end. */
    public static BenchResult failed(String scenario, String why) {
        return new BenchResult(scenario, "-", "-", null, null, null, null, Goal.ratio().describe(), null, FAILED, "failed: " + why);
    }

    public boolean isMeasured() {
        return MEASURED.equals(status);
    }

    /** A figure as the report prints it: four significant digits, no exponent for everyday magnitudes. */
    public static String figure(double value) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
        return rounded.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) >= 0 ? rounded.toString()
                : rounded.stripTrailingZeros().toPlainString();
    }

    private static double round(double value) {
        return new BigDecimal(value).round(new MathContext(6)).doubleValue();
    }
}
