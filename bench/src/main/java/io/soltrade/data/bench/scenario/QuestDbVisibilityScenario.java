package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.MetricKind;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.TradeStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Time from the start of a write of 100 trades until a query sees them. QuestDB acknowledges a write once it is in
 * the table's write-ahead log and applies the log to the table in the background, so a query right after the
 * acknowledgement may not see the rows yet. Ours: {@code batchSave} then {@code findById} of the last trade (the
 * adapter's reads wait for acknowledged writes to be applied). Raw: Sender rows + flush, then the same lookup by
 * plain JDBC, repeated every millisecond until the row is there.
 */
final class QuestDbVisibilityScenario implements Scenario {
    static final String NAME = "questdb.visible-after-write";
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "write 100 trades then read the last back: batchSave + findById vs Sender flush + JDBC polled every 1 ms until visible";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        TradeStore store = questDb.tradeStore();
        int writesPerRound = context.sizing().size(5, 1);
        int batchSize = 100;
        RawIlpTrades rows = new RawIlpTrades();
        try (Sender sender = questDb.rawSender()) {
            Side ours = new Writes(context.trades(), writesPerRound, batchSize) {
                @Override
                void writeAndAwait(List<Trade> batch) throws Exception {
                    store.batchSave(batch);
                    Trade last = batch.get(batch.size() - 1);
                    awaitVisible(() -> store.findById(last.id()).isPresent());
                }
            };
            Side raw = new Writes(context.trades(), writesPerRound, batchSize) {
                @Override
                void writeAndAwait(List<Trade> batch) throws Exception {
                    for (Trade trade : batch) {
                        rows.append(sender, trade);
                    }
                    sender.flush();
                    String lastId = batch.get(batch.size() - 1).id().naturalKey();
                    awaitVisible(() -> questDb.rawRowVisible(lastId));
                }
            };
            Comparison comparison = context.rounds().run(ours, raw);
            String why = "the adapter's read first asks QuestDB how far the table's write-ahead log has been applied and waits, "
                    + "checking again every 5 ms (one status read shared by every waiter), where the raw side polls its query every 1 ms; with a "
                    + "shared, loaded machine the apply job itself dominates both";
            return new ScenarioOutcome(List.of(
                    comparison.latencyPercentile(NAME, "time to visible", MetricKind.TIME, 50, Goal.ratio(), why),
                    comparison.latencyPercentile(NAME, "time to visible", MetricKind.TIME, 99, Goal.ratio(), why)),
                    List.of(comparison.latencyProfile(NAME, "write 100 rows until a query sees them")));
        }
    }

    private static void awaitVisible(Check visible) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP_NANOS;
        while (!visible.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("written rows were not visible to a query after 30 s");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** {@code writesPerRound} fresh batches (made before the round); each write-until-visible is one timed operation. */
    private abstract static class Writes implements Side {
        private final BenchTrades trades;
        private final int writesPerRound;
        private final int batchSize;
        private List<List<Trade>> batches = List.of();

        Writes(BenchTrades trades, int writesPerRound, int batchSize) {
            this.trades = trades;
            this.writesPerRound = writesPerRound;
            this.batchSize = batchSize;
        }

        abstract void writeAndAwait(List<Trade> batch) throws Exception;

        @Override
        public void prepare() {
            List<List<Trade>> next = new ArrayList<>();
            for (int i = 0; i < writesPerRound; i++) {
                next.add(trades.batch(batchSize));
            }
            batches = next;
        }

        @Override
        public void round(RoundRecorder recorder) throws Exception {
            for (List<Trade> batch : batches) {
                recorder.time(batch.size(), () -> writeAndAwait(batch));
            }
        }
    }
}
