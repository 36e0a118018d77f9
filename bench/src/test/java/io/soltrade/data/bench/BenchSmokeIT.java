package io.soltrade.data.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.scenario.Scenario;
import io.soltrade.data.bench.scenario.Scenarios;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of every scenario: on a QuestDB this test starts (or the one the {@code SOLTRADE_QUESTDB_*} variables
 * name), given as a file over the {@code local} profile, and on the Redis and PostgreSQL the {@code local} profile and
 * the {@code SOLTRADE_*} variables name. Every scenario must run: one skipped because its server does not answer fails
 * this test, naming the scenario and the address (CI has the servers; a skip would hide a scenario that rotted).
 * Checks the shape of results.json, never a figure: the machine is shared.
 */
class BenchSmokeIT {

    @TempDir
    Path out;

    @Test
    void smokeRunMeasuresEveryScenario() throws Exception {
        QuestDbServer questDb = QuestDbServer.shared();
        Path profile = out.resolve("questdb.conf");
        Files.writeString(profile, "soltrade.questdb { ilp = \"" + questDb.ilpConfig() + "\", pg-url = \"" + questDb.pgUrl()
                + "\", pg-user = \"" + questDb.pgUser() + "\", pg-password = \"" + questDb.pgPassword() + "\" }\n");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(stderr, true, StandardCharsets.UTF_8);

        boolean clean = BenchSuite.select(List.of()).run(DataLayerConfig.load("local", Optional.of(profile)), out.resolve("run"), BenchSizing.smokeRun(), log);

        assertThat(clean).as(stderr.toString(StandardCharsets.UTF_8)).isTrue();
        JsonNode results = new ObjectMapper().readTree(out.resolve("run/results.json").toFile());
        List<String> skipped = new ArrayList<>();
        results.forEach(row -> {
            if (row.get("status").asText().equals("skipped")) {
                skipped.add(row.get("scenario").asText() + ": " + row.get("note").asText());
            }
        });
        assertThat(skipped).as("every scenario must run in this test, but these were skipped (start the servers, or name "
                + "them with SOLTRADE_REDIS_URL, SOLTRADE_PG_URL, SOLTRADE_PG_USER, SOLTRADE_PG_PASSWORD):%n  %s",
                String.join("%n  ".formatted(), skipped)).isEmpty();
        List<String> failures = new ArrayList<>();
        for (JsonNode row : results) {
            assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("measured");
            assertThat(row.get("scenario").asText()).isNotBlank();
            // Every row has a ratio goal (0.95, or the row's own, e.g. 2.00 for group commit), except those where doing less
            // than the raw client is the point (Goal.atMost).
            assertThat(row.get("goal").asText()).matches("ratio >= \\d+\\.\\d\\d.*|ours <= .* \\(no ratio goal\\)");
            for (String figure : List.of("ours", "raw", "ratio")) {
                double value = row.get(figure).asDouble();
                if (!(value > 0 && Double.isFinite(value))) {
                    failures.add(row.get("scenario").asText() + " " + row.get("metric").asText() + " " + figure + " = " + value);
                }
            }
            assertThat(row.get("unit").asText()).isNotBlank();
            assertThat(row.get("goalMet").isBoolean()).isTrue();
        }
        assertThat(failures).isEmpty();
        Set<String> measured = new HashSet<>();
        results.forEach(row -> measured.add(row.get("scenario").asText()));
        assertThat(measured).containsAll(Scenarios.all().stream().map(Scenario::name).collect(Collectors.toSet()));
        assertThat(out.resolve("run/report.md")).isRegularFile();
        assertThat(out.resolve("run").resolve("ratios.png")).isRegularFile();
        assertThat(out.resolve("run").resolve("throughput.png")).isRegularFile();
    }
}
