package io.soltrade.data.domain;

/**
 * How a trader wants to be shielded from sandwich attacks: whether to protect at all, the predicted
 * probability above which a trade is sent privately (or not sent), the most tip to pay for a protected route.
 */
public record MevProtection(boolean enabled, double sandwichProbabilityThreshold, TokenAmount maxTipLamports, boolean privateSubmission) {

    public MevProtection {
        Checks.inRange(sandwichProbabilityThreshold, "sandwichProbabilityThreshold", 0.0, 1.0);
        Checks.notNull(maxTipLamports, "maxTipLamports");
    }

    public static MevProtection disabled() {
        return new MevProtection(false, 1.0, TokenAmount.ZERO, false);
    }

    /** Whether a trade with this predicted sandwich probability needs protection. */
    public boolean protects(double sandwichProbability) {
        return enabled && Checks.inRange(sandwichProbability, "sandwichProbability", 0.0, 1.0) >= sandwichProbabilityThreshold;
    }
}
