package io.soltrade.data.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.scenario.Scenario;
import io.soltrade.data.bench.scenario.Scenarios;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of every scenario, on what is available: a QuestDB this test starts (or the one the
 * {@code SOLTRADE_QUESTDB_*} variables name), given as a file over the {@code local} profile, and Redis and PostgreSQL
 * where the {@code local} profile and the {@code SOLTRADE_*} variables say. Checks the shape of results.json, never a figure: the machine is shared.
 */
class BenchSmokeIT {

    @TempDir
    Path out;

    @Test
    void smokeRunMeasuresEveryScenarioItsServersAllow() throws Exception {
        QuestDbServer questDb = QuestDbServer.shared();
        Path profile = out.resolve("questdb.conf");
        Files.writeString(profile, "soltrade.questdb { ilp = \"" + questDb.ilpConfig() + "\", pg-url = \"" + questDb.pgUrl()
                + "\", pg-user = \"" + questDb.pgUser() + "\", pg-password = \"" + questDb.pgPassword() + "\" }\n");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(stderr, true, StandardCharsets.UTF_8);

        boolean clean = BenchSuite.select(List.of()).run(DataLayerConfig.load("local", Optional.of(profile)), out.resolve("run"), true, log);

        assertThat(clean).as(stderr.toString(StandardCharsets.UTF_8)).isTrue();
        JsonNode results = new ObjectMapper().readTree(out.resolve("run/results.json").toFile());
        List<String> failures = new ArrayList<>();
        for (JsonNode row : results) {
            String status = row.get("status").asText();
            assertThat(status).isIn("measured", "skipped");
            assertThat(row.get("scenario").asText()).isNotBlank();
            assertThat(row.get("goal").asText()).startsWith("ratio >= 0.85");
            if (status.equals("measured")) {
                for (String figure : List.of("ours", "raw", "ratio")) {
                    double value = row.get(figure).asDouble();
                    if (!(value > 0 && Double.isFinite(value))) {
                        failures.add(row.get("scenario").asText() + " " + row.get("metric").asText() + " " + figure + " = " + value);
                    }
                }
                assertThat(row.get("unit").asText()).isNotBlank();
                assertThat(row.get("goalMet").isBoolean()).isTrue();
            } else {
                assertThat(row.get("note").asText()).startsWith("skipped: ").contains("does not answer");
            }
        }
        assertThat(failures).isEmpty();
        Set<String> reported = new java.util.HashSet<>();
        results.forEach(row -> reported.add(row.get("scenario").asText()));
        assertThat(reported).containsAll(Scenarios.all().stream().map(Scenario::name).collect(Collectors.toSet()));
        Set<String> measured = new java.util.HashSet<>();
        results.forEach(row -> {
            if (row.get("status").asText().equals("measured")) {
                measured.add(row.get("scenario").asText());
            }
        });
        assertThat(measured).contains("memory-adapter.batch-save", "questdb.batch-save", "questdb.concurrent-save",
                "questdb.visible-after-write", "memory.buffered-trade-heap", "memory.allocation-per-saved-trade");
        assertThat(out.resolve("run/report.md")).isRegularFile();
        assertThat(out.resolve("run").resolve("ratios.png")).isRegularFile();
        assertThat(out.resolve("run").resolve("throughput.png")).isRegularFile();
    }
}
