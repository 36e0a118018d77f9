package io.soltrade.data.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.testing.TestingRedis;
import io.soltrade.data.reliability.support.FaultServers;
import io.soltrade.data.reliability.support.RunningAdapter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application ({@code java -jar cli/target/soltrade-data.jar simulate}) sent SIGTERM in the middle of
 * a session: it finishes the step it is in, waits for its async writes, writes the summary and closes the data
 * layer, and says so in its log. On the {@code local} profile (pointed at the test servers through the
 * {@code SOLTRADE_*} variables) the summary is then held to the stores: every acknowledged trade, position and
 * MEV event is in QuestDB exactly once, and each stream is as long as the summary says.
 */
class SimulateSigtermIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXIT = Duration.ofMinutes(2);
    private static final java.util.regex.Pattern PROGRESS_WITH_TRADES = java.util.regex.Pattern.compile("\\| acked [1-9]");

    @TempDir
    Path directory;

    @Test
    void sigtermOnMemoryWritesAnExactSummaryAndClosesCleanly() throws Exception {
        Path summary = directory.resolve("summary.json");
        Process app = start(List.of("simulate", "--profile", "memory", "--duration", "5m", "--summary-json", summary.toString()), Map.of());
        Path log = directory.resolve("app.log");
        // without a console the progress line is printed every 5 s: wait for one with acknowledged trades
        await("acknowledged trades in the progress line").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    assertThat(app.isAlive()).as("the app runs (log: %s)", tail(log)).isTrue();
                    return PROGRESS_WITH_TRADES.matcher(Files.readString(log, StandardCharsets.UTF_8)).find();
                });
        JsonNode result = terminate(app, summary, log);

        long streamEvents = 0;
        for (JsonNode length : result.get("streams")) {
            streamEvents += length.asLong();
        }
        assertThat(result.get("acknowledged").get("stream_events").asLong()).as("stream events acknowledged = what the streams hold")
                .isEqualTo(streamEvents);
        assertThat(result.get("acknowledged").get("trades").asLong()).as("trades = trade events on the stream")
                .isEqualTo(result.get("streams").get(StreamName.TRADE_EVENTS.key()).asLong());
    }

    @Test
    void sigtermOnTheServersLeavesEveryAcknowledgedRowStoredOnce() throws Exception {
        QuestDbServer questDb = FaultServers.questDb();
        try (TestingPostgres postgres = TestingPostgres.start(); TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace()) {
            assumeTrue(postgres.url().startsWith("jdbc:postgresql://"), "a PostgreSQL server");
            Path summary = directory.resolve("summary.json");
            Instant from = Instant.now();
            Process app = start(List.of("simulate", "--profile", "local", "--duration", "10m", "--trade-rate", "50", "--no-progress",
                    "--summary-json", summary.toString()), Map.of(
                    "SOLTRADE_PG_URL", postgres.url(), "SOLTRADE_PG_USER", postgres.user(), "SOLTRADE_PG_SCHEMA", postgres.freshSchema(),
                    "SOLTRADE_QUESTDB_ILP", questDb.ilpConfig(), "SOLTRADE_QUESTDB_PG_URL", questDb.pgUrl(),
                    "SOLTRADE_QUESTDB_PG_USER", questDb.pgUser(), "SOLTRADE_QUESTDB_PG_PASSWORD", questDb.pgPassword(),
                    "SOLTRADE_REDIS_URL", TestingRedis.shared().url(), "SOLTRADE_REDIS_NAMESPACE", namespace.name()));
            Path log = directory.resolve("app.log");
            // The tables appear when the app's QuestDB backend has started; until then the count query fails.
            await("trades in QuestDB while the session runs").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(SQLException.class)
                    .until(() -> {
                        assertThat(app.isAlive()).as("the app runs (log: %s)", tail(log)).isTrue();
                        return count(questDb, "trades", from, Instant.now().plusSeconds(60)) >= 50;
                    });
            JsonNode result = terminate(app, summary, log);
            Instant to = Instant.now().plusSeconds(60);

            JsonNode acknowledged = result.get("acknowledged");
            assertThat(count(questDb, "trades", from, to)).as("trades in QuestDB").isEqualTo(acknowledged.get("trades").asLong());
            assertThat(count(questDb, "positions", from, to)).as("position states in QuestDB").isEqualTo(acknowledged.get("positions").asLong());
            assertThat(count(questDb, "mev_events", from, to)).as("MEV events in QuestDB").isEqualTo(acknowledged.get("mev_events").asLong());
            try (RunningAdapter redis = RunningAdapter.start(new RedisModule(namespace.settings().build()))) {
                EventStream streams = redis.port(EventStream.class);
                for (StreamName stream : StreamName.values()) {
                    assertThat(streams.length(stream)).as("length of %s", stream).isEqualTo(result.get("streams").get(stream.key()).asLong());
                }
            }
            assertThat(result.get("errors").size()).as("errors: %s", result.get("errors")).isZero();
        }
    }

    private Process start(List<String> arguments, Map<String, String> environment) throws IOException {
        Path jar = Path.of(System.getProperty("soltrade.cli.jar", "../cli/target/soltrade-data.jar"));
        assertThat(jar).as("the packaged command line (./mvnw package -pl cli -am)").exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(directory.resolve("app.out").toFile())
                .redirectError(directory.resolve("app.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SOLTRADE_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** SIGTERM, then the exit, the summary and the log lines about what was still queued at shutdown. */
    private JsonNode terminate(Process app, Path summary, Path log) throws Exception {
        app.destroy(); // SIGTERM
        assertThat(app.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS)).as("the app exits after SIGTERM (log: %s)", tail(log)).isTrue();
        assertThat(app.exitValue()).as("exit code (143: ended by SIGTERM after the shutdown hooks ran)").isIn(0, 143);
        assertThat(summary).as("summary written (stdout: %s)", Files.readString(directory.resolve("app.out"))).exists();
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logText).as("the log says what became of the writes queued at shutdown")
                .containsAnyOf("data layer closed cleanly", "data layer closed; not delivered");
        System.out.printf("SimulateSigtermIT: summary %s%nSimulateSigtermIT: log tail%n%s%n", Files.readString(summary), tail(log));
        return JSON.readTree(summary.toFile());
    }

    private static long count(QuestDbServer questDb, String table, Instant from, Instant to) throws SQLException {
        try (Connection connection = DriverManager.getConnection(questDb.pgUrl(), questDb.pgUser(), questDb.pgPassword());
                PreparedStatement statement = connection.prepareStatement("SELECT count() FROM " + table + " WHERE ts >= ? AND ts < ?")) {
            statement.setObject(1, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
            statement.setObject(2, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
