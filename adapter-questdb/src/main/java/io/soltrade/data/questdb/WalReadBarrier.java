package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.TransientDbException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Read-your-writes on WAL tables. QuestDB acknowledges an ILP request once its rows are committed to the
 * table's write-ahead log; a background job applies the log to the table, and only then do queries see the
 * rows. Before a query, this barrier learns the table's sequencer transaction (which counts every commit
 * acknowledged so far) from a status read that started after the caller did, and waits, bounded, until a status
 * read shows the applied transaction ({@code writerTxn}) has reached it. A suspended table (apply failed) or a
 * lag not caught up within the timeout is a transient error.
 *
 * <p>The wait holds no connection: each status read borrows one for a single small query and gives it back, and
 * the callers waiting on one table share the status reads (one in flight per table at a time, at most one per
 * {@link #MIN_POLL_INTERVAL} while the table lags), so 200 readers of a lagging table cost a few status queries,
 * not 200 connections held for up to the timeout. A waiting caller that is interrupted stops waiting at once,
 * keeps its interrupt flag and gets a {@link TransientDbException}.
 */
final class WalReadBarrier {
    /**
     * The pause between two status reads of a lagging table: fixed, never growing, so a caller waits at most this long
     * past the apply it waits for, plus one status read. Shared by every waiter of the table. 2 ms was tried (issue
     * 14) and gave no consistent gain on the loaded 2-core machine ({@code questdb.visible-after-write} p50 27, 137
     * and 272 ms in three runs, against 30 ms at 5 ms), at 2.5x the status queries on the server's one PG wire worker.
     */
    static final Duration MIN_POLL_INTERVAL = Duration.ofMillis(5);

    /** One status read of one table: empty when it is not a WAL table (or does not exist yet). */
    @FunctionalInterface
    interface StatusQuery {
        Optional<WalStatus> status(String table) throws SQLException;
    }

    record WalStatus(boolean suspended, long appliedTxn, long sequencerTxn, String error) {}

    private final StatusQuery query;
    private final Duration timeout;
    private final Map<String, TableWatch> tables = new ConcurrentHashMap<>();

    WalReadBarrier(StatusQuery query, Duration timeout) {
        this.query = query;
        this.timeout = timeout;
    }

    /** Returns once every write to {@code table} acknowledged before this call is visible to queries. */
    void await(String table) throws SQLException {
        tables.computeIfAbsent(table, TableWatch::new).await();
    }

    /** The status reads of one table, shared by everyone waiting on it. */
    private final class TableWatch {
        private final String table;
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition published = lock.newCondition();
        private boolean reading;
        /** The latest status read, with when it started; null before the first. */
        private Reading latest;

        private record Reading(long startedNanos, Optional<WalStatus> status) {}

        TableWatch(String table) {
            this.table = table;
        }

        void await() throws SQLException {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            long target = -1;
            lock.lock();
            try {
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw interrupted(null);
                    }
                    Reading seen = latest;
                    if (seen != null && seen.startedNanos - start >= 0) {
                        if (seen.status.isEmpty()) {
                            return; // not a WAL table (or not created yet): nothing to wait for
                        }
                        WalStatus status = seen.status.get();
                        if (status.suspended()) {
                            throw new TransientDbException(DbErrorKind.UNAVAILABLE, QuestDbExceptionTranslator.BACKEND,
                                    "table " + table + " is suspended (WAL apply stopped: " + status.error()
                                            + "); acknowledged writes are kept in its WAL but are not visible until it is resumed", null, null);
                        }
                        if (target < 0) {
                            target = status.sequencerTxn();
                        }
                        if (status.appliedTxn() >= target) {
                            return;
                        }
                    }
                    long now = System.nanoTime();
                    if (now - deadline >= 0) {
                        throw new TransientDbException(DbErrorKind.TIMEOUT, QuestDbExceptionTranslator.BACKEND, "table " + table
                                + (seen == null || seen.status.isEmpty() ? " reported no status" : " has applied transaction "
                                        + seen.status.get().appliedTxn() + " of " + target) + " after " + timeout.toMillis()
                                + " ms; the query would miss acknowledged writes", null, null);
                    }
                    long nextReadAt = seen == null ? now : seen.startedNanos + MIN_POLL_INTERVAL.toNanos();
                    if (!reading && nextReadAt - now <= 0) {
                        read(now);
                    } else {
                        // a read is in flight (or the last was too recent): wait for the next one, or for the interval
                        long wait = reading ? deadline - now : Math.min(nextReadAt - now, deadline - now);
                        awaitNanos(Math.max(1, wait));
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        /** Runs one status read outside the lock and publishes it; the caller holds the lock on entry and exit. */
        private void read(long startedNanos) throws SQLException {
            reading = true;
            Optional<WalStatus> status = null;
            lock.unlock();
            try {
                status = query.status(table);
            } finally {
                lock.lock();
                reading = false;
                if (status != null) {
                    latest = new Reading(startedNanos, status);
                }
                published.signalAll();
            }
        }

        private void awaitNanos(long nanos) {
            try {
                published.awaitNanos(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted(e);
            }
        }

        private TransientDbException interrupted(InterruptedException cause) {
            return new TransientDbException(DbErrorKind.TIMEOUT, QuestDbExceptionTranslator.BACKEND,
                    "interrupted while waiting for acknowledged writes to " + table + " to become visible; nothing was read", null, cause);
        }
    }
}
