package io.soltrade.data.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.typesafe.config.ConfigFactory;
import io.soltrade.data.app.DataLayerConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @TempDir
    Path out;

    @Test
    void smokeRunWritesResultsReportAndCharts() throws Exception {
        int exit = bench(DataLayerConfig::load, "--out", out.toString(), "--smoke", "--scenario", MemoryAdapterBatchSaveScenario.NAME);

        assertThat(exit).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.isArray()).isTrue();
        assertThat(results).isNotEmpty();
        for (JsonNode row : results) {
            assertThat(row.fieldNames()).toIterable().contains("scenario", "metric", "unit", "ours", "raw", "ratio", "goal", "status", "note");
            assertThat(row.get("status").asText()).isEqualTo("measured");
            assertThat(row.get("ratio").isNumber()).isTrue();
            assertThat(row.get("ratio").asDouble()).isPositive().isFinite();
            assertThat(row.get("ours").asDouble()).isPositive().isFinite();
            assertThat(row.get("raw").asDouble()).isPositive().isFinite();
        }
        assertThat(results).anySatisfy(row -> assertThat(row.get("metric").asText()).isEqualTo("throughput"));
        String report = Files.readString(out.resolve("report.md"));
        assertThat(report).contains("| " + MemoryAdapterBatchSaveScenario.NAME + " | throughput |", "cores", "JDK", "shared with other builds");
        assertThat(out.resolve(BenchCharts.RATIOS)).isRegularFile();
        assertThat(out.resolve(BenchCharts.THROUGHPUT)).isRegularFile();
        assertThat(out.resolve("latency-" + MemoryAdapterBatchSaveScenario.NAME + ".png")).isRegularFile();
        assertThat(Files.readAllBytes(out.resolve(BenchCharts.RATIOS))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("[1/1] " + MemoryAdapterBatchSaveScenario.NAME, "100%");
    }

    @Test
    void scenariosWhoseServerDoesNotAnswerAreSkippedSayingWhy() throws Exception {
        String nothingListens = """
                soltrade.redis.url = "redis://127.0.0.1:1"
                soltrade.postgres.url = "jdbc:postgresql://127.0.0.1:1/test"
                soltrade.questdb.ilp = "http::addr=127.0.0.1:1;"
                soltrade.questdb.pg-url = "jdbc:postgresql://127.0.0.1:1/qdb"
                """;

        int exit = bench(configuredBy(nothingListens), "--out", out.toString(), "--smoke",
                "--scenario", "redis.price-get", "redis.get-all-50", "questdb.batch-save", "postgres.batch-save-copy", "memory");

        assertThat(exit).isZero();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results).hasSize(6);
        for (JsonNode row : results) {
            assertThat(row.get("status").asText()).isEqualTo("skipped");
            assertThat(row.get("ratio").isNull()).isTrue();
        }
        assertThat(results.get(0).get("note").asText()).startsWith("skipped: Redis does not answer at 127.0.0.1:1");
        assertThat(results.get(1).get("note").asText()).startsWith("skipped: Redis does not answer at 127.0.0.1:1");
        assertThat(results.get(2).get("note").asText()).startsWith("skipped: QuestDB ILP/HTTP does not answer at 127.0.0.1:1");
        assertThat(results.get(3).get("note").asText()).startsWith("skipped: PostgreSQL does not answer at 127.0.0.1:1");
        assertThat(Files.readString(out.resolve("report.md"))).contains("## Not measured", "redis.price-get: skipped: Redis does not answer");
    }

    @Test
    void unknownScenarioIsAUsageErrorListingTheKnownOnes() {
        int exit = bench(DataLayerConfig::load, "--out", out.toString(), "--smoke", "--scenario", "nosuch");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("no scenario 'nosuch'", MemoryAdapterBatchSaveScenario.NAME);
        assertThat(out.resolve("results.json")).doesNotExist();
    }

    @Test
    void aProfileFileIsReadOverTheLocalProfile() throws Exception {
        Path profile = out.resolve("servers.conf");
        Files.writeString(profile, "soltrade.redis.url = \"redis://127.0.0.1:1\"\n");
        List<String> asked = new ArrayList<>();
        BenchCommand.Configurations fromFile = (name, file) -> {
            asked.add(name + " " + file.orElseThrow().getFileName());
            return DataLayerConfig.from(ConfigFactory.parseFile(file.orElseThrow().toFile()));
        };

        int exit = bench(fromFile, "--out", out.resolve("run").toString(), "--smoke", "--profile", profile.toString(), "--scenario", "redis.price-get");

        assertThat(exit).isZero();
        assertThat(asked).containsExactly("local servers.conf");
        JsonNode row = new ObjectMapper().readTree(out.resolve("run/results.json").toFile()).get(0);
        assertThat(row.get("note").asText()).startsWith("skipped: Redis does not answer at 127.0.0.1:1");
    }

    @Test
    void aProfileThatIsNeitherLocalNorAFileIsAUsageError() {
        assertThat(bench(DataLayerConfig::load, "--out", out.toString(), "--profile", "staging")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("profile 'staging' is neither 'local' nor a readable file");
    }

    @Test
    void outIsRequired() {
        assertThat(bench(DataLayerConfig::load, "--smoke")).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    /** A configuration from {@code hocon} over the defaults, whatever the environment says. */
    private static BenchCommand.Configurations configuredBy(String hocon) {
        return (profile, file) -> DataLayerConfig.from(ConfigFactory.parseString(hocon));
    }

    private int bench(BenchCommand.Configurations configurations, String... args) {
        PrintStream log = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        CommandLine command = new CommandLine(new BenchCommand(configurations, log));
        command.setErr(new java.io.PrintWriter(log, true));
        return command.execute(args);
    }
}
