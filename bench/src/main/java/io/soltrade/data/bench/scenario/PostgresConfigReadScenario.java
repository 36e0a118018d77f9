package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.ConcurrentWorkers;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.ConfigStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * {@code concurrency} threads reading trader configurations at once through a pool of 20 connections:
 * {@code ConfigStore.findTraderConfig} against the same {@code SELECT} by plain pgjdbc on a HikariCP pool of 20,
 * reading every column. More callers than connections, so both sides also measure waiting for a connection.
 */
final class PostgresConfigReadScenario implements Scenario {
    private static final int TRADERS = 20;

    private final int concurrency;
    private final OursThrough through;

    PostgresConfigReadScenario(int concurrency, OursThrough through) {
        this.concurrency = concurrency;
        this.through = through;
    }

    @Override
    public String name() {
        return through.name("postgres.config-read-" + concurrency);
    }

    @Override
    public String measures() {
        return through.describe(concurrency + " threads x ConfigStore.findTraderConfig on a pool of " + PostgresBench.POOL_SIZE)
                + " vs the same SELECT by plain pgjdbc on a HikariCP pool of " + PostgresBench.POOL_SIZE;
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        PostgresBench postgres = context.backend(PostgresBench.class, PostgresBench::open);
        ConfigStore store = postgres.configStore(through);
        DataSource raw = postgres.raw();
        List<TraderId> traders = storedTraders(store, context.runId());
        String query = BenchSql.named("postgres.raw-config-read");
        int readsPerThread = context.sizing().size(Math.max(10, 3_000 / concurrency), 2);
        String name = name();
        try (ConcurrentWorkers workers = new ConcurrentWorkers("bench-config-read", concurrency)) {
            Comparison comparison = context.rounds().run(
                    recorder -> workers.runAll(worker -> {
                        for (int i = 0; i < readsPerThread; i++) {
                            TraderId trader = traders.get(ThreadLocalRandom.current().nextInt(traders.size()));
                            recorder.time(1, () -> {
                                if (store.findTraderConfig(trader).isEmpty()) {
                                    throw new IllegalStateException("trader config " + trader + " is missing");
                                }
                            });
                        }
                    }),
                    recorder -> workers.runAll(worker -> {
                        for (int i = 0; i < readsPerThread; i++) {
                            TraderId trader = traders.get(ThreadLocalRandom.current().nextInt(traders.size()));
                            recorder.time(1, () -> readRaw(raw, query, trader));
                        }
                    }));
            String why = through.why("each read borrows a pooled connection, runs the SELECT jOOQ rendered once as a prepared "
                    + "statement, and builds a validated TraderConfig (u64 limits checked; the settings JSON parsed and checked once per "
                    + "distinct text, then shared), where the raw side keeps the columns as JDBC objects; with " + concurrency
                    + " threads on 2 cores that client CPU competes with the server's");
            return new ScenarioOutcome(List.of(
                    comparison.throughput(name, "reads/s", Goal.ratio(), why),
                    comparison.latencyPercentile(name, 50, Goal.ratio(), why),
                    comparison.latencyPercentile(name, 99, Goal.ratio(), why)),
                    List.of(comparison.latencyProfile(name, concurrency + " concurrent config reads, pool of " + PostgresBench.POOL_SIZE)));
        }
    }

    /** The traders the reads pick from, created once per run (the second scenario finds them stored). */
    private static List<TraderId> storedTraders(ConfigStore store, String runId) {
        List<TraderId> traders = new ArrayList<>();
        for (int i = 0; i < TRADERS; i++) {
            TraderId trader = TraderId.of("bench-" + runId + "-" + i);
            if (store.findTraderConfig(trader).isEmpty()) {
                store.saveTraderConfig(TraderConfig.of(trader, TradingMode.PAPER,
                        new RiskLimits(TokenAmount.of(5_000_000_000L), TokenAmount.of(1_000_000_000L), 50, 10),
                        MevProtection.disabled(), Map.of("strategy", "momentum", "max.hops", "3")), Actor.of("bench"));
            }
            traders.add(trader);
        }
        return traders;
    }

    private static void readRaw(DataSource raw, String query, TraderId trader) throws Exception {
        try (Connection connection = raw.getConnection(); PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, trader.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("trader config " + trader + " is missing");
                }
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    row.getObject(column);
                }
            }
        }
    }
}
