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
 * Thread-safe where the tests need it (script from the test thread, send from the writer thread).
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
    public void send(String table, List<Submission<?>> submissions) throws IlpFailure {
        sendsStarted.incrementAndGet();
        CountDownLatch latch = gate;
        if (latch != null) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw transientFailure();
            }
        }
        RecordingRowSink sink = new RecordingRowSink();
        for (Submission<?> submission : submissions) {
            submission.encodeTo(sink);
        }
        synchronized (this) {
            attempts.add(List.copyOf(sink.rows));
            if (down) {
                throw transientFailure();
            }
            IlpFailure scripted = nextOutcomes.pollFirst();
            if (scripted != null) {
                throw scripted;
            }
            if (sink.rows.stream().anyMatch(rejects)) {
                throw permanentFailure();
            }
            acknowledged.add(List.copyOf(sink.rows));
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
