package io.soltrade.data.domain;

/**
 * A trader's hard limits. Lamport amounts are u64; a zero limit means "nothing allowed", not "unlimited".
 */
public record RiskLimits(TokenAmount maxPositionLamports, TokenAmount maxDailyLossLamports, int maxSlippageBps, int maxOpenOrders) {

    public RiskLimits {
        Checks.notNull(maxPositionLamports, "maxPositionLamports");
        Checks.notNull(maxDailyLossLamports, "maxDailyLossLamports");
        Checks.inRange(maxSlippageBps, "maxSlippageBps", 0, 10_000);
        Checks.inRange(maxOpenOrders, "maxOpenOrders", 0, 10_000);
    }
}
