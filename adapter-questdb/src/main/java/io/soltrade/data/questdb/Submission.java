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
    private final CompletableFuture<Void> outcome = new CompletableFuture<>();

    /**
     * @param callerWaiting a synchronous caller blocks on this submission: flush without waiting for the timer
     * @param deadlineNanos {@link System#nanoTime()} after which transient failures are no longer retried
     */
    Submission(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos) {
        this.encoder = encoder;
        this.rows = List.copyOf(rows);
        this.callerWaiting = callerWaiting;
        this.deadlineNanos = deadlineNanos;
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
