package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.memory.MemorySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The command line as an operator meets it: help, exit codes, configuration errors. */
class CommandLineTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "health", "migrate", "serve"})
    void everyCommandAnswersHelpWithItsOptions(String command) {
        Result result = run(new Main(), command, "--help");

        assertThat(result.exitCode).isZero();
        assertThat(result.out).startsWith("Usage: soltrade-data " + command).contains("--profile", "--config", "--help");
    }

    @Test
    void theTopLevelHelpListsTheCommands() {
        Result result = run(new Main(), "--help");

        assertThat(result.exitCode).isZero();
        assertThat(result.out).contains("simulate", "health", "migrate", "serve");
    }

    @Test
    void simulateHelpDocumentsTheSessionOptions() {
        assertThat(run(new Main(), "simulate", "--help").out)
                .contains("--trades", "--duration", "--trade-rate", "--price-rate", "--traders", "--seed", "--summary-json");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result result = run(new Main(), "explode");

        assertThat(result.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(result.err).contains("explode");
    }

    @Test
    void aBadConfigurationExitsWithTwoNamingTheKey() throws IOException {
        Path file = dir.resolve("bad.conf");
        Files.writeString(file, "soltrade.adapters.trades = mongo\n");

        Result result = run(new Main(), "health", "--config", file.toString());

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err).startsWith("configuration error: soltrade.adapters.trades: 'mongo' is not an adapter");
    }

    @Test
    void anUnknownProfileExitsWithTwo() {
        Result result = run(new Main(), "health", "--profile", "staging");

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err).contains("'staging' is not a profile; available: memory, local");
    }

    @Test
    void anImpossibleSessionIsAUsageError() {
        Result result = run(new Main(), "simulate", "--trades", "0");

        assertThat(result.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(result.err).contains("--trades must be at least 1");
    }

    @Test
    void healthExitsWithZeroWhenEveryBackendIsUp() throws IOException {
        Result result = run(new Main(), "health", "--json");

        assertThat(result.exitCode).isZero();
        JsonNode health = new ObjectMapper().readTree(result.out);
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("backends").get(0).get("backend").asText()).isEqualTo("memory");
    }

    @Test
    void healthExitsWithOneWhenABackendIsDown() {
        Main main = new Main((config, meters) -> DataLayer.builder(config).meters(meters)
                .module(Backend.MEMORY, new MemoryModule(MemorySettings.defaults().withFailures(FailurePlan.alwaysTransient()))).start());

        Result result = run(main, "health");

        assertThat(result.exitCode).isEqualTo(Main.BACKEND_FAILURE);
        assertThat(result.out).contains("memory", "DOWN", "simulated outage");
    }

    @Test
    void migrateOnTheMemoryProfileHasNothingToDo() {
        Result result = run(new Main(), "migrate", "--dry-run");

        assertThat(result.exitCode).isZero();
        assertThat(result.out).contains("memory: nothing to migrate");
    }

    @Test
    void migrateDryRunSqlPrintsTheSqlOfEveryServerBackendWithoutConnecting() {
        Result result = run(new Main(), "migrate", "--dry-run", "--sql", "--profile", "local");

        assertThat(result.exitCode).isZero();
        assertThat(result.out)
                .contains("-- postgres: schema ", "--changeset soltrade:001-tokens", "CREATE TABLE tokens")
                .contains("-- questdb: jdbc:postgresql://", "CREATE TABLE IF NOT EXISTS trades")
                .contains("redis: no schema");
    }

    @Test
    void migrateSqlWithoutDryRunIsRefusedBeforeConnecting() {
        Result result = run(new Main(), "migrate", "--sql", "--profile", "local");

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err).contains("--sql goes with --dry-run");
        assertThat(result.out).doesNotContain("postgres:");
    }

    /** A data layer factory that fails the test if a command starts the data layer. */
    private static Main refusingToStart() {
        return new Main((config, meters) -> {
            throw new AssertionError("the command started the data layer before refusing its input");
        });
    }

    @Test
    void servingOnAPortInUseIsRefusedInOneLineBeforeAnyBackendStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result result = run(refusingToStart(), "serve", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
            assertThat(result.err.lines()).hasSize(1).first().asString()
                    .startsWith("--port " + taken.getLocalPort() + ": 127.0.0.1:" + taken.getLocalPort() + " is in use");
        }
    }

    @Test
    void aSummaryPathThatIsADirectoryIsRefusedBeforeTheSessionAndLeavesNoFile() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("out"));

        Result result = run(refusingToStart(), "simulate", "--trades", "5", "--summary-json", directory.toString());

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err.lines()).hasSize(1).first().asString().startsWith("--summary-json " + directory + ": is a directory");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(directory);
        }
        try (var inside = Files.list(directory)) {
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aSummaryFileThatCannotBeMovedIntoPlaceLeavesNoTemporaryFile() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("target-is-a-directory"));
        Files.createFile(directory.resolve("keep"));

        assertThatThrownBy(() -> new io.soltrade.data.cli.simulator.SessionSummary(Map.of(), Map.of(), Map.of()).writeJson(directory))
                .isInstanceOf(java.io.UncheckedIOException.class);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(directory);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "0.5", "ten seconds"})
    void aDurationWithoutAUnitIsRefused(String duration) {
        Result result = run(refusingToStart(), "simulate", "--duration", duration);

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err.lines()).hasSize(1).first().asString().contains("'" + duration + "' is not a duration with a unit (e.g. 30s, 2m, 500ms)");
    }

    @Test
    void aZeroDurationIsRefusedWrittenAsTheUserWroteIt() {
        Result result = run(refusingToStart(), "simulate", "--duration", "0s");

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err).isEqualTo("--duration must be positive, got 0s (see 'soltrade-data simulate --help')\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--trades", "--traders"})
    void aFractionalCountIsRefused(String option) {
        Result result = run(refusingToStart(), "simulate", option, "5.5");

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err.lines()).hasSize(1).first().asString().contains("'5.5' is not a");
    }

    @Test
    void aConfigurationFileWithThreeFaultsReportsAllThree() throws IOException {
        Path file = dir.resolve("three.conf");
        Files.writeString(file, """
                soltrade.postgres.pool-size = 5.5
                soltrade.redis.cache-ttl = 1500
                soltrade.resilience.retry.max-attempts = 0
                """);

        Result result = run(refusingToStart(), "health", "--config", file.toString());

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err.lines()).containsExactly(
                "configuration error: soltrade.postgres.pool-size: '5.5' is not a whole number (set in " + file + ": 1)",
                "configuration error: soltrade.redis.cache-ttl: '1500' has no unit: write e.g. 1500ms or 1500s (set in " + file + ": 2)",
                "configuration error: soltrade.resilience.retry.max-attempts: is 0, must be between 1 and 20 (set in " + file + ": 3)");
    }

    @Test
    void aBogusLogLevelIsRefused() {
        Main main = new Main((config, meters) -> {
            throw new AssertionError("started");
        }, Map.of("SOLTRADE_LOG_LEVEL", "bogus"));

        Result result = run(main, "health");

        assertThat(result.exitCode).isEqualTo(Main.CONFIGURATION_ERROR);
        assertThat(result.err).isEqualTo("configuration error: SOLTRADE_LOG_LEVEL: 'bogus' is not a log level; use one of TRACE, DEBUG, INFO, WARN, ERROR, OFF\n");
        assertThat(Main.logLevelProblem(Map.of("SOLTRADE_LOG_LEVEL", "warn"))).isEmpty();
    }

    @Test
    void helpSummariesAreWholeSentencesAndPointToNoFileAJarUserLacks() {
        String top = run(new Main(), "--help").out;
        for (String command : List.of("simulate", "health", "migrate", "serve", "bench")) {
            String line = top.lines().filter(l -> l.strip().startsWith(command + " ")).findFirst().orElseThrow().strip();
            assertThat(line).as("summary of %s in the command list", command).endsWith(".");
            String help = run(new Main(), command, "--help").out;
            assertThat(help).as(command).doesNotContain("README").contains("Exit codes:");
        }
        assertThat(top).doesNotContain("README").contains("Exit codes:", "130", "143");
    }

    /**
     * Paragraphs are wrapped by picocli, not broken by hand: a description given as pre-broken lines was re-wrapped at
     * 80 columns into ragged text ("--config FILE (HOCON keys" alone on a line). Lines that start with a space are
     * options and tables, laid out on purpose.
     */
    @Test
    void helpTextFitsEightyColumnsWithoutRaggedLines() {
        for (String command : List.of("", "simulate", "health", "migrate", "serve", "bench")) {
            String help = command.isEmpty() ? run(new Main(), "--help").out : run(new Main(), command, "--help").out;
            List<String> lines = help.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                assertThat(line.length()).as("%s help: %s", command, line).isLessThanOrEqualTo(80);
                boolean prose = !line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("Usage:");
                boolean paragraphGoesOn = i + 1 < lines.size() && !lines.get(i + 1).isBlank();
                if (prose && paragraphGoesOn) {
                    assertThat(line.length() >= 50 || line.endsWith(".") || line.endsWith(":"))
                            .as("%s help: a short line in the middle of a paragraph: '%s'", command, line).isTrue();
                }
            }
        }
    }

    @Test
    void benchTakesProfileAndConfigLikeTheOtherCommands() {
        String bench = run(new Main(), "bench", "--help").out;

        assertThat(bench).contains("--profile=NAME", "--config=FILE");
        assertThat(run(new Main(), "simulate", "--help").out).contains("--profile=NAME", "--config=FILE");
    }

    @Test
    void benchRefusesARoundCountItCannotRunBeforeTouchingAServer() {
        Result smoke = run(new Main(), "bench", "--out", "/tmp/never-written", "--smoke", "--rounds", "30");
        Result zero = run(new Main(), "bench", "--out", "/tmp/never-written", "--rounds", "0");

        assertThat(smoke.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(smoke.err).startsWith("--rounds sizes a full run; a smoke run has its own");
        assertThat(zero.exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(zero.err).startsWith("--rounds must be 1 to 100, got 0");
        assertThat(Path.of("/tmp/never-written")).doesNotExist();
    }

    @Test
    void anUnexpectedFailureIsOneLineWithoutAStackTrace() {
        Main main = new Main((config, meters) -> {
            throw new IllegalStateException("the disk is on fire", new java.io.IOException("EIO"));
        });

        Result result = run(main, "health");

        assertThat(result.exitCode).isEqualTo(Main.BACKEND_FAILURE);
        assertThat(result.err).isEqualTo("health failed: the disk is on fire (EIO)\n");
    }

    /** A refused PostgreSQL connection ends the start at once (not after retrying for the connect timeout) and says so. */
    @Test
    void aRefusedPostgresConnectionFailsFastNamingTheServer() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path file = dir.resolve("refused.conf");
        Files.writeString(file, "soltrade.adapters.config = postgres\nsoltrade.postgres.url = \"jdbc:postgresql://127.0.0.1:" + closedPort
                + "/test\"\nsoltrade.postgres.connect-timeout = 5s\n");

        long start = System.nanoTime();
        Result result = run(new Main(), "health", "--config", file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.exitCode).isEqualTo(Main.BACKEND_FAILURE);
        assertThat(result.out).containsPattern("postgres +DOWN .* jdbc:postgresql://127.0.0.1:" + closedPort + "/test \\(schema soltrade, user postgres\\)")
                .contains("refused");
        assertThat(millis).as("the start and the probe each give up on the first refusal, well within one 5 s connect timeout").isLessThan(5_000);
    }

    /**
     * A refused Redis ends the start at once (a PING when the pool is built), naming the server: simulate says so in
     * one line, health prints Redis DOWN with that reason.
     */
    @Test
    void aRefusedRedisEndsTheStartNamingTheServer() throws IOException {
        int closedPort = closedPort();
        Path file = dir.resolve("redis-refused.conf");
        Files.writeString(file, "soltrade.adapters.prices = redis\nsoltrade.redis.url = \"redis://127.0.0.1:" + closedPort
                + "\"\nsoltrade.redis.connect-timeout = 5s\n");
        String reason = "Redis at 127.0.0.1:" + closedPort + " does not answer: ping at start-up failed";

        long start = System.nanoTime();
        Result simulate = run(new Main(), "simulate", "--trades", "5", "--no-progress", "--config", file.toString());
        long simulateMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Result health = run(new Main(), "health", "--config", file.toString());
        long healthMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(simulate.exitCode).isEqualTo(Main.BACKEND_FAILURE);
        assertThat(simulate.err.lines()).hasSize(1).first().asString().startsWith("redis failed: " + reason);
        assertThat(simulate.out).doesNotContain("Paper-trading session");
        assertThat(health.exitCode).isEqualTo(Main.BACKEND_FAILURE);
        assertThat(health.out).containsPattern("redis +DOWN .*error: " + java.util.regex.Pattern.quote(reason));
        assertThat(simulateMillis).as("simulate: a refusal is known at once, well within the 5 s connect timeout").isLessThan(5_000);
        assertThat(healthMillis).as("health: the start and the probe each give up on the first refusal").isLessThan(5_000);
    }

    /** A refused QuestDB (its PG-wire endpoint) ends the start naming the server. */
    @Test
    void aRefusedQuestDbEndsTheStart() throws IOException {
        int closedPort = closedPort();
        Path file = dir.resolve("questdb-refused.conf");
        Files.writeString(file, "soltrade.adapters.trades = questdb\nsoltrade.questdb.pg-url = \"jdbc:postgresql://127.0.0.1:" + closedPort + "/qdb\"\n");

        Result result = run(new Main(), "simulate", "--trades", "5", "--no-progress", "--config", file.toString());

        assertThat(result.exitCode).isEqualTo(Main.BACKEND_FAILURE);
        assertThat(result.err.lines()).hasSize(1).first().asString().startsWith("questdb failed: ").contains("127.0.0.1:" + closedPort, "refused");
        assertThat(result.out).doesNotContain("Paper-trading session");
    }

    /** migrate and its connected dry run against a refused QuestDB: exit 1, one line naming the server, nothing claimed. */
    @Test
    void aRefusedQuestDbFailsMigrateAndItsDryRunInOneLine() throws IOException {
        int closedPort = closedPort();
        Path file = dir.resolve("questdb-refused-migrate.conf");
        Files.writeString(file, "soltrade.adapters.trades = questdb\nsoltrade.questdb.pg-url = \"jdbc:postgresql://127.0.0.1:" + closedPort + "/qdb\"\n");

        for (List<String> args : List.of(List.of("migrate"), List.of("migrate", "--dry-run"))) {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--config", file.toString()));
            Result result = run(new Main(), all.toArray(String[]::new));

            assertThat(result.exitCode).as(String.join(" ", args)).isEqualTo(Main.BACKEND_FAILURE);
            assertThat(result.err.lines()).as(String.join(" ", args)).hasSize(1).first().asString().startsWith("questdb failed: ")
                    .contains("127.0.0.1:" + closedPort, "refused");
            assertThat(result.out).as(String.join(" ", args)).doesNotContain("questdb:");
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Result run(Main main, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(main);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    record Result(int exitCode, String out, String err) {}
}
