package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Path;
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
    void migrateDryRunPrintsTheSqlOfEveryServerBackendWithoutConnecting() {
        Result result = run(new Main(), "migrate", "--dry-run", "--profile", "local");

        assertThat(result.exitCode).isZero();
        assertThat(result.out)
                .contains("-- postgres: schema ", "--changeset soltrade:001-tokens", "CREATE TABLE tokens")
                .contains("-- questdb: jdbc:postgresql://", "CREATE TABLE IF NOT EXISTS trades")
                .contains("redis: no schema");
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
