package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns whatever pgjdbc, HikariCP or jOOQ threw into the one {@link DbException} callers see, by SQLSTATE. The
 * split decides retries: a transient kind means the same idempotent call may succeed later (lost connection,
 * server restarting, serialization conflict, timeout, pool exhausted); a permanent one means it never will
 * (constraint, bad SQL, bad data, authentication). The driver exception stays attached as the cause.
 *
 * <p>The table matches the most specific entry first: the full five-character code, then its two-character
 * class. A code in no entry is a permanent {@link DbErrorKind#QUERY} error, so an unknown failure is never
 * retried blindly.
 */
final class PostgresErrorTranslator {
    static final String BACKEND = "postgres";

    private static final Map<String, DbErrorKind> BY_CODE = Map.ofEntries(
            Map.entry("57P01", DbErrorKind.UNAVAILABLE),      // admin_shutdown: pg_terminate_backend or a restart
            Map.entry("57P02", DbErrorKind.UNAVAILABLE),      // crash_shutdown
            Map.entry("57P03", DbErrorKind.UNAVAILABLE),      // cannot_connect_now: starting up or in recovery
            Map.entry("57P05", DbErrorKind.CONNECTION),       // idle_session_timeout
            Map.entry("57014", DbErrorKind.TIMEOUT),          // query_canceled: statement_timeout or a cancel
            Map.entry("40001", DbErrorKind.SERIALIZATION_CONFLICT),
            Map.entry("40P01", DbErrorKind.SERIALIZATION_CONFLICT), // deadlock_detected
            Map.entry("55P03", DbErrorKind.LOCK_NOT_AVAILABLE),
            Map.entry("0A000", DbErrorKind.UNSUPPORTED),
            Map.entry("3D000", DbErrorKind.QUERY),            // invalid_catalog_name: the database does not exist
            Map.entry("3F000", DbErrorKind.QUERY));           // invalid_schema_name: not migrated

    private static final Map<String, DbErrorKind> BY_CLASS = Map.of(
            "08", DbErrorKind.CONNECTION,
            "53", DbErrorKind.UNAVAILABLE,                   // insufficient resources: disk, memory, connections
            "22", DbErrorKind.QUERY,                         // data exception
            "23", DbErrorKind.CONSTRAINT,
            "42", DbErrorKind.QUERY,                         // syntax error or access rule violation
            "28", DbErrorKind.AUTHENTICATION);

    private PostgresErrorTranslator() {}

    /** The kind a SQLSTATE stands for; a null or unknown code is {@link DbErrorKind#QUERY}. */
    static DbErrorKind kindOf(String sqlState) {
        if (sqlState == null || sqlState.length() != 5) {
            return DbErrorKind.QUERY;
        }
        DbErrorKind exact = BY_CODE.get(sqlState);
        if (exact != null) {
            return exact;
        }
        return BY_CLASS.getOrDefault(sqlState.substring(0, 2), DbErrorKind.QUERY);
    }

    /**
     * The {@link DbException} for {@code failure} during {@code action} (e.g. "batchSave of 500 trades"). A
     * {@link DbException} passes unchanged. HikariCP's "connection is not available" timeout is
     * {@link DbErrorKind#POOL_EXHAUSTED} unless the pool could not reach the server at all, which is
     * {@link DbErrorKind#CONNECTION}.
     */
    static DbException translate(Throwable failure, String action) {
        if (failure instanceof DbException db) {
            return db;
        }
        Optional<SQLException> sql = firstSqlException(failure);
        String sqlState = sql.map(PostgresErrorTranslator::sqlStateOf).orElse(null);
        DbErrorKind kind;
        if (sql.isPresent() && sql.get() instanceof SQLTransientConnectionException && (sqlState == null || !sqlState.startsWith("08"))) {
            kind = DbErrorKind.POOL_EXHAUSTED;
        } else if (sql.isEmpty() && failure instanceof java.io.IOException) {
            kind = DbErrorKind.CONNECTION;
        } else {
            kind = kindOf(sqlState);
        }
        String detail = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return DbException.of(kind, BACKEND, action + " failed: " + detail, sqlState, failure);
    }

    private static Optional<SQLException> firstSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The first SQLSTATE along the chain of {@code sql} and its causes and next exceptions. */
    private static String sqlStateOf(SQLException sql) {
        for (Throwable t = sql; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                if (e.getSQLState() != null) {
                    return e.getSQLState();
                }
                SQLException next = e.getNextException();
                if (next != null && next.getSQLState() != null) {
                    return next.getSQLState();
                }
            }
        }
        return null;
    }
}
