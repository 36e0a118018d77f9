package io.soltrade.data.ports;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether repeating a port operation can change what the first call did, which decides what a retry may repeat.
 * Every retry needs a transient failure; what differs is whether the first attempt might have taken effect. Each
 * operation's class is in {@link PortOperation}, the one table every retrier reads (the adapters' own retries
 * and the host's decorators alike).
 */
public enum Idempotency {
    /**
     * Repeating the call changes nothing (writes keyed by natural key, set-if-newer cache writes, reads): any
     * transient failure may be retried, even one after which the first attempt may have been applied.
     */
    IDEMPOTENT,
    /**
     * Repeating a call that took effect would do it twice (a stream append, an optimistic-lock update, an
     * exactly-once trigger, a group read or claim that marks entries delivered): only failures that prove nothing
     * was applied may be retried, namely a pool that gave no connection, a full buffer that took nothing, and a
     * transaction the server aborted (serialization conflict, lock not available).
     */
    NOT_IDEMPOTENT;

    private static final Set<DbErrorKind> NOTHING_APPLIED = EnumSet.of(
            DbErrorKind.POOL_EXHAUSTED, DbErrorKind.BACKPRESSURE, DbErrorKind.SERIALIZATION_CONFLICT, DbErrorKind.LOCK_NOT_AVAILABLE);

    /** Whether a call of this kind that failed with {@code failure} may be tried again. */
    public boolean allowsRetryAfter(Throwable failure) {
        if (!(failure instanceof DbException db) || !db.isTransient()) {
            return false;
        }
        return this == IDEMPOTENT || NOTHING_APPLIED.contains(db.kind());
    }
}
