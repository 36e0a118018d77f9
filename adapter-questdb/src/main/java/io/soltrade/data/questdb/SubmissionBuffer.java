package io.soltrade.data.questdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off between callers and the writer thread. The bound counts <em>outstanding</em> rows:
 * rows from the moment they are offered until their submission is acknowledged or failed, so rows being
 * retried while the server is down keep their place and the memory held stays bounded. A caller finding no
 * room waits up to its timeout and is then refused (backpressure), never queued without bound or dropped.
 *
 * <p>The writer takes a batch when {@code batchRows} unsent rows are waiting, when the oldest unsent row has
 * waited a flush interval (a timer, so rows never sit waiting for the next row to arrive), when a
 * synchronous caller is waiting (group commit: the rows that arrived during the previous request go in one
 * request), or at once when closing.
 */
final class SubmissionBuffer {
    private final int capacityRows;
    private final int batchRows;
    private final long flushIntervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private final Condition batchReady = lock.newCondition();
    private final ArrayDeque<Entry> unsent = new ArrayDeque<>();
    private final Set<Submission<?>> outstanding = new LinkedHashSet<>();
    private long unsentRows;
    private long outstandingRows;
    private int waitingCallers;
    private boolean closed;

    private record Entry(Submission<?> submission, long offeredNanos) {}

    SubmissionBuffer(int capacityRows, int batchRows, long flushIntervalNanos) {
        if (capacityRows < 1 || batchRows < 1 || flushIntervalNanos < 1) {
            throw new IllegalArgumentException("capacityRows, batchRows and flushIntervalNanos must be positive");
        }
        this.capacityRows = capacityRows;
        this.batchRows = batchRows;
        this.flushIntervalNanos = flushIntervalNanos;
    }

    int capacityRows() {
        return capacityRows;
    }

    enum Offer { ACCEPTED, FULL, CLOSED }

    /** Waits up to {@code timeoutNanos} for room; a submission larger than the whole capacity never fits. */
    Offer offer(Submission<?> submission, long timeoutNanos) throws InterruptedException {
        int rows = submission.rowCount();
        if (rows > capacityRows) {
            throw new IllegalArgumentException(rows + " rows exceed the buffer capacity of " + capacityRows + " rows");
        }
        lock.lockInterruptibly();
        try {
            long remaining = timeoutNanos;
            while (!closed && outstandingRows + rows > capacityRows) {
                if (remaining <= 0) {
                    return Offer.FULL;
                }
                remaining = roomFreed.awaitNanos(remaining);
            }
            if (closed) {
                return Offer.CLOSED;
            }
            unsent.addLast(new Entry(submission, System.nanoTime()));
            outstanding.add(submission);
            unsentRows += rows;
            outstandingRows += rows;
            if (submission.callerWaiting()) {
                waitingCallers++;
            }
            if (unsent.size() == 1 || unsentRows >= batchRows || submission.callerWaiting()) {
                batchReady.signal();
            }
            return Offer.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks the writer until a batch is due and returns it: unsent submissions in arrival order, at most
     * {@code batchRows} rows unless the first submission alone is larger. Returns an empty list once closed
     * and nothing is left unsent.
     */
    List<Submission<?>> takeBatch() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                if (!unsent.isEmpty()) {
                    long waitedNanos = System.nanoTime() - unsent.peekFirst().offeredNanos();
                    if (closed || unsentRows >= batchRows || waitingCallers > 0 || waitedNanos >= flushIntervalNanos) {
                        return drain();
                    }
                    batchReady.awaitNanos(flushIntervalNanos - waitedNanos);
                } else if (closed) {
                    return List.of();
                } else {
                    batchReady.await();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private List<Submission<?>> drain() {
        List<Submission<?>> batch = new ArrayList<>();
        long rows = 0;
        while (!unsent.isEmpty()) {
            Submission<?> next = unsent.peekFirst().submission();
            if (!batch.isEmpty() && rows + next.rowCount() > batchRows) {
                break;
            }
            unsent.pollFirst();
            batch.add(next);
            rows += next.rowCount();
            unsentRows -= next.rowCount();
            if (next.callerWaiting()) {
                waitingCallers--;
            }
        }
        return batch;
    }

    /** The submission's outcome is decided: its rows no longer count against the capacity. */
    void release(Submission<?> submission) {
        lock.lock();
        try {
            if (outstanding.remove(submission)) {
                outstandingRows -= submission.rowCount();
                roomFreed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further offers, wakes waiting callers and the writer; returns what is outstanding now. */
    List<Submission<?>> close() {
        lock.lock();
        try {
            closed = true;
            roomFreed.signalAll();
            batchReady.signalAll();
            return new ArrayList<>(outstanding);
        } finally {
            lock.unlock();
        }
    }

    /** Unsent submissions, removed from the buffer: what a writer that gives up never took. */
    List<Submission<?>> removeUnsent() {
        lock.lock();
        try {
            List<Submission<?>> left = new ArrayList<>();
            while (!unsent.isEmpty()) {
                left.add(unsent.pollFirst().submission());
            }
            unsentRows = 0;
            waitingCallers = 0;
            return left;
        } finally {
            lock.unlock();
        }
    }

    long outstandingRows() {
        lock.lock();
        try {
            return outstandingRows;
        } finally {
            lock.unlock();
        }
    }
}
