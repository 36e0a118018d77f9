package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's rows for one table, all or nothing: the writer never splits a submission across requests.
 * The writer keeps this object (an immutable copy of the caller's values) until the server acknowledges it
 * or it fails, and encodes it again for every attempt, so nothing depends on what a failed client flush
 * leaves in the client's buffer.
 */
final class Submission<T> {
    private final RowEncoder<T> encoder;
    private final List<T> rows;
    private final boolean callerWaiting;
    private final long deadlineNanos;
    private final Content content;
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    /**
     * What a submission holds, for telling a second copy of the same rows from new ones: the table and the rows
     * (values with value equality), hashed once.
     */
    static final class Content {
        private final String table;
        private final List<?> rows;
        private final int hash;

        Content(String table, List<?> rows) {
            this.table = table;
            this.rows = rows;
            this.hash = 31 * table.hashCode() + rows.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Content that && hash == that.hash && table.equals(that.table) && rows.equals(that.rows);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * @param callerWaiting a synchronous caller blocks on this submission: flush without waiting for the timer
     * @param deadlineNanos {@link System#nanoTime()} after which transient failures are no longer retried
     */
    Submission(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos) {
        this.encoder = encoder;
        this.rows = List.copyOf(rows);
        this.callerWaiting = callerWaiting;
        this.deadlineNanos = deadlineNanos;
        this.content = new Content(encoder.table(), this.rows);
    }

    Content content() {
        return content;
    }

    /** Makes this submission complete exactly as {@code carrier} does: it was joined to an equal one already outstanding. */
    void follow(Submission<?> carrier) {
        carrier.outcome.whenComplete((ignored, failure) -> {
            if (failure == null) {
                outcome.complete(null);
            } else {
                outcome.completeExceptionally(failure);
            }
        });
    }

    String table() {
        return encoder.table();
    }

    int rowCount() {
        return rows.size();
    }

    boolean callerWaiting() {
        return callerWaiting;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    void encodeTo(RowSink sink) {
        for (T row : rows) {
            encoder.encode(row, sink);
        }
    }

    /** Completes when the server acknowledged every row, or exceptionally with a {@link DbException}. */
    CompletableFuture<Void> outcome() {
        return outcome;
    }

    /** @return false if the outcome was already decided (e.g. failed by a close that gave up) */
    boolean acknowledge() {
        return outcome.complete(null);
    }

    boolean fail(DbException failure) {
        return outcome.completeExceptionally(failure);
    }

    boolean isDone() {
        return outcome.isDone();
    }

    boolean isAcknowledged() {
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }
}
