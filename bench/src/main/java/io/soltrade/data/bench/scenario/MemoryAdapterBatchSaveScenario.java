package io.soltrade.data.bench.scenario;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.ports.TradeStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory adapter's {@code batchSave} against the plain JDK map it is built on: what input checks,
 * all-or-nothing batches and the failure/latency hooks cost. Needs no server, so it is the scenario CI's smoke
 * run can always measure.
 */
final class MemoryAdapterBatchSaveScenario implements Scenario {
    static final String NAME = "memory-adapter.batch-save";

    private final OursThrough through;
    private final String name;

    MemoryAdapterBatchSaveScenario(OursThrough through) {
        this.through = through;
        this.name = through.name(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String measures() {
        return through.describe("in-memory TradeStore.batchSave(1,000 trades) vs ConcurrentHashMap.putIfAbsent per trade");
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        int batchSize = context.sizing().size(1_000, 100);
        int batchesPerRound = context.sizing().size(20, 2);
        Map<String, Trade> map = new ConcurrentHashMap<>();
        Comparison comparison;
        try (DataLayer layer = BenchDataLayer.start(context.servers(), Backend.MEMORY, new MemoryModule())) {
            TradeStore store = through == OursThrough.ADAPTER ? layer.adapter(Backend.MEMORY, TradeStore.class) : layer.trades();
            comparison = context.rounds().run(
                    new TradeBatchSide(context.trades(), batchSize, batchesPerRound, store::batchSave),
                    new TradeBatchSide(context.trades(), batchSize, batchesPerRound, batch -> {
                        for (Trade trade : batch) {
                            map.putIfAbsent(trade.id().naturalKey(), trade);
                        }
                    }));
        }
        Goal goal = Goal.ratio();
        String why = through.why("the adapter checks and copies the batch, then under one write lock puts each trade into a "
                + "by-id map and appends it to three time-ordered indexes (by time, token and trader: what its range queries "
                + "read); the raw side is one ConcurrentHashMap insert per trade. A batch takes about a millisecond, so one "
                + "garbage collection or scheduling gap decides a round's figure on a shared machine");
        return new ScenarioOutcome(List.of(
                comparison.throughput(name, "trades/s", goal, why),
                comparison.latencyPercentile(name, 50, goal, why),
                comparison.latencyPercentile(name, 99, goal, why)),
                List.of(comparison.latencyProfile(name, "in-memory batchSave of " + batchSize + " trades")));
    }
}
