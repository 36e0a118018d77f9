package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TransientDbException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.HdrHistogram.SynchronizedHistogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of an adapter: callers hand it rows, one thread owns the {@link IlpTransport} (the ILP
 * {@code Sender} is not thread-safe) and sends them in batches.
 *
 * <ul>
 *   <li>Batching: see {@link SubmissionBuffer} for when a batch is sent (size, timer, waiting caller, close).
 *       Each request carries the rows of one table, so it is one transaction.</li>
 *   <li>Durability: a submission's future completes only after the server acknowledged the request that
 *       carried it, i.e. after commit; {@link #write} (synchronous) returns then.</li>
 *   <li>Transient failures are retried with backoff until the submission's deadline ({@code retryDeadline} from
 *       when it was offered), from the writer's own copy of the rows; then its callers get a
 *       {@link TransientDbException}. No attempt starts after the deadline and no backoff sleeps past it, so a
 *       write completes within {@code retryDeadline} plus one request ({@link QuestDbSettings#writeTimeLimit()}).
 *       DEDUP keys make a resend of a request that was in fact committed harmless.</li>
 *   <li>The writer is the only retrier of its layer (the ILP client's own retries are off), and it holds one copy of
 *       each submission: the same rows offered again while outstanding (a caller retrying after its own timeout)
 *       join the outstanding copy ({@link SubmissionBuffer}) instead of being queued twice.</li>
 *   <li>A permanent failure (the server rejects a row) is narrowed down by halving the batch, so only the
 *       submissions holding a rejected row fail, with the server's reason; the rest, and later batches, go
 *       through.</li>
 *   <li>{@link #close()} stops intake, sends what is left within the close deadline and then fails what it
 *       could not deliver, throwing a {@link PermanentDbException} of kind {@code CLOSED} with the exact
 *       number of rows.</li>
 *   <li>The writer thread starts with the first write, so a writer that is only built (or whose module failed to
 *       start) holds no thread.</li>
 * </ul>
 */
final class IlpBatchWriter implements ManagedResource {
    private static final Logger LOG = LoggerFactory.getLogger(IlpBatchWriter.class);
    private static final long INITIAL_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BatchWriterSettings settings;
    private final IlpTransport transport;
    private final SubmissionBuffer buffer;
    private final LongSupplier nanoClock;
    private final Thread thread;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch abandoned = new CountDownLatch(1);
    private volatile long closeDeadlineNanos = Long.MAX_VALUE;
    private volatile PermanentDbException closeResult;

    private final LongAdder queued = new LongAdder();
    private final LongAdder flushed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder joined = new LongAdder();
    private final SynchronizedHistogram flushMicros = new SynchronizedHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private volatile LongConsumer flushObserver = nanos -> { };

    IlpBatchWriter(BatchWriterSettings settings, IlpTransport transport) {
        this(settings, transport, System::nanoTime);
    }

    /** @param nanoClock the time the flush timer and the deadlines read: {@link System#nanoTime()} outside tests */
    IlpBatchWriter(BatchWriterSettings settings, IlpTransport transport, LongSupplier nanoClock) {
        this.settings = settings;
        this.transport = transport;
        this.nanoClock = nanoClock;
        this.buffer = new SubmissionBuffer(settings.capacityRows(), settings.batchRows(), settings.flushInterval().toNanos(), nanoClock);
        this.thread = new Thread(this::run, "questdb-batch-writer");
        this.thread.setDaemon(true);
    }

    private void ensureStarted() {
        if (!started.get() && started.compareAndSet(false, true)) {
            thread.start();
        }
    }

    /** Tells the writer its clock moved (tests drive the flush timer with a clock of their own). */
    void clockMoved() {
        buffer.clockMoved();
    }

    /** How often the writer found rows whose flush timer had not run out yet. */
    long timerChecks() {
        return buffer.timerChecks();
    }

    @Override
    public String name() {
        return "questdb batch writer";
    }

    /** Writes {@code rows} and returns once the server acknowledged all of them. */
    <T> void write(RowEncoder<T> encoder, List<T> rows) {
        write(encoder, rows, nanoClock.getAsLong() + settings.retryDeadline().toNanos());
    }

    /**
     * Like {@link #write(RowEncoder, List)}, retrying no later than {@code deadlineNanos} (the writer's clock): for a
     * caller that already spent part of the retry deadline on the same call, so the whole call keeps to one deadline.
     */
    <T> void write(RowEncoder<T> encoder, List<T> rows, long deadlineNanos) {
        if (rows.isEmpty()) {
            return;
        }
        Submission<T> submission = enqueue(encoder, rows, true, deadlineNanos, new CompletableFuture<>());
        await(submission.outcome());
    }

    /**
     * Queues {@code rows}; the future completes once the server acknowledged all of them. It is the caller's own: what
     * the caller does with it (complete it, time it out) changes nothing the writer sends.
     */
    <T> CompletableFuture<Void> writeAsync(RowEncoder<T> encoder, List<T> rows) {
        if (rows.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        try {
            enqueue(encoder, rows, false, nanoClock.getAsLong() + settings.retryDeadline().toNanos(), outcome);
        } catch (DbException e) {
            return CompletableFuture.failedFuture(e);
        }
        return outcome;
    }

    /**
     * Queues {@code rows} as a synchronous caller's (sent at once, with what else waits: group commit), retrying no
     * later than {@code deadlineNanos}; the future completes once the server acknowledged all of them. For a caller that
     * waits on the future itself and keeps one deadline per call (the trade intake). Refusals (backpressure, closed,
     * too large) are thrown, as by {@link #write}.
     */
    <T> CompletableFuture<Void> writeAsync(RowEncoder<T> encoder, List<T> rows, long deadlineNanos) {
        return writeAsync(encoder, rows, true, deadlineNanos);
    }

    /**
     * Like {@link #writeAsync(RowEncoder, List, long)}; {@code callerWaiting} false leaves the rows to the batch size and
     * the flush timer (an asynchronous caller), true sends them with the next request (a caller blocks on them).
     */
    <T> CompletableFuture<Void> writeAsync(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos) {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        submit(encoder, rows, callerWaiting, deadlineNanos, outcome);
        return outcome;
    }

    /**
     * Like {@link #writeAsync(RowEncoder, List, boolean, long)}, completing {@code outcome} (once: with null when the
     * server acknowledged every row, else exceptionally with a {@link DbException}) instead of a future of its own: for a
     * caller that keeps many rows waiting and holds a future per write anyway (the trade intake), so no second future
     * relays the first. Refusals are thrown and leave {@code outcome} alone.
     */
    <T> void submit(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos, CompletableFuture<Void> outcome) {
        hand(encoder, rows, callerWaiting, deadlineNanos, outcome, false);
    }

    /**
     * Reserves room for {@code rows} the caller will hand over later with {@link #submitReserved} (the trade intake, for
     * the requests it queues on its own thread), waiting up to the enqueue timeout.
     *
     * @throws TransientDbException {@code BACKPRESSURE} when no room came in time; {@link PermanentDbException}
     *                              {@code CLOSED} once closed: nothing reserved either way
     */
    void reserve(int rows) {
        requireFits(rows);
        SubmissionBuffer.Offer offer;
        try {
            offer = buffer.reserve(rows, settings.enqueueTimeout().toNanos());
        } catch (InterruptedException e) {
            throw interruptedWaitingForRoom(e);
        }
        if (offer == SubmissionBuffer.Offer.FULL) {
            throw full();
        }
        if (offer == SubmissionBuffer.Offer.CLOSED) {
            throw closedException("the questdb batch writer is closed; nothing was written");
        }
    }

    /** Reserved rows that will not be submitted: their room is free again. */
    void unreserve(long rows) {
        buffer.unreserve(rows);
    }

    /**
     * Like {@link #submit}, for rows whose room was {@link #reserve reserved}, by a submitter that remembers them once
     * acknowledged (the trade intake): takes the reservation, never waits, and the rows keep their room in the buffer
     * until {@link #giveBack}, so the capacity bounds what the writer and the submitter hold together. Throws only when
     * closed (the reservation then stays the caller's to give back).
     */
    <T> void submitReserved(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos, CompletableFuture<Void> outcome) {
        hand(encoder, rows, callerWaiting, deadlineNanos, outcome, true);
    }

    private <T> void hand(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos, CompletableFuture<Void> outcome,
                          boolean reserved) {
        if (rows.isEmpty()) {
            outcome.complete(null);
            return;
        }
        enqueue(encoder, rows, callerWaiting, deadlineNanos, outcome, reserved);
    }

    /** Whether callers wait for room or would be refused: the intake then forgets applied trades without delay. */
    boolean roomShort() {
        return buffer.roomShort();
    }

    /** Acknowledged rows of {@link #submitReserved} no longer held by their submitter: their room is free again. */
    void giveBack(long rows) {
        buffer.giveBack(rows);
    }

    private <T> Submission<T> enqueue(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos, CompletableFuture<Void> outcome) {
        return enqueue(encoder, rows, callerWaiting, deadlineNanos, outcome, false);
    }

    /**
     * {@code reserved}: the rows take room {@link #reserve reserved} before, without waiting, and keep it once
     * acknowledged until {@link #giveBack given back}; otherwise they wait up to the enqueue timeout for room and free it
     * when decided.
     */
    private <T> Submission<T> enqueue(RowEncoder<T> encoder, List<T> rows, boolean callerWaiting, long deadlineNanos, CompletableFuture<Void> outcome,
                                      boolean reserved) {
        requireFits(rows.size());
        ensureStarted();
        Submission<T> submission = new Submission<>(encoder, rows, callerWaiting, deadlineNanos, outcome, reserved);
        SubmissionBuffer.Offer offer;
        try {
            offer = reserved ? buffer.offerReserved(submission) : buffer.offer(submission, settings.enqueueTimeout().toNanos());
        } catch (InterruptedException e) {
            throw interruptedWaitingForRoom(e);
        }
        switch (offer) {
            case ACCEPTED -> queued.add(rows.size());
            case JOINED -> joined.add(rows.size());
            case FULL -> throw full();
            case CLOSED -> throw closedException("the questdb batch writer is closed; nothing was written");
        }
        return submission;
    }

    /** A batch larger than the whole buffer never fits: invalid input, not backpressure. */
    void requireFits(int rows) {
        if (rows > buffer.capacityRows()) {
            throw DbException.invalidInput(QuestDbExceptionTranslator.BACKEND, "a batch of " + rows
                    + " rows exceeds the writer's buffer capacity of " + buffer.capacityRows() + " rows", null);
        }
    }

    private TransientDbException full() {
        SubmissionBuffer.Occupancy room = buffer.occupancy();
        return new TransientDbException(DbErrorKind.BACKPRESSURE, QuestDbExceptionTranslator.BACKEND,
                "questdb write buffer stayed full for " + settings.enqueueTimeout().toMillis() + " ms (" + room.outstanding()
                        + " rows outstanding, " + room.reserved() + " queued for the trade intake and " + room.held()
                        + " acknowledged trades held until QuestDB applies them, of " + buffer.capacityRows() + "); nothing was written", null, null);
    }

    private static TransientDbException interruptedWaitingForRoom(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransientDbException(DbErrorKind.BACKPRESSURE, QuestDbExceptionTranslator.BACKEND,
                "interrupted while waiting for room in the questdb write buffer; nothing was written", null, e);
    }

    private static void await(CompletableFuture<Void> outcome) {
        try {
            outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDbException(DbErrorKind.TIMEOUT, QuestDbExceptionTranslator.BACKEND,
                    "interrupted while waiting for the acknowledgement; the rows may still be written (retrying is safe)", null, e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof DbException db) {
                throw db;
            }
            throw new PermanentDbException(DbErrorKind.QUERY, QuestDbExceptionTranslator.BACKEND, "write failed: " + e.getCause(), null, e.getCause());
        } catch (CancellationException e) {
            throw new PermanentDbException(DbErrorKind.CLOSED, QuestDbExceptionTranslator.BACKEND, "write was cancelled", null, e);
        }
    }

    /** Hands the latency of every acknowledged flush request, in nanoseconds, to {@code observer} (a metrics timer). */
    void observeFlushes(LongConsumer observer) {
        this.flushObserver = Objects.requireNonNull(observer, "observer is null");
    }

    /** Rows the buffer holds at most (outstanding rows beyond it meet BACKPRESSURE). */
    int capacityRows() {
        return buffer.capacityRows();
    }

    BatchWriterStats stats() {
        SubmissionBuffer.Occupancy room = buffer.occupancy();
        return new BatchWriterStats(queued.sum(), flushed.sum(), retried.sum(), failed.sum(), room.outstanding(), room.held(),
                flushMicros.getTotalCount(), flushMicros.getValueAtPercentile(50) / 1000.0,
                flushMicros.getValueAtPercentile(99) / 1000.0, flushMicros.getMaxValue() / 1000.0);
    }

    /** Rows offered while an equal submission was outstanding, which joined it instead of being queued again. */
    long joinedRows() {
        return joined.sum();
    }

    boolean isClosed() {
        return closing.get();
    }

    private void run() {
        try {
            while (true) {
                List<Submission<?>> batch = buffer.takeBatch();
                if (batch.isEmpty()) {
                    return;
                }
                Map<String, List<Submission<?>>> byTable = new LinkedHashMap<>();
                for (Submission<?> submission : batch) {
                    byTable.computeIfAbsent(submission.table(), table -> new ArrayList<>()).add(submission);
                }
                for (Map.Entry<String, List<Submission<?>>> table : byTable.entrySet()) {
                    deliver(table.getKey(), table.getValue());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("questdb batch writer thread died; failing everything outstanding", e);
            for (Submission<?> submission : buffer.close()) {
                settle(submission, closedException("the questdb batch writer failed: " + e));
            }
        } finally {
            transport.close();
        }
    }

    /** Sends {@code submissions} until each is acknowledged or failed. */
    private void deliver(String table, List<Submission<?>> submissions) throws InterruptedException {
        List<Submission<?>> pending = new ArrayList<>(submissions);
        pending.removeIf(Submission::isDone);
        long backoffNanos = INITIAL_BACKOFF_NANOS;
        boolean firstAttempt = true;
        IlpFailure lastFailure = null;
        while (!pending.isEmpty()) {
            if (abandoned.getCount() == 0) {
                return;
            }
            settleExpired(table, pending, lastFailure);
            if (pending.isEmpty()) {
                return;
            }
            if (!firstAttempt) {
                retried.add(rows(pending));
            }
            firstAttempt = false;
            long started = System.nanoTime();
            try {
                transport.send(table, pending);
                long flushNanos = Math.max(0, System.nanoTime() - started);
                flushMicros.recordValue(flushNanos / 1000);
                flushObserver.accept(flushNanos);
                for (Submission<?> submission : pending) {
                    // counters and room first, so a caller woken by its outcome sees them updated
                    flushed.add(submission.rowCount());
                    buffer.release(submission, true);
                    if (!submission.acknowledge()) {
                        flushed.add(-submission.rowCount()); // close already gave up on it
                    }
                }
                return;
            } catch (IlpFailure failure) {
                if (failure.permanent()) {
                    isolate(table, pending, failure);
                    return;
                }
                lastFailure = failure;
                settleExpired(table, pending, failure);
                if (!pending.isEmpty()) {
                    LOG.debug("retrying {} rows for {} after: {}", rows(pending), table, failure.getMessage());
                    // never sleep past the earliest deadline: a submission due then is failed then, not later
                    long now = nanoClock.getAsLong();
                    long wake = Math.min(closeDeadlineNanos, earliestDeadline(pending));
                    abandoned.await(Math.min(backoffNanos, Math.max(0, wake - now)), TimeUnit.NANOSECONDS);
                    backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
                }
            }
        }
    }

    /**
     * Fails, and removes from {@code pending}, the submissions past their retry deadline (or past the close
     * deadline): checked before every attempt, so none starts after it.
     */
    private void settleExpired(String table, List<Submission<?>> pending, IlpFailure lastFailure) {
        long now = nanoClock.getAsLong();
        long closeBy = closeDeadlineNanos;
        List<Submission<?>> expired = new ArrayList<>();
        for (Submission<?> submission : pending) {
            if (now - submission.deadlineNanos() >= 0 || closeBy != Long.MAX_VALUE && now - closeBy >= 0) {
                expired.add(submission);
            }
        }
        for (Submission<?> submission : expired) {
            settle(submission, lastFailure == null
                    ? new TransientDbException(DbErrorKind.TIMEOUT, QuestDbExceptionTranslator.BACKEND, submission.rowCount() + " rows for " + table
                            + " waited past the retry deadline of " + settings.retryDeadline().toMillis() + " ms before they could be sent; nothing was written", null, null)
                    : new TransientDbException(DbErrorKind.CONNECTION, QuestDbExceptionTranslator.BACKEND, "questdb did not acknowledge "
                            + submission.rowCount() + " rows for " + table + " within the retry deadline of " + settings.retryDeadline().toMillis()
                            + " ms; the rows may or may not be stored (retrying is safe): " + lastFailure.getMessage(),
                            lastFailure.httpStatus().orElse(null), lastFailure));
        }
        pending.removeAll(expired);
    }

    private static long earliestDeadline(List<Submission<?>> submissions) {
        long earliest = Long.MAX_VALUE;
        for (Submission<?> submission : submissions) {
            earliest = Math.min(earliest, submission.deadlineNanos());
        }
        return earliest;
    }

    /** A permanent failure: halve the batch until the submissions holding rejected rows stand alone. */
    private void isolate(String table, List<Submission<?>> submissions, IlpFailure failure) throws InterruptedException {
        if (submissions.size() == 1) {
            Submission<?> rejected = submissions.get(0);
            settle(rejected, new PermanentDbException(DbErrorKind.QUERY, QuestDbExceptionTranslator.BACKEND,
                    "questdb rejected a batch of " + rejected.rowCount() + " rows for " + table + ": " + failure.getMessage(),
                    failure.httpStatus().orElse(null), failure));
            return;
        }
        int half = submissions.size() / 2;
        deliver(table, new ArrayList<>(submissions.subList(0, half)));
        deliver(table, new ArrayList<>(submissions.subList(half, submissions.size())));
    }

    private void settle(Submission<?> submission, DbException failure) {
        if (submission.isDone()) {
            buffer.release(submission);
            return;
        }
        failed.add(submission.rowCount());
        buffer.release(submission);
        if (!submission.fail(failure)) {
            failed.add(-submission.rowCount()); // decided meanwhile by the other side
        }
    }

    /**
     * Stops intake, flushes everything outstanding within the close deadline, and fails what is left.
     *
     * @throws PermanentDbException of kind {@code CLOSED}, saying how many of the rows outstanding at close
     *                              were not acknowledged (they may still be stored; a resend is safe)
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            if (closeResult != null) {
                throw closeResult;
            }
            return;
        }
        closeDeadlineNanos = nanoClock.getAsLong() + settings.closeDeadline().toNanos();
        List<Submission<?>> outstanding = buffer.close();
        if (!started.get()) {
            transport.close(); // never written to: no thread to close it
        }
        try {
            thread.join(Math.max(1, settings.closeDeadline().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            abandoned.countDown();
            for (Submission<?> submission : buffer.removeUnsent()) {
                settle(submission, closedException("the questdb batch writer closed before sending these rows"));
            }
        }
        long total = 0;
        long undelivered = 0;
        for (Submission<?> submission : outstanding) {
            total += submission.rowCount();
            settle(submission, closedException("the questdb batch writer closed before these rows were acknowledged"));
            if (!submission.isAcknowledged()) {
                undelivered += submission.rowCount();
            }
        }
        if (undelivered > 0) {
            closeResult = closedException("questdb batch writer closed with " + undelivered + " of " + total
                    + " outstanding rows not delivered (not acknowledged within " + settings.closeDeadline().toMillis()
                    + " ms or rejected); they may or may not be stored and resending them is safe");
            throw closeResult;
        }
    }

    private static PermanentDbException closedException(String message) {
        return new PermanentDbException(DbErrorKind.CLOSED, QuestDbExceptionTranslator.BACKEND, message, null, null);
    }

    private static long rows(List<Submission<?>> submissions) {
        long rows = 0;
        for (Submission<?> submission : submissions) {
            rows += submission.rowCount();
        }
        return rows;
    }
}
