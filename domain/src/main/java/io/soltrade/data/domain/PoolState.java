package io.soltrade.data.domain;

import java.time.Instant;

/** A liquidity pool's reserves and fee at one slot. Like quotes, a newer slot replaces an older one. */
public record PoolState(
        Dex dex,
        Pubkey pool,
        Pubkey baseMint,
        Pubkey quoteMint,
        TokenAmount baseReserve,
        TokenAmount quoteReserve,
        int feeBps,
        long slot,
        Instant observedAt) {

    public PoolState {
        Checks.notNull(dex, "dex");
        Checks.notNull(pool, "pool");
        Checks.notNull(baseMint, "baseMint");
        Checks.notNull(quoteMint, "quoteMint");
        Checks.notNull(baseReserve, "baseReserve");
        Checks.notNull(quoteReserve, "quoteReserve");
        Checks.inRange(feeBps, "feeBps", 0, 10_000);
        Checks.nonNegative(slot, "slot");
        observedAt = Checks.timestamp(observedAt, "observedAt");
        if (baseMint.equals(quoteMint)) {
            throw new DomainValidationException("quoteMint", "equals baseMint " + baseMint);
        }
    }

    public boolean isNewerThan(PoolState other) {
        Checks.notNull(other, "other");
        return slot != other.slot ? slot > other.slot : observedAt.isAfter(other.observedAt);
    }
}
