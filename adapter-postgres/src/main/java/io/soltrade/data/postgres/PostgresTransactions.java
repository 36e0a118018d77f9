package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.sql.SQLException;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * Runs work against the pool with one connection, in one transaction or in auto-commit, and turns every
 * failure into a {@link DbException}. The connection is borrowed on the first statement (see
 * {@link TransactionScope}), so input checks that run before it cost no connection and no I/O.
 *
 * <p>The generated jOOQ classes name the schema {@value PostgresSettings#DEFAULT_SCHEMA}; a render mapping
 * points every statement at the configured schema instead.
 */
final class PostgresTransactions {
    private final PostgresConnectionPool pool;
    private final Configuration jooq;
    private final TransactionScope.ConnectionHook onBorrow;
    private final TransactionScope.ConnectionHook afterCommit;

    /** A unit of work; it may throw anything, which is translated. */
    interface Work<T> {
        T run(TransactionScope scope) throws Exception;
    }

    PostgresTransactions(PostgresConnectionPool pool) {
        this(pool, TransactionScope.ConnectionHook.NONE, TransactionScope.ConnectionHook.NONE);
    }

    /**
     * Units of work that run {@code onBorrow} on each connection before its first statement (a failure fails the
     * work), and {@code afterCommit} on it once a transaction committed (the work is acknowledged whatever it does).
     */
    PostgresTransactions(PostgresConnectionPool pool, TransactionScope.ConnectionHook onBorrow, TransactionScope.ConnectionHook afterCommit) {
        this.pool = pool;
        this.onBorrow = onBorrow;
        this.afterCommit = afterCommit;
        Settings settings = new Settings()
                .withExecuteLogging(false)
                .withRenderMapping(new RenderMapping().withSchemata(
                        new MappedSchema().withInput(PostgresSettings.DEFAULT_SCHEMA).withOutput(pool.settings().schema())));
        this.jooq = new DefaultConfiguration().set(SQLDialect.POSTGRES).set(settings);
    }

    /** A jOOQ context with no connection, for rendering statements once (with the schema mapping) ahead of their use. */
    DSLContext renderer() {
        return DSL.using(jooq);
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    <T> T inTransaction(String action, Work<T> work) {
        return run(action, work, true);
    }

    /** Runs {@code work} with auto-commit on: each statement commits by itself. For single statements and reads. */
    <T> T autoCommit(String action, Work<T> work) {
        return run(action, work, false);
    }

    private <T> T run(String action, Work<T> work, boolean transactional) {
        TransactionScope scope = new TransactionScope(pool, jooq, transactional, onBorrow);
        try {
            T result = work.run(scope);
            scope.commit();
            runAfterCommit(scope);
            return result;
        } catch (Exception e) {
            scope.rollbackAfter(e);
            throw translate(e, action);
        } catch (Error e) {
            scope.rollbackAfter(e);
            throw e;
        } finally {
            scope.release();
        }
    }

    /** The commit stands: a failing hook must not turn an acknowledged write into an error. */
    private void runAfterCommit(TransactionScope scope) {
        try {
            scope.afterCommit(afterCommit);
        } catch (SQLException | RuntimeException ignored) {
            // the hook reports its own failures; see ReplicaReads#recordCommit
        }
    }

    /** A {@link DbException} stays what it is; driver and jOOQ failures are translated; anything else is QUERY. */
    static DbException translate(Throwable failure, String action) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DbException db) {
                return db;
            }
            if (t instanceof SQLException || t instanceof org.jooq.exception.DataAccessException) {
                return PostgresErrorTranslator.translate(failure, action);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return DbException.of(DbErrorKind.QUERY, PostgresErrorTranslator.BACKEND, action + " failed: " + failure, null, failure);
    }
}
