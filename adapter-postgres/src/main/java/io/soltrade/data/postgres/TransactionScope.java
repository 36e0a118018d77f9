package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.sql.Connection;
import java.sql.SQLException;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * One borrowed connection for the length of one unit of work, taken from the pool only when the first
 * statement needs it. Not thread-safe: a scope belongs to the thread running its work. After the work ends
 * the scope refuses further use, so an operations object kept past its transaction fails loudly.
 */
final class TransactionScope implements ConnectionProvider {
    /** Runs on a connection at a point of its unit of work: when it is borrowed, or after a commit. */
    interface ConnectionHook {
        ConnectionHook NONE = connection -> { };

        void run(Connection connection) throws SQLException;
    }

    private final PostgresConnectionPool pool;
    private final boolean transactional;
    private final ConnectionHook onBorrow;
    private final Configuration jooq;
    private DSLContext dsl;
    private Connection connection;
    private boolean ended;

    TransactionScope(PostgresConnectionPool pool, Configuration jooq, boolean transactional) {
        this(pool, jooq, transactional, ConnectionHook.NONE);
    }

    /** A scope that runs {@code onBorrow} on its connection before the first statement (and gives it back if that throws). */
    TransactionScope(PostgresConnectionPool pool, Configuration jooq, boolean transactional, ConnectionHook onBorrow) {
        this.pool = pool;
        this.transactional = transactional;
        this.onBorrow = onBorrow;
        this.jooq = jooq;
    }

    /**
     * The jOOQ context of this unit of work; its statements run on this scope's connection. Derived on first use:
     * a read that runs plain JDBC ({@link TraderConfigRead}) never pays for the derived configuration.
     */
    DSLContext dsl() {
        requireOpen();
        if (dsl == null) {
            dsl = DSL.using(jooq.derive(this));
        }
        return dsl;
    }

    /** The connection, borrowed now if it was not yet (for what jOOQ cannot say, e.g. COPY). */
    Connection connection() throws SQLException {
        requireOpen();
        if (connection == null) {
            Connection borrowed = pool.connection();
            try {
                borrowed.setAutoCommit(!transactional);
                onBorrow.run(borrowed);
            } catch (SQLException | RuntimeException e) {
                borrowed.close();
                throw e;
            }
            connection = borrowed;
        }
        return connection;
    }

    void requireOpen() {
        if (ended) {
            throw DbException.of(DbErrorKind.CLOSED, PostgresErrorTranslator.BACKEND,
                    "these operations belong to a unit of work that has ended; use them only inside inTransaction");
        }
    }

    @Override
    public Connection acquire() {
        try {
            return connection();
        } catch (SQLException e) {
            throw new DataAccessException("cannot borrow a connection: " + e.getMessage(), e);
        }
    }

    @Override
    public void release(Connection released) {
        // kept until the unit of work ends
    }

    void commit() throws SQLException {
        ended = true;
        if (connection != null && transactional) {
            connection.commit();
        }
    }

    /** Runs {@code hook} on the connection of a committed unit of work that used one; a failure is the hook's to handle. */
    void afterCommit(ConnectionHook hook) throws SQLException {
        if (connection != null && transactional) {
            hook.run(connection);
        }
    }

    void rollbackAfter(Throwable failure) {
        ended = true;
        if (connection != null && transactional) {
            try {
                connection.rollback();
            } catch (SQLException | RuntimeException e) {
                failure.addSuppressed(e); // a dead connection rolls back by itself; HikariCP evicts it on return
            }
        }
    }

    void release() {
        ended = true;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // HikariCP has already evicted a broken connection; nothing is left to give back
            }
            connection = null;
        }
    }
}
