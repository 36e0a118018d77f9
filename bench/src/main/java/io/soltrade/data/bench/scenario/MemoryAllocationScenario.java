package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.HeapGauge;
import io.soltrade.data.bench.measure.MetricKind;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.TradeStore;
import java.util.List;

/**
 * Bytes allocated per trade saved to QuestDB, on every thread of the JVM (ours includes the adapter's writer
 * thread): {@code batchSave} of 1,000 trades against the raw ILP {@link Sender} writing and flushing the same rows.
 * The trades themselves are made before the round, so neither side is charged for them.
 */
final class MemoryAllocationScenario implements Scenario {
    static final String NAME = "memory.allocation-per-saved-trade";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "bytes allocated (all threads) per trade: TradeStore.batchSave(1,000) on QuestDB vs ILP Sender rows + flush()";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        TradeStore store = questDb.tradeStore();
        int batchSize = context.sizing().size(1_000, 100);
        int batchesPerRound = context.sizing().size(10, 2);
        RawIlpTrades rows = new RawIlpTrades();
        try (Sender sender = questDb.rawSender()) {
            Comparison comparison = context.rounds().run(
                    allocationPerTrade(new TradeBatchSide(context.trades(), batchSize, batchesPerRound, store::batchSave)),
                    allocationPerTrade(new TradeBatchSide(context.trades(), batchSize, batchesPerRound, batch -> {
                        for (Trade trade : batch) {
                            rows.append(sender, trade);
                        }
                        sender.flush();
                    })),
                    context.sizing().warmupRounds(), context.sizing().size(5, 1));
            String why = "both sides convert each price with Decimal256.fromBigDecimal and hash each id with a new MD5 (which "
                    + "allocate) and allocate per HTTP request; ours also keeps each trade's id in a table from send until QuestDB "
                    + "applies it (a slot of its arrays, which are allocated only as the table grows), grows its filter of known "
                    + "ids, and makes a submission and futures per call";
            return new ScenarioOutcome(List.of(
                    comparison.sample(NAME, "allocation per saved trade", "bytes/trade", MetricKind.MEMORY, Goal.ratio(), why)), List.of());
        }
    }

    /** Wraps {@code inner}: each round also samples the bytes all threads allocated during it, per item saved. */
    private static Side allocationPerTrade(Side inner) {
        return new Side() {
            @Override
            public void prepare() throws Exception {
                inner.prepare();
            }

            @Override
            public void round(RoundRecorder recorder) throws Exception {
                long itemsBefore = recorder.items();
                HeapGauge.AllocationMark before = HeapGauge.allocationMark();
                inner.round(recorder);
                long allocated = HeapGauge.allocatedSince(before);
                recorder.sample((double) allocated / (recorder.items() - itemsBefore));
            }
        };
    }
}
