package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TransientDbException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer's queueing, batching, retry and close logic against a scripted transport (no server). */
class IlpBatchWriterTest {
    private static final Duration LONG = Duration.ofHours(1);

    /** Rows that are plain strings, into table "t". */
    enum TextRows implements RowEncoder<String> {
        INSTANCE;

        @Override
        public String table() {
            return "t";
        }

        @Override
        public void encode(String value, RowSink sink) {
            sink.table("t").varchar("v", value).at(Instant.EPOCH);
        }
    }

    private final ScriptedIlpTransport transport = new ScriptedIlpTransport();
    private IlpBatchWriter writer;

    @AfterEach
    void closeWriter() {
        transport.down(false);
        if (writer != null) {
            try {
                writer.close();
            } catch (DbException ignored) {
                // tests that leave rows undelivered assert on close themselves
            }
        }
    }

    private IlpBatchWriter writer(Duration flushInterval, int batchRows, int capacity, Duration enqueueTimeout, Duration retryDeadline, Duration closeDeadline) {
        writer = new IlpBatchWriter(new BatchWriterSettings(flushInterval, batchRows, capacity, enqueueTimeout, retryDeadline, closeDeadline), transport);
        return writer;
    }

    private IlpBatchWriter writer() {
        return writer(Duration.ofMillis(100), 1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private static String value(RecordingRowSink.Row row) {
        return (String) row.columns().get("v");
    }

    @Test
    void synchronousWriteReturnsOnlyAfterTheServerAcknowledged() {
        writer().write(TextRows.INSTANCE, List.of("a", "b", "c"));

        assertThat(transport.acknowledged).hasSize(1);
        assertThat(transport.acknowledged.get(0)).extracting(IlpBatchWriterTest::value).containsExactly("a", "b", "c");
        assertThat(writer.stats().flushed()).isEqualTo(3);
        assertThat(writer.stats().outstanding()).isZero();
    }

    @Test
    void transientFailuresAreRetriedFromTheWritersOwnCopy() {
        transport.failNext(ScriptedIlpTransport.transientFailure());
        transport.failNext(ScriptedIlpTransport.transientFailure());

        writer().write(TextRows.INSTANCE, List.of("a", "b"));

        assertThat(transport.attempts).hasSize(3)
                .allSatisfy(attempt -> assertThat(attempt).extracting(IlpBatchWriterTest::value).containsExactly("a", "b"));
        assertThat(transport.acknowledgedRows()).isEqualTo(2);
        BatchWriterStats stats = writer.stats();
        assertThat(stats.retried()).isEqualTo(4);
        assertThat(stats.flushed()).isEqualTo(2);
        assertThat(stats.failed()).isZero();
    }

    @Test
    void transientFailuresPastTheRetryDeadlineFailTheCallerTransiently() {
        transport.down(true);
        writer(Duration.ofMillis(10), 1_000, 10_000, Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5));

        assertThatThrownBy(() -> writer.write(TextRows.INSTANCE, List.of("a", "b")))
                .isInstanceOf(TransientDbException.class)
                .hasMessageContaining("retry deadline")
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CONNECTION);
        assertThat(transport.attemptCount()).isGreaterThan(1);
        assertThat(writer.stats().failed()).isEqualTo(2);
        assertThat(writer.stats().outstanding()).isZero();
    }

    @Test
    void aRejectedRowFailsOnlyItsOwnSubmissionAndLaterBatchesGoThrough() throws Exception {
        transport.rejectRowsWhere(row -> "bad".equals(value(row)));
        writer(LONG, 5, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));

        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (String value : List.of("a", "b", "bad", "c", "d")) {
            futures.add(writer.writeAsync(TextRows.INSTANCE, List.of(value)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> futures.stream().allMatch(CompletableFuture::isDone));
        assertThatThrownBy(() -> futures.get(2).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PermanentDbException.class).hasMessageContaining("http-status=400");
        assertThat(List.of(futures.get(0), futures.get(1), futures.get(3), futures.get(4)))
                .allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(transport.acknowledged.stream().flatMap(List::stream).map(IlpBatchWriterTest::value))
                .containsExactlyInAnyOrder("a", "b", "c", "d");

        writer.write(TextRows.INSTANCE, List.of("later"));
        assertThat(transport.acknowledgedRows()).isEqualTo(5);
        assertThat(writer.stats().failed()).isEqualTo(1);
    }

    @Test
    void aFullBufferBlocksForTheEnqueueTimeoutThenRefusesWithBackpressure() {
        CountDownLatch gate = transport.hold();
        writer(Duration.ofMillis(10), 2, 2, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5));
        CompletableFuture<Void> first = writer.writeAsync(TextRows.INSTANCE, List.of("a", "b"));

        assertThatThrownBy(() -> writer.write(TextRows.INSTANCE, List.of("c")))
                .isInstanceOf(TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.BACKPRESSURE);
        CompletableFuture<Void> refusedAsync = writer.writeAsync(TextRows.INSTANCE, List.of("d"));
        assertThat(refusedAsync).isCompletedExceptionally();

        gate.countDown();
        await().atMost(Duration.ofSeconds(10)).until(first::isDone);
        writer.write(TextRows.INSTANCE, List.of("e"));
        assertThat(transport.acknowledged.stream().flatMap(List::stream).map(IlpBatchWriterTest::value)).containsExactly("a", "b", "e");
        assertThat(writer.stats().queued()).isEqualTo(3);
    }

