package io.soltrade.data.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.scenario.Scenario;
import io.soltrade.data.bench.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSuiteTest {
    /** Servers that cannot answer: nothing listens on port 1. */
    private static final DataLayerConfig NOTHING_LISTENS = DataLayerConfig.from(ConfigFactory.parseString("""
            soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, config = memory,
                                prices = memory, pools = memory, streams = memory, feed = memory }
            soltrade.redis.url = "redis://127.0.0.1:1"
            soltrade.postgres.url = "jdbc:postgresql://127.0.0.1:1/test"
            soltrade.questdb.ilp = "http::addr=127.0.0.1:1;"
            soltrade.questdb.pg-url = "jdbc:postgresql://127.0.0.1:1/qdb"
            """));

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(stderr, true, StandardCharsets.UTF_8);

    @TempDir
    Path out;

    @Test
    void smokeRunWritesResultsReportAndCharts() throws Exception {
        boolean clean = BenchSuite.select(List.of("memory-adapter.batch-save")).run(NOTHING_LISTENS, out, BenchSizing.smokeRun(), log);

        assertThat(clean).isTrue();
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
        assertThat(report).contains("| " + "memory-adapter.batch-save" + " | throughput |", "cores", "JDK", "shared with other builds");
        assertThat(out.resolve("ratios.png")).isRegularFile();
        assertThat(out.resolve("throughput.png")).isRegularFile();
        assertThat(out.resolve("latency-" + "memory-adapter.batch-save" + ".png")).isRegularFile();
        assertThat(Files.readAllBytes(out.resolve("ratios.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("[1/1] " + "memory-adapter.batch-save", "100%");
    }

    @Test
    void scenariosWhoseServerDoesNotAnswerAreSkippedSayingWhy() throws Exception {
        BenchSuite suite = BenchSuite.select(List.of("redis.price-get", "redis.get-all-50", "questdb.batch-save", "postgres.batch-save-copy", "memory"));

        boolean clean = suite.run(NOTHING_LISTENS, out, BenchSizing.smokeRun(), log);

        assertThat(clean).isTrue();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results).hasSize(7); // the four named, and the three memory scenarios
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
    void anUnknownScenarioIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> BenchSuite.select(List.of("nosuch")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no scenario 'nosuch'")
                .hasMessageContaining("memory-adapter.batch-save");
    }

    @Test
    void noSelectorSelectsEveryScenarioInRunOrder() {
        assertThat(BenchSuite.select(List.of()).scenarioNames())
                .containsExactlyElementsOf(Scenarios.all().stream().map(Scenario::name).toList());
    }
}
