package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.ConcurrentWorkers;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.TradeStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Eight threads each saving trades one at a time, every save durable before the next: {@code TradeStore.save}
 * (the adapter's writer sends concurrent saves together) against eight raw {@link Sender}s, one per thread, each
 * row flushed on its own, which is what a host without a shared writer would have to do for the same guarantee.
 */
final class QuestDbConcurrentSaveScenario implements Scenario {
    static final String NAME = "questdb.concurrent-save";
    private static final int THREADS = 8;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return THREADS + " threads x TradeStore.save(trade), each durable on return, vs " + THREADS
                + " threads each with its own ILP Sender (HTTP), one row + flush() per save";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        TradeStore store = questDb.tradeStore();
        int savesPerThread = context.sizing().size(100, 5);
        List<Sender> senders = new ArrayList<>();
        try (ConcurrentWorkers workers = new ConcurrentWorkers("bench-questdb-save", THREADS)) {
            for (int i = 0; i < THREADS; i++) {
                senders.add(questDb.rawSender());
            }
            List<RawIlpTrades> encoders = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                encoders.add(new RawIlpTrades());
            }
            Comparison comparison = context.rounds().run(
                    new PerThreadSaves(context.trades(), workers, savesPerThread, (worker, trade) -> store.save(trade)),
                    new PerThreadSaves(context.trades(), workers, savesPerThread, (worker, trade) -> {
                        encoders.get(worker).append(senders.get(worker), trade);
                        senders.get(worker).flush();
                    }));
            String why = "each save waits for the writer thread to send the rows queued so far and for QuestDB to acknowledge "
                    + "them, so a save costs a hand-off to the writer thread and back on top of the round trip";
            return new ScenarioOutcome(List.of(
                    // issue 14: group commit reaches twice the rows/s of senders that flush per row
                    comparison.throughput(NAME, "rows/s", Goal.ratioAtLeast(2), why),
                    comparison.latencyPercentile(NAME, 50, Goal.ratio(), why),
                    comparison.latencyPercentile(NAME, 99, Goal.ratio(), why)),
                    List.of(comparison.latencyProfile(NAME, THREADS + " threads: save vs Sender row + flush")));
        } finally {
            for (Sender sender : senders) {
                sender.close();
            }
        }
    }

    /** Each worker saves its own list of fresh trades (made before the round), each save one timed operation. */
    private static final class PerThreadSaves implements Side {
        private final BenchTrades trades;
        private final ConcurrentWorkers workers;
        private final int savesPerThread;
        private final Save save;
        private List<List<Trade>> perWorker = List.of();

        PerThreadSaves(BenchTrades trades, ConcurrentWorkers workers, int savesPerThread, Save save) {
            this.trades = trades;
            this.workers = workers;
            this.savesPerThread = savesPerThread;
            this.save = save;
        }

        @Override
        public void prepare() {
            List<List<Trade>> next = new ArrayList<>();
            for (int i = 0; i < workers.workers(); i++) {
                next.add(trades.batch(savesPerThread));
            }
            perWorker = next;
        }

        @Override
        public void round(RoundRecorder recorder) throws Exception {
            workers.runAll(worker -> {
                for (Trade trade : perWorker.get(worker)) {
                    recorder.time(1, () -> save.save(worker, trade));
                }
            });
        }
    }

    @FunctionalInterface
    private interface Save {
        void save(int worker, Trade trade) throws Exception;
    }
}
