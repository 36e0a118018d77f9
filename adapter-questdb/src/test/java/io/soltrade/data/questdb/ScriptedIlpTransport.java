package io.soltrade.data.questdb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A transport double for the writer's unit tests: records every request's rows (encoded through a
 * {@link RecordingRowSink}) and answers with scripted failures: a queue of outcomes for the next requests,
 * a predicate that rejects any request containing a given row, or "down" (every request fails transiently).
 * Thread-safe where the tests need it (script from the test thread, send from the writer thread). Lends open requests
 * (rows recorded as callers encode them) unless {@link #encodeWhenSent} says otherwise; {@code opened} and
 * {@code discarded} count them.
 */
final class ScriptedIlpTransport implements IlpTransport {
    final List<List<RecordingRowSink.Row>> acknowledged = new ArrayList<>();
    final List<List<RecordingRowSink.Row>> attempts = new ArrayList<>();
    private final Deque<IlpFailure> nextOutcomes = new ArrayDeque<>();
    private Predicate<RecordingRowSink.Row> rejects = row -> false;
    private volatile boolean down;
    private volatile CountDownLatch gate;
    volatile boolean closed;
    /** Requests begun, counted before any hold: tells a test the writer is inside send. */
    final java.util.concurrent.atomic.AtomicInteger sendsStarted = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger discarded = new java.util.concurrent.atomic.AtomicInteger();
    /** When set, no open request is lent: every request is encoded by the writer when sent. */
    volatile boolean encodeWhenSent;

    private final class Open implements OpenRequest {
        private final String table;
        private final RecordingRowSink sink = new RecordingRowSink();

        Open(String table) {
            this.table = table;
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public RowSink sink() {
            return sink;
        }

        @Override
        public void discard() {
            discarded.incrementAndGet();
        }
    }

    synchronized void failNext(IlpFailure failure) {
        nextOutcomes.addLast(failure);
    }

    synchronized void rejectRowsWhere(Predicate<RecordingRowSink.Row> predicate) {
        rejects = predicate;
    }

    void down(boolean down) {
        this.down = down;
    }

    /** Makes every send wait until the returned latch is counted down. */
    CountDownLatch hold() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    static IlpFailure transientFailure() {
        return new IlpFailure("Could not flush buffer: http://127.0.0.1:1/write Connection Failed", false, null, null);
    }

    static IlpFailure permanentFailure() {
        return new IlpFailure("cast error [http-status=400]", true, "400", null);
    }

    @Override
    public OpenRequest open(String table) {
        if (encodeWhenSent) {
            return null;
        }
        opened.incrementAndGet();
        return new Open(table);
    }

    @Override
    public void send(OpenRequest request, String table, List<Submission<?>> submissions) throws IlpFailure {
        sendsStarted.incrementAndGet();
        waitIfHeld();
        answer(((Open) request).sink.rows);
    }

    @Override
    public void send(String table, List<Submission<?>> submissions) throws IlpFailure {
        sendsStarted.incrementAndGet();
        waitIfHeld();
        RecordingRowSink sink = new RecordingRowSink();
        try {
            for (Submission<?> submission : submissions) {
                submission.encodeTo(sink);
            }
        } catch (RuntimeException e) {
            throw IlpFailure.ofEncoding(e); // as the real transport reports a row the client refuses
        }
        answer(sink.rows);
    }

    private void waitIfHeld() throws IlpFailure {
        CountDownLatch latch = gate;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw transientFailure();
            }
        }
    }

    private void answer(List<RecordingRowSink.Row> rows) throws IlpFailure {
        synchronized (this) {
            attempts.add(List.copyOf(rows));
            if (down) {
                throw transientFailure();
            }
            IlpFailure scripted = nextOutcomes.pollFirst();
            if (scripted != null) {
                throw scripted;
            }
            if (rows.stream().anyMatch(rejects)) {
                throw permanentFailure();
            }
            acknowledged.add(List.copyOf(rows));
        }
    }

    synchronized int acknowledgedRows() {
        return acknowledged.stream().mapToInt(List::size).sum();
    }

    synchronized int attemptCount() {
        return attempts.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
