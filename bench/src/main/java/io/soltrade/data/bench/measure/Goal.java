package io.soltrade.data.bench.measure;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * What a figure is measured against (reported, never asserted: the machine is shared and noisy). Every row has
 * the ratio goal: ours at least {@value #MIN_RATIO} of the raw client, aiming at {@value #AIM_RATIO}. Some rows
 * add an absolute limit on our figure (QuestDB flush acknowledgement p99 under 100 ms, Redis get mean under 1 ms).
 */
public record Goal(double minRatio, double aimRatio, OptionalDouble oursBelow, String unit) {
    public static final double MIN_RATIO = 0.85;
    public static final double AIM_RATIO = 0.95;

    public Goal {
        if (!(minRatio > 0) || aimRatio < minRatio) {
            throw new IllegalArgumentException("need 0 < minRatio <= aimRatio, got " + minRatio + " and " + aimRatio);
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

    boolean met(double ours, double ratio) {
        return ratio >= minRatio && (oursBelow.isEmpty() || ours < oursBelow.getAsDouble());
    }

    /** Whether the ratio also reached the aim. */
    boolean aimed(double ratio) {
        return ratio >= aimRatio;
    }

    String describe() {
        String ratioGoal = String.format(Locale.ROOT, "ratio >= %.2f (aim %.2f)", minRatio, aimRatio);
        return oursBelow.isEmpty() ? ratioGoal
                : ratioGoal + String.format(Locale.ROOT, "; ours < %s %s", BenchResult.figure(oursBelow.getAsDouble()), unit);
    }
}
