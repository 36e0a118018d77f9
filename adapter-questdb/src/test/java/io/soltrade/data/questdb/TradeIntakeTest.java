package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The intake against a table whose WAL apply lags: the rows it wrote are acknowledged but not visible to lookups until
 * the test says they are applied. An id saved again in that window, at another time, must still not be written twice.
 */
class TradeIntakeTest {
    private final ScriptedIlpTransport transport = new ScriptedIlpTransport();
    private final IlpBatchWriter writer = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(50), 1_000, 10_000, Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(5)), transport);
    private final LaggingTable table = new LaggingTable();
    private final TradeIntake intake = new TradeIntake(writer, table, Duration.ofSeconds(5));

    /** A trades table that shows only what was applied; {@code apply()} applies everything acknowledged so far. */
    private final class LaggingTable implements TradeIntake.StoredTrades {
        final Map<String, Trade> applied = new ConcurrentHashMap<>();
        volatile long appliedTxn;
        final java.util.concurrent.atomic.AtomicInteger failingLookups = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        /** Until set, the start-up scan of stored ids fails transiently (so every id is looked up, as before a scan). */
        volatile boolean scannable;
        /** When set, the scan waits for it before it reads. */
        volatile java.util.concurrent.CountDownLatch scanGate;
        /** When set, a lookup of ids waits for it (a slow table). */
        volatile java.util.concurrent.CountDownLatch lookupGate;

        synchronized void apply() {
            for (List<RecordingRowSink.Row> request : transport.acknowledged) {
                for (RecordingRowSink.Row row : request) {
                    applied.putIfAbsent((String) row.columns().get("trade_id"), TestRows.paperTrade(TestRows.pubkey(), row.at()));
                }
            }
            appliedTxn = transport.acknowledged.size();
        }

        @Override
        public Set<String> appliedIds(Collection<String> naturalKeys) {
            lookups.incrementAndGet();
            if (failingLookups.getAndDecrement() > 0) {
                throw new io.soltrade.data.ports.TransientDbException(DbErrorKind.CONNECTION, "questdb", "server frozen", null, null);
            }
            pass(lookupGate);
            Set<String> found = new HashSet<>(naturalKeys);
            found.retainAll(applied.keySet());
            return found;
        }

        /** Waits for {@code gate} when one is set (a slow table); interrupted, fails as a transient read would. */
        private void pass(java.util.concurrent.CountDownLatch gate) {
            if (gate == null) {
                return;
            }
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.soltrade.data.ports.TransientDbException(DbErrorKind.CONNECTION, "questdb", "interrupted", null, e);
            }
        }

        @Override
        public Optional<Trade> findApplied(TradeId id) {
            return Optional.ofNullable(applied.get(id.naturalKey()));
        }

        @Override
        public void forEachStoredId(java.util.function.Consumer<String> sink) {
            if (!scannable) {
                throw new io.soltrade.data.ports.TransientDbException(DbErrorKind.CONNECTION, "questdb", "not yet", null, null);
            }
            pass(scanGate);
            applied.keySet().forEach(sink);
        }

        @Override
        public long[] walTransactions() {
            return new long[] {appliedTxn, transport.acknowledged.size()};
        }
    }

    @AfterEach
    void close() {
        intake.close();
        writer.close();
    }

    private static int rowsOf(List<List<RecordingRowSink.Row>> requests, Trade trade) {
        return (int) requests.stream().flatMap(List::stream).filter(row -> trade.id().naturalKey().equals(row.columns().get("trade_id"))).count();
    }

    @Test
    void anIdSavedAgainBeforeItsRowIsAppliedIsNotWrittenTwice() throws Exception {
        Trade first = TestRows.liveTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z"), io.soltrade.data.domain.TokenAmount.of(5),
                java.math.BigDecimal.ONE).withCommitment(Commitment.PROCESSED);
        Trade moved = new Trade(first.id(), first.executedAt().plusSeconds(90), first.trader(), first.mode(), first.side(), first.tokenIn(),
                first.tokenOut(), first.amountIn(), first.amountOut(), first.fee(), first.price(), first.slot(), first.mevStatus(), first.commitment());

        intake.save(List.of(first)).get(5, TimeUnit.SECONDS);
        intake.save(List.of(moved)).get(5, TimeUnit.SECONDS);
        assertThat(rowsOf(transport.acknowledged, first)).as("the id saved again at another time, before its row was applied").isEqualTo(1);
        Trade confirmed = intake.updateCommitment(first.id(), Commitment.CONFIRMED).get(5, TimeUnit.SECONDS);

        assertThat(table.applied).as("nothing applied yet").isEmpty();
        assertThat(rowsOf(transport.acknowledged, first)).as("the first save, then its commitment rewritten at the same time").isEqualTo(2);
        assertThat(transport.acknowledged.stream().flatMap(List::stream).map(RecordingRowSink.Row::at).distinct()).containsExactly(first.executedAt());
        assertThat(confirmed).isEqualTo(first.withCommitment(Commitment.CONFIRMED));

        table.apply();
        intake.save(List.of(moved)).get(5, TimeUnit.SECONDS);
        assertThat(rowsOf(transport.acknowledged, first)).as("found by the lookup once applied").isEqualTo(2);
    }

    /**
     * Once the stored ids are loaded, a cycle of new ids is written without a lookup, while an id stored before the
     * intake started (found by the scan) or written by it is still looked up and kept once.
     */
    @Test
    void afterTheScanNewIdsAreWrittenWithoutALookupAndStoredOnesAreStillKeptOnce() throws Exception {
        Trade old = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z"));
        table.applied.put(old.id().naturalKey(), old); // stored by an earlier process
        table.scannable = true;
        intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:01Z")))).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(intake::knowsStoredIds);
        int lookupsBefore = table.lookups.get();

        List<Trade> fresh = List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:02Z")),
                TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:03Z")));
        intake.save(fresh).get(5, TimeUnit.SECONDS);
        assertThat(table.lookups.get()).as("new ids, certainly not stored: no lookup").isEqualTo(lookupsBefore);
        assertThat(fresh).allSatisfy(trade -> assertThat(rowsOf(transport.acknowledged, trade)).isEqualTo(1));

        Trade oldMoved = new Trade(old.id(), old.executedAt().plusSeconds(60), old.trader(), old.mode(), old.side(), old.tokenIn(),
                old.tokenOut(), old.amountIn(), old.amountOut(), old.fee(), old.price(), old.slot(), old.mevStatus(), old.commitment());
        intake.save(List.of(oldMoved)).get(5, TimeUnit.SECONDS);
        assertThat(rowsOf(transport.acknowledged, old)).as("an id stored before the intake started, saved again at another time").isZero();
        assertThat(table.lookups.get()).as("looked up: the scan found it").isGreaterThan(lookupsBefore);

        table.apply();
        Trade freshMoved = new Trade(fresh.get(0).id(), fresh.get(0).executedAt().plusSeconds(60), fresh.get(0).trader(), fresh.get(0).mode(),
                fresh.get(0).side(), fresh.get(0).tokenIn(), fresh.get(0).tokenOut(), fresh.get(0).amountIn(), fresh.get(0).amountOut(),
                fresh.get(0).fee(), fresh.get(0).price(), fresh.get(0).slot(), fresh.get(0).mevStatus(), fresh.get(0).commitment());
        intake.save(List.of(freshMoved)).get(5, TimeUnit.SECONDS);
        assertThat(rowsOf(transport.acknowledged, fresh.get(0))).as("an id this intake wrote, saved again at another time").isEqualTo(1);
    }

    /**
     * The future a save returns is the caller's own: completing it early must not tell the intake the trade is stored
     * (a save of the same id meanwhile would then be skipped and reported stored before any row was).
     */
    @Test
    void aCallerCompletingItsOwnFutureDoesNotMakeItsTradeCountAsStored() throws Exception {
        table.scannable = true;
        intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z")))).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(intake::knowsStoredIds);
        Trade trade = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:01Z"));
        Trade moved = new Trade(trade.id(), trade.executedAt().plusSeconds(60), trade.trader(), trade.mode(), trade.side(), trade.tokenIn(),
                trade.tokenOut(), trade.amountIn(), trade.amountOut(), trade.fee(), trade.price(), trade.slot(), trade.mevStatus(), trade.commitment());
        java.util.concurrent.CountDownLatch gate = transport.hold();

        java.util.concurrent.CompletableFuture<Void> mine = intake.save(List.of(trade), false);
        mine.complete(null);
        java.util.concurrent.CompletableFuture<Void> again = intake.save(List.of(moved));

        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> !again.isDone()); // waits for the write still held, as for any id in flight
        gate.countDown();
        again.get(5, TimeUnit.SECONDS);
        assertThat(rowsOf(transport.acknowledged, trade)).isEqualTo(1);
        assertThat(transport.acknowledged.stream().flatMap(List::stream).filter(row -> trade.id().naturalKey().equals(row.columns().get("trade_id")))
                .map(RecordingRowSink.Row::at)).containsExactly(trade.executedAt());
    }

    /**
     * A caller's save never overtakes one it made before: a save made while the intake still looks up an earlier one's
     * ids goes through the intake too, behind it, so a synchronous save is not acknowledged before the earlier rows are
     * even sent (with a writer's flush timer of an hour, those rows then waited an hour).
     */
    @Test
    void aSaveMadeWhileTheIntakeLooksUpAnEarlierOneDoesNotOvertakeIt() throws Exception {
        table.scannable = true;
        intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z")))).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(intake::knowsStoredIds);
        Trade earlier = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:01Z"));
        transport.rejectRowsWhere(row -> earlier.id().naturalKey().equals(row.columns().get("trade_id")));
        Throwable rejected = org.assertj.core.api.Assertions.catchThrowable(() -> intake.save(List.of(earlier)).get(5, TimeUnit.SECONDS));
        assertThat(rejected).hasCauseInstanceOf(DbException.class); // its id is known from here on, and not stored
        transport.rejectRowsWhere(row -> false);
        int lookupsBefore = table.lookups.get();
        java.util.concurrent.CountDownLatch lookup = new java.util.concurrent.CountDownLatch(1);
        table.lookupGate = lookup;

        java.util.concurrent.CompletableFuture<Void> first = intake.save(List.of(earlier), false); // looked up: the table is slow
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> table.lookups.get() > lookupsBefore);
        Trade later = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:02Z"));
        java.util.concurrent.CompletableFuture<Void> second = intake.save(List.of(later)); // a new id; the caller waits

        org.awaitility.Awaitility.await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !second.isDone());
        lookup.countDown();
        second.get(5, TimeUnit.SECONDS);
        first.get(5, TimeUnit.SECONDS);
        List<List<RecordingRowSink.Row>> requests = List.copyOf(transport.acknowledged);
        int earlierSent = -1;
        int laterSent = -1;
        for (int i = 0; i < requests.size(); i++) {
            if (rowsOf(List.of(requests.get(i)), earlier) > 0) {
                earlierSent = i;
            }
            if (rowsOf(List.of(requests.get(i)), later) > 0) {
                laterSent = i;
            }
        }
        assertThat(earlierSent).as("the earlier save's row was sent").isNotNegative();
        assertThat(earlierSent).as("no later than the later save's").isLessThanOrEqualTo(laterSent);
    }

    @Test
    void aLookupThatFailsTransientlyIsRetriedAndTheSaveGoesThrough() throws Exception {
        Trade trade = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z"));
        table.failingLookups.set(3);

        intake.save(List.of(trade)).get(5, TimeUnit.SECONDS);

        assertThat(table.failingLookups.get()).as("every failing lookup was tried").isNegative();
        assertThat(rowsOf(transport.acknowledged, trade)).isEqualTo(1);
    }

    @Test
    void anUpdateOfATradeNeverSavedIsNotFound() throws Exception {
        try {
            intake.updateCommitment(TestRows.liveTrade(TestRows.pubkey(), Instant.now(), io.soltrade.data.domain.TokenAmount.of(5),
                    java.math.BigDecimal.ONE).id(), Commitment.CONFIRMED).get(5, TimeUnit.SECONDS);
            throw new AssertionError("expected NOT_FOUND");
        } catch (ExecutionException e) {
            assertThat(((DbException) e.getCause()).kind()).isEqualTo(DbErrorKind.NOT_FOUND);
        }
    }

    /**
     * One deadline per call: a save whose lookups spent most of the retry deadline (the server failing transiently)
     * gives its write only what is left of it, so the whole call ends within the retry deadline plus one attempt, not
     * after a second full deadline of the writer's own.
     */
    @Test
    void theWriteKeepsToTheDeadlineItsLookupsAlreadySpent() throws Exception {
        Duration deadline = Duration.ofSeconds(3);
        ScriptedIlpTransport down = new ScriptedIlpTransport();
        down.down(true);
        IlpBatchWriter slowWriter = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(10), 1_000, 10_000, Duration.ofSeconds(1),
                deadline, Duration.ofSeconds(1)), down);
        LaggingTable frozen = new LaggingTable();
        frozen.failingLookups.set(8); // lookups retried at 0, 10, 30, ... 1,270 ms: the 9th, at about 2.3 s, answers
        TradeIntake slowIntake = new TradeIntake(slowWriter, frozen, deadline);
        try {
            long started = System.nanoTime();
            java.util.concurrent.CompletableFuture<Void> save = slowIntake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2030-01-01T00:00:00Z"))));

            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> save.get(30, TimeUnit.SECONDS));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(io.soltrade.data.ports.TransientDbException.class);
            assertThat(down.attemptCount()).as("the write was attempted after the lookups").isPositive();
            assertThat(tookMillis).as("the save ended within its 3 s deadline and one attempt, not 2.3 s + 3 s").isLessThan(4_200);
        } finally {
            slowIntake.close();
            try {
                slowWriter.close();
            } catch (DbException ignored) {
                // nothing outstanding is expected; a close report would not change the finding
            }
        }
    }

    private static Trade movedBy(Trade trade, long seconds) {
        return new Trade(trade.id(), trade.executedAt().plusSeconds(seconds), trade.trader(), trade.mode(), trade.side(), trade.tokenIn(),
                trade.tokenOut(), trade.amountIn(), trade.amountOut(), trade.fee(), trade.price(), trade.slot(), trade.mevStatus(), trade.commitment());
    }

    /** Starts the intake and waits for its scan of stored ids, after which new ids take the caller's direct path. */
    private void scanDone() throws Exception {
        table.scannable = true;
        intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2024-01-01T00:00:00Z")))).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(intake::knowsStoredIds);
    }

    /**
     * First save wins across both paths: threads saving the same new id at the same moment (each at its own time) race
     * between the caller's direct path (the first to claim the id) and the intake thread (the others, for which the id
     * may be stored); the table applies nothing meanwhile, so a lookup cannot find the first write. Each id must be one
     * row, and every save must complete. Fails when the direct path does not register its write as in flight.
     */
    @Test
    void concurrentSavesOfOneNewIdThroughBothPathsWriteOneRow() throws Exception {
        scanDone();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<Trade> ids = new java.util.ArrayList<>();
            for (int round = 0; round < 200; round++) {
                Trade trade = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(round));
                ids.add(trade);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
                for (int caller = 0; caller < 4; caller++) {
                    Trade variant = movedBy(trade, caller);
                    boolean waits = caller % 2 == 0;
                    saves.add(callers.submit(() -> {
                        go.await();
                        return intake.save(List.of(variant), waits).get(5, TimeUnit.SECONDS);
                    }));
                }
                go.countDown();
                for (java.util.concurrent.Future<?> save : saves) {
                    save.get(10, TimeUnit.SECONDS);
                }
            }
            assertThat(table.applied).as("nothing applied: lookups find nothing").isEmpty();
            assertThat(ids).allSatisfy(trade -> assertThat(rowsOf(transport.acknowledged, trade)).as(trade.id().naturalKey()).isEqualTo(1));
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * Group commit: eight callers each saving one new trade with {@code save} (durable on return) while a request is in
     * flight go out together in the next request, and none returns before the request holding its row is acknowledged.
     * The transport counts requests and holds each one until the test releases it. Fails when each save is sent in a
     * request of its own.
     */
    @Test
    void savesArrivingWhileARequestIsInFlightShareTheNextRequest() throws Exception {
        scanDone();
        int requestsBefore = transport.attemptCount();
        long queuedBefore = writer.stats().queued();
        java.util.concurrent.CountDownLatch release = transport.hold();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> saves = new java.util.ArrayList<>();
            saves.add(callers.submit(() -> intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-02-01T00:00:00Z"))))
                    .get(10, TimeUnit.SECONDS)));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> transport.sendsStarted.get() == requestsBefore + 1);
            for (int caller = 1; caller < 8; caller++) {
                Trade trade = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-02-01T00:00:00Z").plusSeconds(caller));
                saves.add(callers.submit(() -> intake.save(List.of(trade)).get(10, TimeUnit.SECONDS)));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> writer.stats().queued() == queuedBefore + 8);
            assertThat(saves).as("held: no request acknowledged, so no save returned").noneMatch(java.util.concurrent.Future::isDone);

            release.countDown();
            for (java.util.concurrent.Future<?> save : saves) {
                save.get(10, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        List<List<RecordingRowSink.Row>> requests = transport.acknowledged.subList(requestsBefore, transport.acknowledged.size());
        assertThat(requests).as("the request in flight, then one request for the seven saves that arrived meanwhile")
                .extracting(List::size).containsExactly(1, 7);
    }

    /**
     * An update of a trade whose direct write of several is still in flight applies to that trade, not to another of the
     * write's: the write is the in-flight entry of all its trades and finds the one asked for. Fails when it answers with
     * any other trade of the write.
     */
    @Test
    void anUpdateOfATradeInFlightInADirectWriteOfSeveralAppliesToThatTrade() throws Exception {
        scanDone();
        List<Trade> trades = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trades.add(TestRows.liveTrade(TestRows.pubkey(), Instant.parse("2025-03-01T00:00:00Z").plusSeconds(i), io.soltrade.data.domain.TokenAmount.of(5 + i),
                    java.math.BigDecimal.ONE).withCommitment(Commitment.PROCESSED));
        }
        int requestsBefore = transport.attemptCount();
        java.util.concurrent.CountDownLatch release = transport.hold();
        java.util.concurrent.CompletableFuture<Void> saved = intake.save(trades, false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> transport.sendsStarted.get() == requestsBefore + 1);

        java.util.concurrent.CompletableFuture<Trade> updated = intake.updateCommitment(trades.get(1).id(), Commitment.CONFIRMED);
        assertThat(updated).as("waits for the write in flight").isNotDone();
        release.countDown();

        saved.get(5, TimeUnit.SECONDS);
        assertThat(updated.get(5, TimeUnit.SECONDS)).isEqualTo(trades.get(1).withCommitment(Commitment.CONFIRMED));
    }

    /**
     * A directly written trade stays remembered until the table applies it even when an update took its place in the
     * ledger and failed: the same id saved again at another time, the table applying nothing meanwhile, is not written
     * a second time. Fails when the failed update's entry leaves without giving the direct write its place back.
     */
    @Test
    void aFailedUpdateOfADirectlyWrittenTradeLeavesItRemembered() throws Exception {
        scanDone();
        Trade first = TestRows.liveTrade(TestRows.pubkey(), Instant.parse("2025-04-01T00:00:00Z"), io.soltrade.data.domain.TokenAmount.of(5),
                java.math.BigDecimal.ONE).withCommitment(Commitment.PROCESSED);
        Trade other = TestRows.liveTrade(TestRows.pubkey(), Instant.parse("2025-04-01T00:00:01Z"), io.soltrade.data.domain.TokenAmount.of(6),
                java.math.BigDecimal.ONE).withCommitment(Commitment.PROCESSED);
        intake.save(List.of(first, other)).get(5, TimeUnit.SECONDS);

        transport.rejectRowsWhere(row -> first.id().naturalKey().equals(row.columns().get("trade_id")));
        java.util.concurrent.CompletableFuture<Trade> update = intake.updateCommitment(first.id(), Commitment.CONFIRMED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> update.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(DbException.class);
        transport.rejectRowsWhere(row -> false);

        intake.save(List.of(movedBy(first, 60))).get(5, TimeUnit.SECONDS);
        assertThat(table.applied).as("nothing applied: a lookup finds nothing").isEmpty();
        assertThat(rowsOf(transport.acknowledged, first)).as("the direct write only").isEqualTo(1);
    }

    /**
     * A caller's later save never overtakes its earlier one: a save queued to the intake thread before the scan of stored
     * ids was done (so it holds a new id the filter does not know yet) is followed, once the scan is done, by a save of
     * the same id at another time; the earlier version must be the one written. Fails when the direct path ignores
     * requests the intake has not classified yet.
     */
    @Test
    void aSaveDoesNotOvertakeTheSameCallersEarlierSaveQueuedToTheIntake() throws Exception {
        java.util.concurrent.CountDownLatch scanGate = new java.util.concurrent.CountDownLatch(1);
        table.scanGate = scanGate;
        table.scannable = true;
        table.failingLookups.set(6); // the first cycle's lookup is retried for about 630 ms: the intake thread is busy
        java.util.concurrent.CompletableFuture<Void> busy = intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z"))));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> table.lookups.get() > 0);
        Trade first = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-03-01T00:00:00Z"));
        java.util.concurrent.CompletableFuture<Void> earlier = intake.save(List.of(first), false); // queued behind the busy cycle
        scanGate.countDown();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(intake::knowsStoredIds);
        assertThat(busy).as("the intake thread is still busy with the first cycle").isNotDone();
        java.util.concurrent.CompletableFuture<Void> later = intake.save(List.of(movedBy(first, 60)), false);

        busy.get(5, TimeUnit.SECONDS);
        earlier.get(5, TimeUnit.SECONDS);
        later.get(5, TimeUnit.SECONDS);
        List<Instant> written = transport.acknowledged.stream().flatMap(List::stream)
                .filter(row -> first.id().naturalKey().equals(row.columns().get("trade_id"))).map(RecordingRowSink.Row::at).toList();
        assertThat(written).as("the earlier save's version, once").containsExactly(first.executedAt());
    }

    /**
     * The direct path is bounded by the writer's buffer: with the writer unable to send (held) and its buffer full, a
     * further save of new ids is refused with BACKPRESSURE after the enqueue timeout, writing nothing; once the writer
     * sends, everything accepted is acknowledged, and the refused save's retry takes the direct path again (no lookup:
     * the refusal left its id out of the filter of known ids). Fails when the buffer does not count the direct path's
     * rows, or when the id is added to the filter before the room is found.
     */
    @Test
    void theDirectPathMeetsBackpressureWhenTheWritersBufferIsFull() throws Exception {
        ScriptedIlpTransport held = new ScriptedIlpTransport();
        IlpBatchWriter small = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(50), 10, 20, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), held);
        LaggingTable empty = new LaggingTable();
        empty.scannable = true;
        TradeIntake bounded = new TradeIntake(small, empty, Duration.ofSeconds(5));
        try {
            bounded.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2024-01-01T00:00:00Z")))).get(5, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(bounded::knowsStoredIds);
            java.util.concurrent.CountDownLatch release = held.hold();
            List<java.util.concurrent.CompletableFuture<Void>> accepted = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                accepted.add(bounded.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i))), false));
            }
            Trade refused = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-02T00:00:00Z"));
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> bounded.save(List.of(refused), false).get(5, TimeUnit.SECONDS));
            assertThat(failure).as("the 21st row, with 20 outstanding in a buffer of 20").isInstanceOf(io.soltrade.data.ports.TransientDbException.class);
            assertThat(((DbException) failure).kind()).isEqualTo(DbErrorKind.BACKPRESSURE);

            release.countDown();
            java.util.concurrent.CompletableFuture.allOf(accepted.toArray(java.util.concurrent.CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
            assertThat(rowsOf(held.acknowledged, refused)).as("the refused trade was not written").isZero();
            int lookupsBefore = empty.lookups.get();
            bounded.save(List.of(refused)).get(5, TimeUnit.SECONDS);
            assertThat(rowsOf(held.acknowledged, refused)).as("saved again once there is room: written once").isEqualTo(1);
            assertThat(empty.lookups.get()).as("the refusal left no trace of the id: its retry is certainly new, written without a lookup")
                    .isEqualTo(lookupsBefore);
        } finally {
            bounded.close();
            try {
                small.close();
            } catch (DbException ignored) {
                // a close report (rows still held when an assertion failed) would hide the assertion's message
            }
        }
    }

    /**
     * A table that keeps acknowledging but stops applying: the acknowledged trades the intake remembers keep their room
     * in the writer's buffer, so with a buffer of 20 the 21st save of a new id meets {@code BACKPRESSURE} after the
     * enqueue timeout and writes nothing, however long ago the 20 were acknowledged; once the table applies them, their
     * room is given back and saves are accepted again. Fails when the writer gives the room back at the acknowledgement
     * (the remembered trades then came on top of a full buffer: a burst held up to three buffers' worth).
     */
    @Test
    void acknowledgedTradesTheTableHasNotAppliedHoldTheirRoomInTheBuffer() throws Exception {
        IlpBatchWriter small = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(10), 10, 20, Duration.ofMillis(200),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), transport);
        table.scannable = true;
        TradeIntake bounded = new TradeIntake(small, table, Duration.ofMillis(500));
        try {
            bounded.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2024-12-31T00:00:00Z")))).get(5, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(bounded::knowsStoredIds);
            for (int i = 1; i < 20; i++) {
                bounded.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i))))
                        .get(5, TimeUnit.SECONDS);
            }
            assertThat(bounded.remembered()).as("acknowledged, none applied").isEqualTo(20);
            assertThat(small.stats().held()).as("their room in the buffer").isEqualTo(20);
            assertThat(small.stats().outstanding()).as("nothing waits to be sent").isZero();

            Trade refused = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-02T00:00:00Z"));
            Throwable failure = failureOf(() -> bounded.save(List.of(refused)).get(5, TimeUnit.SECONDS));
            assertThat(failure).as("a save past a buffer of unapplied trades").isInstanceOf(io.soltrade.data.ports.TransientDbException.class);
            assertThat(((DbException) failure).kind()).isEqualTo(DbErrorKind.BACKPRESSURE);
            assertThat(failure).hasMessageContaining("0 rows outstanding, 0 queued for the trade intake and 20 acknowledged trades held until QuestDB applies them");
            assertThat(rowsOf(transport.acknowledged, refused)).as("the refused trade was not written").isZero();
            assertThat(bounded.remembered()).isEqualTo(20);

            table.apply();
            bounded.save(List.of(refused)).get(5, TimeUnit.SECONDS);
            assertThat(rowsOf(transport.acknowledged, refused)).as("saved again once the table applied: written once").isEqualTo(1);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> small.stats().held() <= 1);
        } finally {
            bounded.close();
            small.close();
        }
    }

    /**
     * The same bound on the intake thread's path (before the scan of stored ids is done every save takes it): a request
     * queued for the intake reserves its room in the writer's buffer, so with the buffer held by unapplied trades a save
     * meets {@code BACKPRESSURE} after the enqueue timeout, nothing written, and a save waiting for room gets it once the
     * table applies (the intake thread forgets them meanwhile). Fails when the intake's queue has room of its own beside
     * the buffer (a burst then held the buffer and a second buffer's worth of queued trades).
     */
    @Test
    void aRequestQueuedForTheIntakeReservesItsRoomInTheBuffer() throws Exception {
        IlpBatchWriter small = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(10), 10, 20, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5)), transport);
        TradeIntake bounded = new TradeIntake(small, table, Duration.ofSeconds(5));
        try {
            List<Trade> twenty = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                twenty.add(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)));
            }
            bounded.save(twenty).get(5, TimeUnit.SECONDS);
            assertThat(bounded.knowsStoredIds()).as("the scan fails: every save takes the intake thread").isFalse();
            assertThat(small.stats().held()).isEqualTo(20);

            Trade refused = TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-02T00:00:00Z"));
            Throwable failure = failureOf(() -> bounded.save(List.of(refused)).get(5, TimeUnit.SECONDS));
            assertThat(failure).isInstanceOf(io.soltrade.data.ports.TransientDbException.class);
            assertThat(((DbException) failure).kind()).isEqualTo(DbErrorKind.BACKPRESSURE);
            assertThat(failure).hasMessageContaining("0 rows outstanding, 0 queued for the trade intake and 20 acknowledged trades held");
            assertThat(rowsOf(transport.acknowledged, refused)).isZero();

            java.util.concurrent.CompletableFuture<java.util.concurrent.CompletableFuture<Void>> waiting =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> bounded.save(List.of(refused)));
            org.awaitility.Awaitility.await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> !waiting.isDone());
            table.apply(); // the intake forgets the applied trades and gives their room back
            waiting.get(5, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS);
            assertThat(rowsOf(transport.acknowledged, refused)).as("written once the table applied").isEqualTo(1);
        } finally {
            bounded.close();
            small.close();
        }
    }

    /** What a call threw, or what its future failed with. */
    private static Throwable failureOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        return thrown instanceof java.util.concurrent.ExecutionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    /**
     * Writes of the direct path are remembered until the table applies them, and forgotten afterwards even when no
     * request reaches the intake thread (memory stays bounded). Fails without the idle settling.
     */
    @Test
    void directWritesAreForgottenOnceAppliedWithoutFurtherRequests() throws Exception {
        scanDone();
        for (int i = 0; i < 100; i++) {
            intake.save(List.of(TestRows.paperTrade(TestRows.pubkey(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i)))).get(5, TimeUnit.SECONDS);
        }
        assertThat(intake.remembered()).as("acknowledged, not applied").isGreaterThanOrEqualTo(100);
        table.apply();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> intake.remembered() == 0);
    }
}
