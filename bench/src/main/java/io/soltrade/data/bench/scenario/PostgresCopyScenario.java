package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.ports.TradeStore;
import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;

/** {@code TradeStore.batchSave} of 1,000 trades on PostgreSQL (COPY) against a raw {@code CopyManager} COPY. */
final class PostgresCopyScenario implements Scenario {
    static final String NAME = "postgres.batch-save-copy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "TradeStore.batchSave(1,000 trades) via COPY vs pgjdbc CopyManager COPY of the same rows into a copy of the table";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        PostgresBench postgres = context.backend(PostgresBench.class, PostgresBench::open);
        TradeStore store = postgres.tradeStore(OursThrough.ADAPTER);
        DataSource raw = postgres.raw();
        int batchSize = context.sizing().size(1_000, 100);
        int batchesPerRound = context.sizing().size(10, 2);
        Comparison comparison = context.rounds().run(
                new TradeBatchSide(context.trades(), batchSize, batchesPerRound, store::batchSave),
                new TradeBatchSide(context.trades(), batchSize, batchesPerRound, batch -> {
                    try (Connection connection = raw.getConnection()) {
                        RawTradeCopy.copy(connection, batch);
                    }
                }));
        String why = "batchSave COPYs straight into trades inside a savepoint and one transaction (a batch that meets a "
                + "stored id, i.e. a retry, rolls back to the savepoint and takes a staging table with INSERT ... ON CONFLICT "
                + "DO NOTHING, so it stores nothing twice); the raw COPY writes the same rows on an auto-commit connection and "
                + "aborts the whole batch on the first id already stored";
        return new ScenarioOutcome(List.of(
                comparison.throughput(NAME, "rows/s", Goal.ratio(), why),
                comparison.latencyPercentile(NAME, 50, Goal.ratio(), why),
                comparison.latencyPercentile(NAME, 99, Goal.ratio(), why)),
                List.of(comparison.latencyProfile(NAME, "batch of " + batchSize + ": batchSave vs CopyManager")));
    }
}
