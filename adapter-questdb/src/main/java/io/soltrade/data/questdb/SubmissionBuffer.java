package io.soltrade.data.questdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The bounded hand-off between callers and the writer thread. The bound counts <em>outstanding</em> rows:
 * rows from the moment they are offered until their submission is acknowledged or failed, so rows being
 * retried while the server is down keep their place and the memory held stays bounded. A caller finding no
 * room waits up to its timeout and is then refused (backpressure), never queued without bound or dropped.
 *
 * <p><b>Held rows.</b> A submission that {@link Submission#keepsRoom() keeps its room} (the trade intake's) still
 * counts once acknowledged, as <em>held</em>, until its submitter {@link #giveBack gives the rows back}: the intake
 * remembers acknowledged trades until QuestDB has applied them (so a resend is not written twice), and counting them
 * here makes the capacity the bound on every row the writer and the intake hold, whatever a burst's size (issue 14:
 * "a 10x burst keeps the heap flat"; before, the remembered trades came on top, up to twice the capacity).
 *
 * <p><b>Reserved rows.</b> The trade intake queues requests on a thread of its own before it hands them here; it
 * {@link #reserve reserves} their room when a caller queues them (so a caller waits, or is refused, there) and the
 * submission that carries them {@link #offerReserved takes the reservation}: the intake's queue is inside the capacity,
 * not a second buffer beside it.
 *
 * <p>The writer takes a batch when {@code batchRows} unsent rows are waiting, when the oldest unsent row has
 * waited a flush interval (a timer, so rows never sit waiting for the next row to arrive), when a
 * synchronous caller is waiting (group commit: the rows that arrived during the previous request go in one
 * request), when the buffer is full or a caller waits for room (sending is then the only way room is made: with held
 * rows, unsent ones may never reach {@code batchRows}), or at once when closing.
 *
 * <p><b>One copy of each submission.</b> A submission equal to one still outstanding (same table, equal rows in the
 * same order: typically a caller retrying after its own timeout while the first copy is still queued or being
 * retried) is not queued again: it joins the outstanding one and completes with it ({@link Offer#JOINED}). So a
 * caller's timeout never makes the writer hold a second copy of rows it is still retrying, and the rows are sent
 * once. (A joiner also takes the first copy's retry deadline, which started earlier.)
 *
 * <p>Time is read from an injected clock, so a test can drive the flush timer exactly.
 */
final class SubmissionBuffer {
    private final int capacityRows;
    private final int batchRows;
    private final long flushIntervalNanos;
    private final LongSupplier nanoClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition roomFreed = lock.newCondition();
    private final Condition batchReady = lock.newCondition();
    private final ArrayDeque<Entry> unsent = new ArrayDeque<>();
    /** Every outstanding submission by its content (an entry is its own key), in arrival order. */
    private final Map<Entry, Entry> outstanding = new LinkedHashMap<>();
    private long unsentRows;
    private long outstandingRows;
    /** Rows acknowledged and not yet given back (see the class comment): they count against the capacity too. */
    private long heldRows;
    /** Rows reserved by {@link #reserve} and not yet offered or given back: they count against the capacity too. */
    private long reservedRows;
    private int waitingCallers;
    /** Callers blocked in {@link #offer} for room. */
    private int roomWaiters;
    private long timerChecks;
    private boolean closed;

    /**
     * An outstanding submission; {@code urgent} once a synchronous caller waits on it, {@code taken} once sent. Equal to
     * another entry when their submissions have the same content, so it is its own key in {@link #outstanding}.
     */
    private static final class Entry {
        final Submission<?> submission;
        long offeredNanos;
        boolean urgent;
        boolean taken;

        Entry(Submission<?> submission, long offeredNanos) {
            this.submission = submission;
            this.offeredNanos = offeredNanos;
            this.urgent = submission.callerWaiting();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry that && submission.contentHash() == that.submission.contentHash() && submission.sameContent(that.submission);
        }

        @Override
        public int hashCode() {
            return submission.contentHash();
        }
    }

    SubmissionBuffer(int capacityRows, int batchRows, long flushIntervalNanos) {
        this(capacityRows, batchRows, flushIntervalNanos, System::nanoTime);
    }

    /** @param nanoClock the time the flush timer reads, {@link System#nanoTime()} outside tests */
    SubmissionBuffer(int capacityRows, int batchRows, long flushIntervalNanos, LongSupplier nanoClock) {
        if (capacityRows < 1 || batchRows < 1 || flushIntervalNanos < 1) {
            throw new IllegalArgumentException("capacityRows, batchRows and flushIntervalNanos must be positive");
        }
        this.capacityRows = capacityRows;
        this.batchRows = batchRows;
        this.flushIntervalNanos = flushIntervalNanos;
        this.nanoClock = nanoClock;
    }

    int capacityRows() {
        return capacityRows;
    }

    enum Offer {
        ACCEPTED,
        /** An equal submission is outstanding: this one completes with it and holds no room of its own. */
        JOINED,
        FULL,
        CLOSED
    }

    /**
     * Waits up to {@code timeoutNanos} for room; a submission larger than the whole capacity never fits. A
     * submission equal to an outstanding one is {@link Offer#JOINED} to it at once, full buffer or not.
     */
    Offer offer(Submission<?> submission, long timeoutNanos) throws InterruptedException {
        requireFits(submission.rowCount());
        Entry entry = new Entry(submission, 0);
        lock.lockInterruptibly();
        try {
            Offer offer = awaitRoom(submission.rowCount(), timeoutNanos, entry);
            if (offer == Offer.ACCEPTED) {
                add(entry);
            }
            return offer;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reserves room for {@code rows} that a later {@link #offerReserved} will carry, waiting up to {@code timeoutNanos}:
     * {@link Offer#ACCEPTED} (reserved), {@link Offer#FULL} or {@link Offer#CLOSED} (nothing reserved).
     */
    Offer reserve(int rows, long timeoutNanos) throws InterruptedException {
        requireFits(rows);
        lock.lockInterruptibly();
        try {
            Offer offer = awaitRoom(rows, timeoutNanos, null);
            if (offer == Offer.ACCEPTED) {
                reservedRows += rows;
            }
            return offer;
        } finally {
            lock.unlock();
        }
    }

    private void requireFits(int rows) {
        if (rows > capacityRows) {
            throw new IllegalArgumentException(rows + " rows exceed the buffer capacity of " + capacityRows + " rows");
        }
    }

    /**
     * Waits up to {@code timeoutNanos} until {@code rows} fit ({@link Offer#ACCEPTED}: the caller takes the room), the
     * buffer closes, or (when {@code joinable} is given) an equal submission is outstanding, which it then joins. While
     * waiting, what is unsent is due (sending it is how room is made). Guarded by {@link #lock}.
     */
    private Offer awaitRoom(int rows, long timeoutNanos, Entry joinable) throws InterruptedException {
        long remaining = timeoutNanos;
        while (true) {
            if (closed) {
                return Offer.CLOSED;
            }
            Entry equal = joinable == null ? null : outstanding.get(joinable);
            if (equal != null) {
                join(joinable.submission, equal);
                return Offer.JOINED;
            }
            if (outstandingRows + heldRows + reservedRows + rows <= capacityRows) {
                return Offer.ACCEPTED;
            }
            if (remaining <= 0) {
                return Offer.FULL;
            }
            roomWaiters++;
            batchReady.signal();
            try {
                remaining = roomFreed.awaitNanos(remaining);
            } finally {
                roomWaiters--;
            }
        }
    }

    /** Reserved rows that will not be offered (a request failed, or its rows were not written): room for others. */
    void unreserve(long rows) {
        if (rows <= 0) {
            return;
        }
        lock.lock();
        try {
            reservedRows = Math.max(0, reservedRows - rows);
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Offers a submission whose rows were {@link #reserve reserved}: it takes their room without waiting. Joined to an
     * equal outstanding submission, it gives the reservation back.
     */
    Offer offerReserved(Submission<?> submission) {
        int rows = submission.rowCount();
        Entry entry = new Entry(submission, 0);
        lock.lock();
        try {
            if (closed) {
                return Offer.CLOSED;
            }
            reservedRows = Math.max(0, reservedRows - rows);
            Entry equal = outstanding.get(entry);
            if (equal != null) {
                join(submission, equal);
                roomFreed.signalAll();
                return Offer.JOINED;
            }
            add(entry);
            return Offer.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /** Queues an accepted entry, guarded by {@link #lock}. */
    private void add(Entry entry) {
        int rows = entry.submission.rowCount();
        entry.offeredNanos = nanoClock.getAsLong(); // after any wait for room: its flush timer starts now
        unsent.addLast(entry);
        outstanding.put(entry, entry);
        unsentRows += rows;
        outstandingRows += rows;
        if (entry.urgent) {
            waitingCallers++;
        }
        if (unsent.size() == 1 || unsentRows >= batchRows || entry.urgent || full()) {
            batchReady.signal();
        }
    }

    private void join(Submission<?> joiner, Entry carrier) {
        joiner.follow(carrier.submission);
        if (joiner.callerWaiting() && !carrier.urgent && !carrier.taken) {
            carrier.urgent = true; // a synchronous caller now waits on it: group-commit it without the timer
            waitingCallers++;
            batchReady.signal();
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
                    long waitedNanos = nanoClock.getAsLong() - unsent.peekFirst().offeredNanos;
                    if (closed || unsentRows >= batchRows || waitingCallers > 0 || waitedNanos >= flushIntervalNanos || full() || roomWaiters > 0) {
                        return drain();
                    }
                    timerChecks++;
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

    /** No room for another row (callers are refused or wait), guarded by {@link #lock}. */
    private boolean full() {
        return outstandingRows + heldRows + reservedRows >= capacityRows;
    }

    private List<Submission<?>> drain() {
        List<Submission<?>> batch = new ArrayList<>();
        long rows = 0;
        while (!unsent.isEmpty()) {
            Entry next = unsent.peekFirst();
            if (!batch.isEmpty() && rows + next.submission.rowCount() > batchRows) {
                break;
            }
            unsent.pollFirst();
            next.taken = true;
            batch.add(next.submission);
            rows += next.submission.rowCount();
            unsentRows -= next.submission.rowCount();
            if (next.urgent) {
                waitingCallers--;
            }
        }
        return batch;
    }

    /** Wakes the writer to look at the clock again (a test's clock moved). */
    void clockMoved() {
        lock.lock();
        try {
            batchReady.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How often the writer found rows waiting whose timer had not run out (and went back to waiting). */
    long timerChecks() {
        lock.lock();
        try {
            return timerChecks;
        } finally {
            lock.unlock();
        }
    }

    /** The submission failed (or is given up): its rows no longer count against the capacity. */
    void release(Submission<?> submission) {
        release(submission, false);
    }

    /**
     * The submission's outcome is decided: its rows no longer count against the capacity, unless it was
     * {@code acknowledged} and {@link Submission#keepsRoom() keeps its room}: then they stay counted, as held, until
     * {@link #giveBack} (moved in one step, so no other caller can take the room in between).
     */
    void release(Submission<?> submission, boolean acknowledged) {
        Entry probe = new Entry(submission, 0);
        lock.lock();
        try {
            Entry entry = outstanding.get(probe);
            if (entry != null && entry.submission == submission) {
                outstanding.remove(entry);
                outstandingRows -= submission.rowCount();
                if (acknowledged && submission.keepsRoom()) {
                    heldRows += submission.rowCount();
                } else {
                    roomFreed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Rows of acknowledged submissions that kept their room are no longer held: room for others. */
    void giveBack(long rows) {
        if (rows <= 0) {
            return;
        }
        lock.lock();
        try {
            heldRows = Math.max(0, heldRows - rows);
            roomFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether callers wait for room, or would be refused: a reason to forget applied trades now. */
    boolean roomShort() {
        lock.lock();
        try {
            return roomWaiters > 0 || full();
        } finally {
            lock.unlock();
        }
    }

    /** What takes room in the buffer now, read at one instant (for a refusal's message and the writer's gauges). */
    Occupancy occupancy() {
        lock.lock();
        try {
            return new Occupancy(outstandingRows, reservedRows, heldRows);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The rows taking room: outstanding (waiting to be sent or acknowledged), reserved for requests queued for the trade
     * intake, and held (acknowledged, kept by their submitter until given back).
     */
    record Occupancy(long outstanding, long reserved, long held) {}

    /** Refuses further offers, wakes waiting callers and the writer; returns what is outstanding now. */
    List<Submission<?>> close() {
        lock.lock();
        try {
            closed = true;
            roomFreed.signalAll();
            batchReady.signalAll();
            List<Submission<?>> all = new ArrayList<>(outstanding.size());
            for (Entry entry : outstanding.values()) {
                all.add(entry.submission);
            }
            return all;
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
                left.add(unsent.pollFirst().submission);
            }
            unsentRows = 0;
            waitingCallers = 0;
            return left;
        } finally {
            lock.unlock();
        }
    }
}
