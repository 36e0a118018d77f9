package io.soltrade.data.ports;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception every port throws. Adapters translate driver exceptions into it (keeping the driver's
 * exception as the cause and its vendor code, e.g. the SQLSTATE), so callers never see a driver type.
 *
 * <p>The family is closed: a {@link TransientDbException} may succeed if retried, a
 * {@link PermanentDbException} never will, so a retry predicate is one {@code instanceof}.
 */
public abstract sealed class DbException extends RuntimeException permits TransientDbException, PermanentDbException {
    private static final long serialVersionUID = 1L;

    private final DbErrorKind kind;
    private final String backend;
    private final String vendorCode;

    DbException(DbErrorKind kind, String backend, String message, String vendorCode, Throwable cause) {
        super(Objects.requireNonNull(message, "message is null"), cause);
        this.kind = Objects.requireNonNull(kind, "kind is null");
        this.backend = Objects.requireNonNull(backend, "backend is null");
        this.vendorCode = vendorCode;
    }

    /** A transient or permanent exception, whichever {@code kind} is. */
    public static DbException of(DbErrorKind kind, String backend, String message, String vendorCode, Throwable cause) {
        return kind.isTransient()
                ? new TransientDbException(kind, backend, message, vendorCode, cause)
                : new PermanentDbException(kind, backend, message, vendorCode, cause);
    }

    public static DbException of(DbErrorKind kind, String backend, String message) {
        return of(kind, backend, message, null, null);
    }

    /** Bad input, rejected before any I/O. */
    public static PermanentDbException invalidInput(String backend, String message, Throwable cause) {
        return new PermanentDbException(DbErrorKind.INVALID_INPUT, backend, message, null, cause);
    }

    public DbErrorKind kind() {
        return kind;
    }

    /** Which backend failed: {@code postgres}, {@code questdb}, {@code redis} or {@code memory}. */
    public String backend() {
        return backend;
    }

    /** The server's own error code, e.g. a PostgreSQL SQLSTATE, when there is one. */
    public Optional<String> vendorCode() {
        return Optional.ofNullable(vendorCode);
    }

    public boolean isTransient() {
        return kind.isTransient();
    }

    public boolean isPermanent() {
        return !kind.isTransient();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + kind + ", " + backend + (vendorCode == null ? "" : ", " + vendorCode) + "]: " + getMessage();
    }
}
