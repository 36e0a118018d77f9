package io.soltrade.data.app.resilience;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a port operation may be repeated, which decides what its decorator retries. Every retry needs a
 * transient failure; what differs is whether the first attempt might have taken effect.
 */
enum Idempotency {
    /**
     * Repeating the call changes nothing (writes keyed by natural key, set-if-newer cache writes, reads): any
     * transient failure is retried, even one after which the first attempt may have been applied.
     */
    IDEMPOTENT,
    /**
     * Repeating a call that took effect would do it twice (a stream append, an optimistic-lock update, an
     * exactly-once trigger, a group read that marks entries pending): only failures that prove nothing was
     * applied are retried, namely a pool that gave no connection, a full buffer that took nothing, and a
     * transaction the server aborted (serialization conflict, lock not available).
     */
    NOT_IDEMPOTENT;

    private static final Set<DbErrorKind> NOTHING_APPLIED = EnumSet.of(
            DbErrorKind.POOL_EXHAUSTED, DbErrorKind.BACKPRESSURE, DbErrorKind.SERIALIZATION_CONFLICT, DbErrorKind.LOCK_NOT_AVAILABLE);

    /** Whether a call of this kind that failed with {@code failure} may be tried again. */
    boolean allowsRetryAfter(Throwable failure) {
        if (!(failure instanceof DbException db) || !db.isTransient()) {
            return false;
        }
        return this == IDEMPOTENT || NOTHING_APPLIED.contains(db.kind());
    }
}
