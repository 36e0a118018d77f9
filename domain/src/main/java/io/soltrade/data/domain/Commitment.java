package io.soltrade.data.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * How final an on-chain trade is, as Solana's commitment levels say, plus {@link #FAILED} for a trade whose slot
 * was skipped (its block lost a fork) or whose transaction failed. A trade only moves forward:
 * {@code PROCESSED -> CONFIRMED -> FINALIZED}, and a trade that is not finalized may become {@code FAILED};
 * {@link #advance} applies one observation under these rules.
 *
 * <p>A trade with a {@link PaperTradeId} has no chain to wait for and is always {@link #FINALIZED}.
 */
public enum Commitment {
    /** Seen in a block the node voted on; the block may still be skipped. */
    PROCESSED,
    /** Voted on by a supermajority (optimistic confirmation). */
    CONFIRMED,
    /** Rooted: the block can no longer be skipped. */
    FINALIZED,
    /** Its slot was skipped or its transaction failed: it never happened on the chain that won. */
    FAILED;

    /** Whether a trade at this level is returned to a reader asking for at least {@code minimum}; a failed one never is. */
    public boolean meets(Commitment minimum) {
        Checks.notNull(minimum, "minimum");
        if (this == FAILED || minimum == FAILED) {
            return false;
        }
        return ordinal() >= minimum.ordinal();
    }

    /** The levels that meet {@code minimum}, lowest first. */
    public static Set<Commitment> atLeast(Commitment minimum) {
        Checks.notNull(minimum, "minimum");
        EnumSet<Commitment> levels = EnumSet.noneOf(Commitment.class);
        for (Commitment level : values()) {
            if (level.meets(minimum)) {
                levels.add(level);
            }
        }
        return levels;
    }

    /**
     * The level after observing {@code observed}: a report of a lower level than this one arrives late (nodes
     * answer out of order) and changes nothing; a higher level, or a failure of a trade that is not finalized,
     * replaces it.
     *
     * @throws DomainValidationException when {@code observed} contradicts this level: a finalized trade cannot fail,
     *     and a failed trade (its slot was skipped) cannot be confirmed afterwards
     */
    public Commitment advance(Commitment observed) {
        Checks.notNull(observed, "commitment");
        if (observed == this) {
            return this;
        }
        if (this == FAILED) {
            throw new DomainValidationException("commitment", "is " + observed + " but the trade already FAILED (its slot was skipped): a failed trade stays failed");
        }
        if (observed == FAILED) {
            if (this == FINALIZED) {
                throw new DomainValidationException("commitment", "is FAILED but the trade is already FINALIZED: a finalized block cannot be skipped");
            }
            return FAILED;
        }
        return observed.ordinal() > ordinal() ? observed : this;
    }
}
