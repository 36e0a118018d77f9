package io.soltrade.data.bench;

import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.report.BenchCharts;
import io.soltrade.data.bench.report.BenchReport;
import io.soltrade.data.bench.report.MarkdownReport;
import io.soltrade.data.bench.report.ResultsJson;
import io.soltrade.data.bench.scenario.BenchTargets;
import io.soltrade.data.bench.scenario.Scenario;
import io.soltrade.data.bench.scenario.Scenarios;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The benchmark suite: each scenario measures the data layer next to the raw client doing the same work (Jedis,
 * the QuestDB ILP {@code Sender}, pgjdbc's {@code CopyManager} and a plain HikariCP pool) in alternating rounds,
 * on the servers a data-layer configuration names, whatever adapter each port is set to. A run writes
 * {@code results.json}, {@code report.md} and PNG charts; a scenario whose server does not answer is reported as
 * skipped, one that throws as failed, and the run goes on.
 *
 * <pre>{@code
 * BenchSuite suite = BenchSuite.select(List.of("redis", "questdb.batch-save"));
 * boolean clean = suite.run(config, Path.of("docs/bench"), BenchSizing.full(), System.err);
 * }</pre>
 */
public final class BenchSuite {
    private final List<Scenario> scenarios;

    private BenchSuite(List<Scenario> scenarios) {
        this.scenarios = scenarios;
    }

    /**
     * The scenarios {@code selectors} name, in run order: a selector is a scenario's name ({@code redis.price-get})
     * or its backend ({@code redis}); none selects every scenario.
     *
     * @throws IllegalArgumentException for a selector that names no scenario, listing the known ones
     */
    public static BenchSuite select(List<String> selectors) {
        return new BenchSuite(Scenarios.select(Scenarios.all(), selectors));
    }

    /** The selected scenarios' names, in run order. */
    public List<String> scenarioNames() {
        return scenarios.stream().map(Scenario::name).toList();
    }

    /**
     * Runs the selected scenarios against the servers {@code servers} names and writes the results, report and
     * charts to {@code out} (created if missing); progress goes to {@code log}. {@code sizing} is the run's size: a
     * full run ({@link BenchSizing#full()}, or {@link BenchSizing#full(int)} for more measured rounds), or a smoke run
     * ({@link BenchSizing#smokeRun()}: seconds, proving every scenario runs; its figures mean nothing).
     *
     * @return whether every scenario ran without failing (skipped ones count as run)
     */
    public boolean run(DataLayerConfig servers, Path out, BenchSizing sizing, PrintStream log) throws IOException {
        Objects.requireNonNull(servers, "servers is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(log, "log is null");
        BenchTargets targets = BenchTargets.from(servers);
        Files.createDirectories(out);
        String runId = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
        Objects.requireNonNull(sizing, "sizing is null");
        log.println("bench: " + scenarios.size() + " scenario(s), " + (sizing.smoke() ? "smoke run " : "full run (" + sizing.measuredRounds() + " measured rounds) ")
                + runId + " against " + targets);
        BenchReport report = new BenchRun(sizing, servers, runId, log).run(scenarios);
        ResultsJson.write(out, report.results());
        List<String> charts = BenchCharts.write(out, report.results(), report.latencyProfiles());
        MarkdownReport.write(out, report, charts);
        log.println("bench: wrote " + out.resolve(ResultsJson.FILE) + ", " + out.resolve(MarkdownReport.FILE) + " and " + charts.size() + " chart(s)");
        return !report.anyFailed();
    }
}
