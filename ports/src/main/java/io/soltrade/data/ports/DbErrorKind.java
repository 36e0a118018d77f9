package io.soltrade.data.ports;

/**
 * What went wrong, by category. Each kind is either transient (the same call may succeed if retried:
 * connection lost, timeout, pool exhausted, serialization conflict, backpressure) or permanent (retrying
 * cannot help: bad query, constraint, bad input, stale version).
 */
public enum DbErrorKind {
    CONNECTION(true),
    TIMEOUT(true),
    POOL_EXHAUSTED(true),
    /** The server aborted the transaction to keep it serializable (40001) or to break a deadlock (40P01). */
    SERIALIZATION_CONFLICT(true),
    LOCK_NOT_AVAILABLE(true),
    /** The server is out of a resource (disk, memory, connections: SQLSTATE class 53) or shutting down. */
    UNAVAILABLE(true),
    /** A bounded buffer stayed full for longer than the caller may wait. */
    BACKPRESSURE(true),

    QUERY(false),
    CONSTRAINT(false),
    NOT_FOUND(false),
    /** An optimistic-locking update named a version that is no longer current. */
    VERSION_CONFLICT(false),
    /** The caller's input was rejected before any I/O. */
    INVALID_INPUT(false),
    /** A stored value could not be encoded or decoded (JSON, wire format). */
    ENCODING(false),
    AUTHENTICATION(false),
    UNSUPPORTED(false),
    /** The store is closed, or was closed with writes it could not deliver. */
    CLOSED(false);

    private final boolean transientKind;

    DbErrorKind(boolean transientKind) {
        this.transientKind = transientKind;
    }

    public boolean isTransient() {
        return transientKind;
    }
}
