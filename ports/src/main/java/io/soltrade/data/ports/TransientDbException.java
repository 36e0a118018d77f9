package io.soltrade.data.ports;

/** A failure that may pass: the same idempotent call may be retried. */
public final class TransientDbException extends DbException {
    private static final long serialVersionUID = 1L;

    public TransientDbException(DbErrorKind kind, String backend, String message, String vendorCode, Throwable cause) {
        super(requireTransient(kind), backend, message, vendorCode, cause);
    }

    private static DbErrorKind requireTransient(DbErrorKind kind) {
        if (kind != null && !kind.isTransient()) {
            throw new IllegalArgumentException(kind + " is a permanent kind");
        }
        return kind;
    }
}
