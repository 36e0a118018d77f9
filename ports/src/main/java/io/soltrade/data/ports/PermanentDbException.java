package io.soltrade.data.ports;

/** A failure that retrying cannot fix: bad input, a broken constraint, a stale version, a bad query. */
public final class PermanentDbException extends DbException {
    private static final long serialVersionUID = 1L;

    public PermanentDbException(DbErrorKind kind, String backend, String message, String vendorCode, Throwable cause) {
        super(requirePermanent(kind), backend, message, vendorCode, cause);
    }

    private static DbErrorKind requirePermanent(DbErrorKind kind) {
        if (kind != null && kind.isTransient()) {
            throw new IllegalArgumentException(kind + " is a transient kind");
        }
        return kind;
    }
}
