package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One caller's rows for one table, all or nothing: the writer never splits a submission across requests.
 * The writer keeps this object (an immutable copy of the caller's values) until the server acknowledges it
 * or it fails, and encodes it again for every attempt, so nothing depends on what a failed client flush
 * leaves in the client's buffer.
 *
 * <p>Every buffered row is held here, so it is kept small (issue 14, heap per buffered trade): a one-row submission
 * holds its row without a list; the outcome is decided here, once, and then handed to the future of whoever submitted
 * it, so that future can be the caller's own (what the caller does with it, complete it or time it out, never changes
 * what the writer sends) without a second future relaying to it.
 */
final class Submission<T> {
    private static final Object ACKNOWLEDGED = new Object();

    private final RowEncoder<T> encoder;
    /** The row of a one-row submission (the common single save), else null. */
    private final T onlyRow;
    /** The rows of a submission of two or more, else null. */
    private final List<T> rows;
    private final boolean callerWaiting;
    /** Once acknowledged, its rows keep their room in the buffer until the submitter hands it back (the trade intake). */
    private final boolean keepsRoom;
    private final long deadlineNanos;
    private final CompletableFuture<Void> outcome;
    /** Hashed once, on the caller's thread: the buffer looks the submission up by content when it is offered and released. */
    private final int contentHash;
    /**
     * Until decided: null, or the {@link Followers} that joined it; then {@link #ACKNOWLEDGED} or the {@link DbException}.
     * One field for both, so the hash above fits in the 48 bytes a submission takes. Written under {@code this}.
     */
    private volatile Object state;

    /** Equal submissions that joined this one and complete with it (rare: a caller resubmitting). */
    private record Followers(List<Submission<?>> joined) {}

    /**
     * @param callerWaiting a synchronous caller blocks on this submission: flush without waiting for the timer
     * @param deadlineNanos {@link System#nanoTime()} after which transient failures are no longer retried
     */
    Submission(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos) {
        this(encoder, rows, callerWaiting, deadlineNanos, new CompletableFuture<>(), false);
    }

    /**
     * @param outcome   completed once with this submission's outcome; the writer never reads it back
     * @param keepsRoom once acknowledged, its rows still count against the buffer's capacity until
     *                  {@link SubmissionBuffer#giveBack} (the trade intake remembers them until QuestDB applies them)
     */
    Submission(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos, CompletableFuture<Void> outcome,
               boolean keepsRoom) {
        this.encoder = encoder;
        this.keepsRoom = keepsRoom;
        if (rows.size() == 1) {
            this.onlyRow = Objects.requireNonNull(rows.get(0), "row is null");
            this.rows = null;
        } else {
            this.onlyRow = null;
            this.rows = List.copyOf(rows);
        }
        this.callerWaiting = callerWaiting;
        this.deadlineNanos = deadlineNanos;
        this.outcome = Objects.requireNonNull(outcome, "outcome is null");
        this.contentHash = 31 * encoder.table().hashCode() + (onlyRow != null ? onlyRow.hashCode() : this.rows.hashCode());
    }

    /** The hash of what {@link #sameContent} compares: the table and the rows (values with value equality). */
    int contentHash() {
        return contentHash;
    }

    /** The same table and equal rows in the same order: a second copy of the same write. */
    boolean sameContent(Submission<?> other) {
        return table().equals(other.table()) && Objects.equals(onlyRow, other.onlyRow) && Objects.equals(rows, other.rows);
    }

    /** Makes this submission complete exactly as {@code carrier} does: it was joined to an equal one already outstanding. */
    void follow(Submission<?> carrier) {
        Object decided;
        synchronized (carrier) {
            decided = carrier.state;
            if (decided == null || decided instanceof Followers) {
                Followers followers = decided == null ? new Followers(new ArrayList<>(1)) : (Followers) decided;
                followers.joined().add(this);
                carrier.state = followers;
                return;
            }
        }
        decide(decided);
    }

    String table() {
        return encoder.table();
    }

    int rowCount() {
        return onlyRow != null ? 1 : rows.size();
    }

    boolean callerWaiting() {
        return callerWaiting;
    }

    boolean keepsRoom() {
        return keepsRoom;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    void encodeTo(RowSink sink) {
        if (onlyRow != null) {
            encoder.encode(onlyRow, sink);
            return;
        }
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
        return decide(ACKNOWLEDGED);
    }

    boolean fail(DbException failure) {
        return decide(Objects.requireNonNull(failure, "failure is null"));
    }

    private boolean decide(Object decided) {
        Object before;
        synchronized (this) {
            before = state;
            if (before != null && !(before instanceof Followers)) {
                return false;
            }
            state = decided;
        }
        if (decided == ACKNOWLEDGED) {
            outcome.complete(null);
        } else {
            outcome.completeExceptionally((DbException) decided);
        }
        if (before instanceof Followers followers) {
            followers.joined().forEach(follower -> follower.decide(decided));
        }
        return true;
    }

    boolean isDone() {
        Object current = state;
        return current != null && !(current instanceof Followers);
    }

    boolean isAcknowledged() {
        return state == ACKNOWLEDGED;
    }
}
