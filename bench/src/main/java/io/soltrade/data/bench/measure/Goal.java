package io.soltrade.data.bench.measure;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a figure is measured against (reported, never asserted: the machine is shared and noisy). Every row has
 * the ratio goal: ours at least {@value #MIN_RATIO} of the raw client, aiming at {@value #AIM_RATIO}. Some rows
 * add an absolute limit on our figure (QuestDB flush acknowledgement p99 under 100 ms, Redis get mean under 1 ms).
 * A row where doing less than the raw client is the point (a conflated feed delivers at most its rate, where raw
 * {@code PUBLISH} delivers everything) has only the limit: {@link #atMost}, {@code minRatio} 0.
 */
public record Goal(double minRatio, double aimRatio, OptionalDouble oursBelow, String unit) {
    public static final double MIN_RATIO = 0.85;
    public static final double AIM_RATIO = 0.95;

    public Goal {
        if (!(minRatio >= 0) || aimRatio < minRatio || minRatio == 0 && oursBelow.isEmpty()) {
            throw new IllegalArgumentException("need 0 < minRatio <= aimRatio (or 0 with a limit), got " + minRatio + " and " + aimRatio);
        }
    }

    /** Ratio at least 0.85, aiming at 0.95. */
    public static Goal ratio() {
        return new Goal(MIN_RATIO, AIM_RATIO, OptionalDouble.empty(), "");
    }

    /** The ratio goal plus: our figure below {@code limit} {@code unit}. */
    public static Goal ratioAndBelow(double limit, String unit) {
        return new Goal(MIN_RATIO, AIM_RATIO, OptionalDouble.of(limit), unit);
    }

    /** No ratio goal: our figure at most {@code limit} {@code unit} (e.g. a rate limit the raw client does not keep). */
    public static Goal atMost(double limit, String unit) {
        return new Goal(0, 0, OptionalDouble.of(limit), unit);
    }

    boolean met(double ours, double ratio) {
        if (minRatio == 0) {
            return ours <= oursBelow.getAsDouble();
        }
        return ratio >= minRatio && (oursBelow.isEmpty() || ours < oursBelow.getAsDouble());
    }

    /** Whether the ratio also reached the aim. */
    boolean aimed(double ratio) {
        return ratio >= aimRatio;
    }

    String describe() {
        if (minRatio == 0) {
            return "ours <= " + BenchResult.figure(oursBelow.getAsDouble()) + " " + unit + " (no ratio goal)";
        }
        String ratioGoal = String.format(Locale.ROOT, "ratio >= %.2f (aim %.2f)", minRatio, aimRatio);
        return oursBelow.isEmpty() ? ratioGoal
                : ratioGoal + String.format(Locale.ROOT, "; ours < %s %s", BenchResult.figure(oursBelow.getAsDouble()), unit);
    }
}
