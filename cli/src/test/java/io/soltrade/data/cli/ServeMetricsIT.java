package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --profile local} against real servers (the machine's PostgreSQL and Redis, or the fixtures' own, and
 * a QuestDB this test starts): after a trade is written, {@code /metrics} shows both HikariCP pools, the QuestDB batch
 * writer's figures, the Redis pool, the port-call timers by outcome and the cache statistics, in Prometheus text.
 */
class ServeMetricsIT {
    private static final Pattern SERVING = Pattern.compile("serving http://127\\.0\\.0\\.1:(\\d+)/health");

    @TempDir
    Path dir;

    @Test
    void metricsShowBothPoolsTheBatchWriterTheRedisPoolAndThePortCallsAfterAWrite() throws Exception {
        try (TestServers servers = TestServers.start(dir)) {
            Path config = servers.config();
            String postgresPool = "soltrade-postgres-" + servers.postgresSchema();
            AtomicReference<DataLayer> served = new AtomicReference<>();
            Main main = new Main((configuration, meters) -> {
                DataLayer data = DataLayer.create(configuration, meters);
                served.set(data);
                return data;
            });
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = Main.commandLine(main);
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
                    commandLine.execute("serve", "--profile", "local", "--config", config.toString(), "--port", "0"));
            try {
                await().atMost(Duration.ofMinutes(2)).until(() -> SERVING.matcher(out.toString()).find() || exit.isDone());
                Matcher serving = SERVING.matcher(out.toString());
                assertThat(serving.find()).as("serve started (err: %s)", err).isTrue();
                DataLayer data = served.get();

                data.trades().save(trade());
                data.prices().get(TokenSymbol.of("SOL"));
                data.configStore().findTraderConfig(TraderId.of("nobody"));

                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + serving.group(1) + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
                assertThat(metrics)
                        .contains("hikaricp_connections_active{pool=\"questdb-pg\"}", "hikaricp_connections_pending{pool=\"questdb-pg\"}")
                        .contains("hikaricp_connections_active{pool=\"" + postgresPool + "\"}",
                                "hikaricp_connections_max{pool=\"" + postgresPool + "\"} 4")
                        .contains("hikaricp_connections_acquire_seconds_count{pool=\"" + postgresPool + "\"}")
                        .contains("soltrade_questdb_writer_rows_retried_total", "soltrade_questdb_writer_rows_failed_total",
                                "soltrade_questdb_writer_rows_outstanding", "soltrade_questdb_writer_buffer_capacity_rows 100000",
                                "soltrade_questdb_writer_flush_seconds_bucket")
                        .contains("soltrade_redis_pool_active{address=", "soltrade_redis_pool_idle{address=", "soltrade_redis_pool_waiting{address=")
                        .contains("soltrade_cache_misses_total{cache=\"prices\"}")
                        .containsPattern("soltrade_port_calls_seconds_count\\{backend=\"questdb\",kind=\"none\",operation=\"save\",outcome=\"ok\",port=\"trades\"} 1")
                        .containsPattern("soltrade_port_calls_seconds_count\\{backend=\"postgres\",kind=\"none\",operation=\"findTraderConfig\",outcome=\"ok\",port=\"config\"} 1");
                assertThat(value(metrics, "soltrade_questdb_writer_rows_queued_total")).isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "soltrade_questdb_writer_rows_acknowledged_total")).as("the saved trade was acknowledged").isGreaterThanOrEqualTo(1);
                assertThat(value(metrics, "soltrade_questdb_writer_flush_seconds_count")).isGreaterThanOrEqualTo(1);
            } finally {
                ((ServeCommand) commandLine.getSubcommands().get("serve").getCommand()).stop();
            }
            assertThat(exit.get(1, TimeUnit.MINUTES)).as(err.toString()).isZero();
        }
    }

    /** The value of the sample line {@code name ...} (a meter without tags, or its first series). */
    private static double value(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(line.find()).as("%s in%n%s", name, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private static Trade trade() {
        String id = "serve-" + UUID.randomUUID();
        return new Trade(new PaperTradeId(id), Instant.now(), TraderId.of("serve-it"), TradingMode.PAPER, TradeSide.BUY,
                Pubkey.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"), Pubkey.of("So11111111111111111111111111111111111111112"),
                TokenAmount.of(150_000_000L), TokenAmount.of(1_000_000_000L), TokenAmount.of(5_000), new BigDecimal("150"), 300_000_001L,
                MevStatus.NONE);
    }
}
