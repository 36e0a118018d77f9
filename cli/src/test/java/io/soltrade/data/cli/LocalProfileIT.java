package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the {@code local} profile against real servers (those the SOLTRADE_* variables name, or the
 * adapters' fixtures): {@code migrate}, then {@code simulate} for a fixed count, then the stores, read back
 * through the ports, hold exactly what the summary says, and {@code health} is green. Isolated by a fresh
 * PostgreSQL schema, a fresh Redis namespace and the session's own trader ids.
 */
class LocalProfileIT {
    private static final TimeRange EVERYTHING = TimeRange.of(Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"));
    private static final Pattern SESSION = Pattern.compile("Paper-trading session ([a-z0-9]+):");
    private static final List<String> METRICS = List.of("sim.trades.per_second", "sim.errors.total", "sim.cache.hit_ratio",
            "sim.port.latency.p99_us", "sim.trader.pnl_usdc");

    @TempDir
    static Path dir;

    private static TestServers servers;
    private static Path config;

    @BeforeAll
    static void servers() throws IOException {
        servers = TestServers.start(dir);
        config = servers.config();
    }

    @AfterAll
    static void cleanUp() {
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void migrateThenSimulateLeavesExactlyWhatTheSummarySays() throws IOException {
        CommandLineTest.Result migrated = CommandLineTest.run(new Main(), "migrate", "--profile", "local", "--config", config.toString());
        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("postgres: schema " + servers.postgresSchema(), ": applied 14 changesets: 001-tokens, ", "redis: no schema");
        // The shared QuestDB may have been migrated by another test of this JVM first: either line is right, and
        // afterwards every migration is recorded.
        assertThat(migrated.out().lines().filter(line -> line.startsWith("questdb:")).toList()).as(migrated.out()).singleElement().asString()
                .matches("questdb: jdbc:postgresql://\\S+(: applied [123] migrations: V00[123]__\\w+\\.sql.*| is up to date \\(3 migrations already applied\\))");
        CommandLineTest.Result dryRun = CommandLineTest.run(new Main(), "migrate", "--dry-run", "--profile", "local", "--config", config.toString());
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("is up to date (14 changesets already applied)", "is up to date (3 migrations already applied)");

        Path json = dir.resolve("summary.json");
        CommandLineTest.Result simulated = CommandLineTest.run(new Main(), "simulate", "--profile", "local", "--config", config.toString(),
                "--trades", "300", "--trade-rate", "300", "--price-rate", "20", "--seed", "7", "--no-progress", "--summary-json", json.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        Matcher session = SESSION.matcher(simulated.out());
        assertThat(session.find()).as(simulated.out()).isTrue();
        String prefix = "sim-" + session.group(1) + "-";
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        JsonNode acknowledged = summary.get("acknowledged");
        System.out.println(simulated.out());
        acknowledged.forEach(count -> assertThat(count.asLong()).as("every kind of write landed at least once").isPositive());

        try (DataLayer data = DataLayer.create(DataLayerConfig.load("local", Optional.of(config)))) {
            assertThat(List.of(
                    data.adapter(Backend.QUESTDB, io.soltrade.data.ports.TradeStore.class),
                    data.adapter(Backend.QUESTDB, io.soltrade.data.ports.PositionStore.class),
                    data.adapter(Backend.QUESTDB, io.soltrade.data.ports.MetricsStore.class),
                    data.adapter(Backend.QUESTDB, io.soltrade.data.ports.MevEventStore.class),
                    data.adapter(Backend.POSTGRES, io.soltrade.data.ports.ConfigStore.class),
                    data.adapter(Backend.REDIS, io.soltrade.data.ports.PriceCache.class),
                    data.adapter(Backend.REDIS, io.soltrade.data.ports.PoolStateCache.class),
                    data.adapter(Backend.REDIS, io.soltrade.data.ports.EventStream.class),
                    data.adapter(Backend.REDIS, io.soltrade.data.ports.LiveFeed.class)))
                    .extracting(adapter -> adapter.getClass().getSimpleName())
                    .containsExactly("QuestDbTradeStore", "QuestDbPositionStore", "QuestDbMetricsStore", "QuestDbMevEventStore",
                            "PostgresConfigStore", "RedisPriceCache", "RedisPoolStateCache", "RedisEventStream", "RedisLiveFeed");
            assertThat(data.backends()).as("the local profile starts no memory backend").containsExactly(Backend.POSTGRES, Backend.QUESTDB, Backend.REDIS);
            List<Trade> trades = data.trades().findBetween(EVERYTHING, 10_000).stream()
                    .filter(trade -> trade.trader().value().startsWith(prefix)).toList();
            assertThat(trades).hasSize(acknowledged.get("trades").asInt());

            Set<TraderId> traders = trades.stream().map(Trade::trader).collect(Collectors.toSet());
            Set<Pubkey> tokens = trades.stream().map(Trade::token).collect(Collectors.toSet());
            long positions = 0;
            for (TraderId trader : traders) {
                for (Pubkey token : tokens) {
                    positions += data.positions().history(trader, TradingMode.PAPER, token, EVERYTHING, 10_000).size();
                }
            }
            assertThat(positions).isEqualTo(acknowledged.get("positions").asLong());

            long points = METRICS.stream()
                    .mapToLong(name -> data.metrics().find(name, Map.of("session", session.group(1)), EVERYTHING, 10_000).size()).sum();
            assertThat(points).isEqualTo(acknowledged.get("metrics").asLong());

            List<MevEvent> mev = data.mevEvents().findBetween(EVERYTHING, 10_000).stream()
                    .filter(event -> event.trader().value().startsWith(prefix)).toList();
            assertThat(mev).hasSize(acknowledged.get("mev_events").asInt());

            long entries = 0;
            for (StreamName stream : StreamName.values()) {
                long length = data.streams().length(stream);
                assertThat(length).isEqualTo(summary.get("streams").get(stream.key()).asLong()).isLessThanOrEqualTo(10_000);
                entries += length;
            }
            assertThat(entries).as("a fresh namespace holds this session's events only").isEqualTo(acknowledged.get("stream_events").asLong());
            assertThat(data.configStore().findTraderConfig(TraderId.of(prefix + "1"))).isPresent();
        }

        CommandLineTest.Result health = CommandLineTest.run(new Main(), "health", "--profile", "local", "--config", config.toString());
        assertThat(health.exitCode()).as(health.out() + health.err()).isZero();
        assertThat(health.out()).contains("postgres", "questdb", "redis");
    }
}
