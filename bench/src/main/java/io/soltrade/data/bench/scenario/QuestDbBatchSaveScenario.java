package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.MetricKind;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.TradeStore;
import java.util.List;

/**
 * {@code TradeStore.batchSave} of 1,000 trades on QuestDB against the raw ILP {@link Sender} (HTTP) writing the
 * same rows and flushing: rows per second, and how long the server takes to acknowledge a batch (the flush).
 */
final class QuestDbBatchSaveScenario implements Scenario {
    static final String NAME = "questdb.batch-save";

    private final OursThrough through;
    private final String name;

    QuestDbBatchSaveScenario(OursThrough through) {
        this.through = through;
        this.name = through.name(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String measures() {
        return through.describe("TradeStore.batchSave(1,000 trades), returning when acknowledged, vs ILP Sender (HTTP) rows + flush()");
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        TradeStore store = questDb.tradeStore(through);
        int batchSize = context.sizing().size(1_000, 100);
        int batchesPerRound = context.sizing().size(10, 2);
        RawIlpTrades rows = new RawIlpTrades();
        try (Sender sender = questDb.rawSender()) {
            Comparison comparison = context.rounds().run(
                    new TradeBatchSide(context.trades(), batchSize, batchesPerRound, store::batchSave),
                    new TradeBatchSide(context.trades(), batchSize, batchesPerRound, batch -> {
                        for (Trade trade : batch) {
                            rows.append(sender, trade);
                        }
                        sender.flush();
                    }));
            String why = through.why("encoding and the round trip cost the same on both sides; ours also classifies each id against its "
                    + "filter of known ids and registers it in flight on the caller's thread, hands the batch to the writer thread, and "
                    + "keeps the ids until QuestDB applies the write (first save wins, one row per id), which the raw "
                    + "sender does not keep (docs/bench.md: QuestDB batch save, where our extra time goes)");
            return new ScenarioOutcome(List.of(
                    comparison.throughput(name, "rows/s", Goal.ratio(), why),
                    comparison.latencyPercentile(name, "flush ack", MetricKind.LATENCY, 50, Goal.ratio(), why),
                    comparison.latencyPercentile(name, "flush ack", MetricKind.LATENCY, 99, Goal.ratioAndBelow(100, "ms"),
                            why + "; a p99 above 100 ms on both sides is the server's WAL commit under the machine's load")),
                    List.of(comparison.latencyProfile(name, "batch of " + batchSize + ": batchSave vs Sender flush")));
        }
    }
}
