package io.soltrade.data.bench;

import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.measure.BenchResult;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.measure.LatencyProfile;
import io.soltrade.data.bench.measure.MachineInfo;
import io.soltrade.data.bench.measure.ProgressBar;
import io.soltrade.data.bench.report.BenchReport;
import io.soltrade.data.bench.scenario.Scenario;
import io.soltrade.data.bench.scenario.ScenarioContext;
import io.soltrade.data.bench.scenario.ScenarioOutcome;
import io.soltrade.data.bench.scenario.ScenarioSkipped;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the selected scenarios one after another, each behind its line of the progress bar, and collects their
 * rows. A scenario whose server does not answer becomes a {@code skipped} row; one that throws becomes a
 * {@code failed} row and the run goes on. Backends are closed (and the run's keys and schema removed) at the end.
 */
final class BenchRun {
    private final BenchSizing sizing;
    private final DataLayerConfig servers;
    private final String runId;
    private final PrintStream log;

    BenchRun(BenchSizing sizing, DataLayerConfig servers, String runId, PrintStream log) {
        this.sizing = sizing;
        this.servers = servers;
        this.runId = runId;
        this.log = log;
    }

    BenchReport run(List<Scenario> scenarios) {
        MachineInfo machine = MachineInfo.current();
        long start = System.nanoTime();
        ProgressBar progress = new ProgressBar(log);
        List<BenchResult> results = new ArrayList<>();
        List<LatencyProfile> profiles = new ArrayList<>();
        try (ScenarioContext context = new ScenarioContext(sizing, progress, servers, runId, log)) {
            int index = 0;
            for (Scenario scenario : scenarios) {
                index++;
                progress.start(String.format(Locale.ROOT, "[%d/%d] %s", index, scenarios.size(), scenario.name()));
                ScenarioOutcome outcome = runOne(scenario, context);
                results.addAll(outcome.results());
                profiles.addAll(outcome.latencyProfiles());
                progress.finish(summary(outcome.results()));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        double loadAtEnd = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log.println(String.format(Locale.ROOT, "bench: %d scenario(s) in %d s on %d cores, load average %.2f at start, %.2f at end",
                scenarios.size(), elapsed.toSeconds(), machine.cores(), machine.loadAverage(), loadAtEnd));
        return new BenchReport(sizing, machine, scenarios, results, profiles, loadAtEnd, elapsed);
    }

    private static ScenarioOutcome runOne(Scenario scenario, ScenarioContext context) {
        try {
            return scenario.run(context);
        } catch (ScenarioSkipped e) {
            return ScenarioOutcome.skipped(scenario.name(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ScenarioOutcome(List.of(BenchResult.failed(scenario.name(), "interrupted")), List.of());
        } catch (Exception | LinkageError e) {
            return new ScenarioOutcome(List.of(BenchResult.failed(scenario.name(), describe(e))), List.of());
        }
    }

    private static String summary(List<BenchResult> rows) {
        if (rows.size() == 1 && !rows.get(0).isMeasured()) {
            return rows.get(0).note();
        }
        long met = rows.stream().filter(row -> Boolean.TRUE.equals(row.goalMet())).count();
        double worst = rows.stream().filter(BenchResult::isMeasured).mapToDouble(BenchResult::ratio).min().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%d/%d goals met, lowest ratio %.2f", met, rows.size(), worst);
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("; caused by ").append(cause);
        }
        return text.toString();
    }
}
