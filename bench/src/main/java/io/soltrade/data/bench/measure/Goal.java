package io.soltrade.data.bench.measure;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a figure is measured against (reported, never asserted: the machine is shared and noisy). Every row has
 * a ratio goal: ours at least {@value #MIN_RATIO} of the raw client (issue 14: the data layer costs nothing a user
 * can measure over the raw client it wraps), or a row's own ratio where the data layer must do better than raw (group
 * commit: twice the rows/s of senders flushing per row) or has its own bound (the live feed: within 1.1x of raw
 * {@code PUBLISH}). Some rows add an absolute limit on our figure (QuestDB flush acknowledgement p99 under 100 ms,
 * Redis get mean under 1 ms). A row where doing less than the raw client is the point (a conflated feed delivers at
 * most its rate, where raw {@code PUBLISH} delivers everything) has only the limit: {@link #atMost}, {@code minRatio} 0.
 */
public record Goal(double minRatio, OptionalDouble oursBelow, String unit) {
    public static final double MIN_RATIO = 0.95;

    public Goal {
        Objects.requireNonNull(oursBelow, "oursBelow");
        Objects.requireNonNull(unit, "unit");
        if (!(minRatio >= 0) || minRatio == 0 && oursBelow.isEmpty()) {
            throw new IllegalArgumentException("need a ratio above 0, or 0 with a limit, got " + minRatio);
        }
    }

    /** Ratio at least {@value #MIN_RATIO}. */
    public static Goal ratio() {
        return ratioAtLeast(MIN_RATIO);
    }

    /** A row's own ratio goal (e.g. 2.0: twice the raw client's throughput; 1 / 1.1: within 1.1x of its latency). */
    public static Goal ratioAtLeast(double minRatio) {
        return new Goal(minRatio, OptionalDouble.empty(), "");
    }

    /** The ratio goal plus: our figure below {@code limit} {@code unit}. */
    public static Goal ratioAndBelow(double limit, String unit) {
        return new Goal(MIN_RATIO, OptionalDouble.of(limit), unit);
    }

    /** No ratio goal: our figure at most {@code limit} {@code unit} (e.g. a rate limit the raw client does not keep). */
    public static Goal atMost(double limit, String unit) {
        return new Goal(0, OptionalDouble.of(limit), unit);
    }

    boolean met(double ours, double ratio) {
        if (minRatio == 0) {
            return ours <= oursBelow.getAsDouble();
        }
        return ratio >= minRatio && (oursBelow.isEmpty() || ours < oursBelow.getAsDouble());
    }

    String describe() {
        if (minRatio == 0) {
            return "ours <= " + BenchResult.figure(oursBelow.getAsDouble()) + " " + unit + " (no ratio goal)";
        }
        String ratioGoal = String.format(Locale.ROOT, "ratio >= %.2f", minRatio);
        return oursBelow.isEmpty() ? ratioGoal
                : ratioGoal + String.format(Locale.ROOT, "; ours < %s %s", BenchResult.figure(oursBelow.getAsDouble()), unit);
    }
}
