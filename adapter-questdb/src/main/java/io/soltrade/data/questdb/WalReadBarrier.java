package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.TransientDbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes on WAL tables. QuestDB acknowledges an ILP request once its rows are committed to the
 * table's write-ahead log; a background job applies the log to the table, and only then do queries see the
 * rows. Before a query, this barrier reads the table's sequencer transaction (which counts every commit
 * acknowledged so far) and waits, bounded, until the applied transaction ({@code writerTxn}) reaches it. So a
 * query sees every write acknowledged before it started, at the cost of one small query when nothing is
 * pending. A suspended table (apply failed) or a lag not caught up within the timeout is a transient error.
 */
final class WalReadBarrier {
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final String statusQuery;
    private final Duration timeout;

    WalReadBarrier(String statusQuery, Duration timeout) {
        this.statusQuery = statusQuery;
        this.timeout = timeout;
    }

    void await(Connection connection, String table) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        try (PreparedStatement statement = connection.prepareStatement(statusQuery)) {
            statement.setString(1, table);
            long target = -1;
            while (true) {
                try (ResultSet status = statement.executeQuery()) {
                    if (!status.next()) {
                        return; // not a WAL table (or not created yet): nothing to wait for
                    }
                    if (status.getBoolean(1)) {
                        throw new TransientDbException(DbErrorKind.UNAVAILABLE, QuestDbExceptionTranslator.BACKEND,
                                "table " + table + " is suspended (WAL apply stopped: " + status.getString(4)
                                        + "); acknowledged writes are kept in its WAL but are not visible until it is resumed", null, null);
                    }
                    long applied = status.getLong(2);
                    if (target < 0) {
                        target = status.getLong(3);
                    }
                    if (applied >= target) {
                        return;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        throw new TransientDbException(DbErrorKind.TIMEOUT, QuestDbExceptionTranslator.BACKEND,
                                "table " + table + " has applied transaction " + applied + " of " + target + " after "
                                        + timeout.toMillis() + " ms; the query would miss acknowledged writes", null, null);
                    }
                }
                LockSupport.parkNanos(pause);
                pause = Math.min(MAX_PAUSE_NANOS, pause * 2);
            }
        }
    }
}
