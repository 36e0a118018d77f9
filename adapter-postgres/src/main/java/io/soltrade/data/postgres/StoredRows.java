package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.util.function.Supplier;

/**
 * Turning a stored row back into a domain value can fail only if the row was written outside this adapter
 * (the CHECK constraints are laxer than the domain in places, e.g. a base58 shape without the decode). Such
 * a row is an {@link DbErrorKind#ENCODING} error naming the row, never a bare domain exception.
 */
final class StoredRows {
    private StoredRows() {}

    static <T> T decode(String what, Supplier<T> mapping) {
        try {
            return mapping.get();
        } catch (RuntimeException e) {
            throw invalid(what, e);
        }
    }

    /** The error for a stored {@code what} that {@code e} refused (for hot paths that name the row only on failure). */
    static DbException invalid(String what, RuntimeException e) {
        return DbException.of(DbErrorKind.ENCODING, PostgresErrorTranslator.BACKEND, "stored " + what + " is not a valid value: " + e.getMessage(), null, e);
    }
}