    @Test
    void aBatchLargerThanTheWholeBufferIsInvalidInput() {
        writer(Duration.ofMillis(10), 2, 4, Duration.ofMillis(100), Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThatThrownBy(() -> writer.write(TextRows.INSTANCE, List.of("a", "b", "c", "d", "e")))
                .isInstanceOf(PermanentDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.INVALID_INPUT);
        assertThat(transport.attemptCount()).isZero();
    }

    @Test
    void theTimerSendsAWaitingRowAtTheFlushIntervalNotBefore() {
        ManualNanoClock clock = new ManualNanoClock();
        writer = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(100), 1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5)), transport, clock);

        CompletableFuture<Void> only = writer.writeAsync(TextRows.INSTANCE, List.of("lonely"));
        clock.advance(Duration.ofMillis(100).minusNanos(1));
        awaitTimerChecked(writer);
        assertThat(transport.attemptCount()).as("requests 1 ns before the flush interval").isZero();

        clock.advance(Duration.ofNanos(1));
        writer.clockMoved();
        await().until(only::isDone); // the writer acts on its clock: it sent at exactly 100 ms
        assertThat(only).isCompleted();
        assertThat(transport.acknowledged).hasSize(1);
    }

    @Test
    void whatACallerDoesWithItsFutureChangesNothingTheWriterSends() {
        ManualNanoClock clock = new ManualNanoClock();
        writer = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(100), 1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(5)), transport, clock);

        // the future is the caller's own (no second future relays to it): completing or cancelling it early must not
        // make the writer take the rows as decided
        CompletableFuture<Void> completed = writer.writeAsync(TextRows.INSTANCE, List.of("completed"));
        CompletableFuture<Void> cancelled = writer.writeAsync(TextRows.INSTANCE, List.of("cancelled", "too"));
        completed.complete(null);
        cancelled.cancel(false);
        assertThat(writer.stats().outstanding()).isEqualTo(3);

        clock.advance(Duration.ofMillis(100));
        writer.clockMoved();
        await().until(() -> transport.acknowledgedRows() == 3);
        await().until(() -> writer.stats().outstanding() == 0);
        assertThat(transport.acknowledged).singleElement().satisfies(request ->
                assertThat(request).extracting(IlpBatchWriterTest::value).containsExactly("completed", "cancelled", "too"));
        assertThat(writer.stats().flushed()).isEqualTo(3);
    }

    /** Wakes the writer after the clock moved and waits until it has looked at the clock again and gone back to waiting. */
    static void awaitTimerChecked(IlpBatchWriter writer) {
        long before = writer.timerChecks();
        writer.clockMoved();
        await().until(() -> writer.timerChecks() > before);
    }

    @Test
    void aCallerRetryingAfterItsTimeoutJoinsTheRowsStillBeingRetried() {
        transport.down(true);
        writer(Duration.ofMillis(10), 1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
        CompletableFuture<Void> first = writer.writeAsync(TextRows.INSTANCE, List.of("a", "b"));
        await().until(() -> transport.attemptCount() >= 2);

        // the caller's own time limit ran out: it retries the same write while the first copy is being retried
        CompletableFuture<Void> retry = writer.writeAsync(TextRows.INSTANCE, List.of("a", "b"));
        CompletableFuture<Void> another = writer.writeAsync(TextRows.INSTANCE, List.of("a", "b"));

        assertThat(writer.stats().outstanding()).as("rows held: one copy").isEqualTo(2);
        assertThat(writer.stats().queued()).isEqualTo(2);
        assertThat(writer.joinedRows()).isEqualTo(4);
        transport.down(false);
        await().until(() -> first.isDone() && retry.isDone() && another.isDone());
        assertThat(List.of(first, retry, another)).allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(transport.attempts).allSatisfy(attempt -> assertThat(attempt).extracting(IlpBatchWriterTest::value).containsExactly("a", "b"));
        assertThat(transport.acknowledgedRows()).isEqualTo(2);
    }

    @Test
    void rowsThatWaitedPastTheirRetryDeadlineAreFailedWithoutBeingSent() throws Exception {
        ManualNanoClock clock = new ManualNanoClock();
        CountDownLatch gate = transport.hold();
        writer = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(10), 1, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(5)), transport, clock);
        CompletableFuture<Void> inFlight = writer.writeAsync(TextRows.INSTANCE, List.of("first"));
        await().until(() -> transport.sendsStarted.get() == 1);
        CompletableFuture<Void> queued = writer.writeAsync(TextRows.INSTANCE, List.of("late"));

        clock.advance(Duration.ofSeconds(3));
        gate.countDown();

        await().until(() -> inFlight.isDone() && queued.isDone());
        assertThat(inFlight).isCompleted();
        assertThatThrownBy(queued::get).cause().isInstanceOf(TransientDbException.class).hasMessageContaining("nothing was written")
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.TIMEOUT);
        assertThat(transport.attempts).extracting(attempt -> value(attempt.get(0))).containsExactly("first");
    }

    @Test
    void aWriterNeverWrittenToHoldsNoThread() {
        long before = writerThreads();
        IlpBatchWriter idle = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(100), 1_000, 10_000, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(5)), transport);

        assertThat(writerThreads()).isEqualTo(before);
        idle.close();
        assertThat(transport.closed).isTrue();
    }

    static long writerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("questdb-batch-writer")).count();
    }

    @Test
    void reachingBatchRowsFlushesWithoutWaitingForTheTimer() {
        writer(LONG, 10, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            futures.add(writer.writeAsync(TextRows.INSTANCE, List.of("row" + i)));
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> transport.attemptCount() == 0);

        futures.add(writer.writeAsync(TextRows.INSTANCE, List.of("row9")));

        await().atMost(Duration.ofSeconds(10)).until(() -> futures.stream().allMatch(CompletableFuture::isDone));
        assertThat(transport.acknowledged).hasSize(1);
        assertThat(transport.acknowledged.get(0)).hasSize(10);
    }

    @Test
    void concurrentSynchronousCallersShareOneRequest() throws Exception {
        CountDownLatch gate = transport.hold();
        writer(LONG, 1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<?> first = callers.submit(() -> writer.write(TextRows.INSTANCE, List.of("first")));
            await().atMost(Duration.ofSeconds(10)).until(() -> transport.sendsStarted.get() == 1);
            List<Future<?>> others = IntStream.range(0, 3)
                    .mapToObj(i -> callers.submit(() -> writer.write(TextRows.INSTANCE, List.of("other" + i))))
                    .<Future<?>>map(f -> f).toList();
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().queued() == 4);

            gate.countDown();
            first.get();
            for (Future<?> other : others) {
                other.get();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(transport.acknowledged).hasSize(2);
        assertThat(transport.acknowledged.get(1)).extracting(IlpBatchWriterTest::value).containsExactlyInAnyOrder("other0", "other1", "other2");
    }

    @Test
    void closeSendsEverythingOutstanding() {
        writer(LONG, 1_000, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5));
        CompletableFuture<Void> a = writer.writeAsync(TextRows.INSTANCE, List.of("a", "b"));
        CompletableFuture<Void> b = writer.writeAsync(TextRows.INSTANCE, List.of("c"));

        writer.close();

        assertThat(a).isCompleted();
        assertThat(b).isCompleted();
        assertThat(transport.acknowledgedRows()).isEqualTo(3);
        assertThat(transport.closed).isTrue();
    }

    @Test
    void closeReportsExactlyHowManyRowsItCouldNotDeliver() {
        transport.down(true);
        writer(LONG, 1_000, 10_000, Duration.ofSeconds(1), LONG, Duration.ofMillis(300));
        CompletableFuture<Void> three = writer.writeAsync(TextRows.INSTANCE, List.of("a", "b", "c"));
        CompletableFuture<Void> four = writer.writeAsync(TextRows.INSTANCE, List.of("d", "e", "f", "g"));

        assertThatThrownBy(writer::close)
                .isInstanceOf(PermanentDbException.class)
                .hasMessageContaining("7 of 7 outstanding rows not delivered")
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CLOSED);
        assertThat(three).isCompletedExceptionally();
        assertThat(four).isCompletedExceptionally();
        assertThat(writer.stats().failed()).isEqualTo(7);
        assertThat(writer.stats().outstanding()).isZero();
    }

    @Test
    void writesAfterCloseFailWithClosed() {
        writer().close();

        assertThatThrownBy(() -> writer.write(TextRows.INSTANCE, List.of("late")))
                .isInstanceOf(PermanentDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CLOSED);
        assertThat(writer.writeAsync(TextRows.INSTANCE, List.of("late"))).isCompletedExceptionally();
        assertThat(transport.attemptCount()).isZero();
    }
}
