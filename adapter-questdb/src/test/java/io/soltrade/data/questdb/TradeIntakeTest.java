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
    private final TradeIntake intake = new TradeIntake(writer, table, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(5));

    /** A trades table that shows only what was applied; {@code apply()} applies everything acknowledged so far. */
    private final class LaggingTable implements TradeIntake.StoredTrades {
        final Map<String, Trade> applied = new ConcurrentHashMap<>();
        volatile long appliedTxn;
        final java.util.concurrent.atomic.AtomicInteger failingLookups = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        /** Until set, the start-up scan of stored ids fails transiently (so every id is looked up, as before a scan). */
        volatile boolean scannable;

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
            Set<String> found = new HashSet<>(naturalKeys);
            found.retainAll(applied.keySet());
            return found;
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
        TradeIntake slowIntake = new TradeIntake(slowWriter, frozen, 10_000, Duration.ofSeconds(1), deadline);
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
}
