package io.soltrade.data.bench.report;

import io.soltrade.data.bench.measure.BenchResult;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.measure.MachineInfo;
import io.soltrade.data.bench.scenario.Scenario;
import io.soltrade.data.bench.scenario.Scenarios;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code report.md}: how the run was made, the machine, the table, why goals were missed, the charts. */
public final class MarkdownReport {
    public static final String FILE = "report.md";

    private MarkdownReport() {
    }

    public static Path write(Path directory, BenchReport report, List<String> charts) throws IOException {
        Path file = directory.resolve(FILE);
        Files.writeString(file, render(report, charts), StandardCharsets.UTF_8);
        return file;
    }

    static String render(BenchReport report, List<String> charts) {
        StringBuilder md = new StringBuilder();
        MachineInfo machine = report.machine();
        BenchSizing sizing = report.sizing();
        md.append("# soltrade-data bench, ").append(machine.date()).append("\n\n");
        md.append(sizing.smoke() ? "**Smoke run** (seconds, tiny sizes): it proves the scenarios run; its figures mean nothing.\n\n" : "");
        md.append(String.format(Locale.ROOT, "Each scenario runs our port and the raw client doing the same work in the same run: "
                + "%d warm-up rounds per side, then %d measured rounds per side, alternating ours, raw, ours, raw. "
                + "Latencies are per operation (HdrHistogram); throughput is items over the time spent inside measured rounds. "
                + "`ratio` is oriented so that higher is better (ours/raw for throughput, raw/ours for latency, time and bytes): "
                + "1.00 means as good as the raw client.%n%n", sizing.warmupRounds(), sizing.measuredRounds()));
        md.append("| machine | |\n|---|---|\n");
        md.append("| CPU | ").append(machine.cpu()).append(" |\n");
        md.append("| cores | ").append(machine.cores()).append(" |\n");
        md.append("| RAM | ").append(machine.ram()).append(" (JVM max heap ").append(machine.maxHeap()).append(") |\n");
        md.append("| JDK | ").append(machine.jdk()).append(" |\n");
        md.append("| OS | ").append(machine.os()).append(" |\n");
        md.append(String.format(Locale.ROOT, "| load average at start | %.2f |%n", machine.loadAverage()));
        md.append(String.format(Locale.ROOT, "| load average at end | %.2f |%n", report.loadAverageAtEnd()));
        md.append(String.format(Locale.ROOT, "| duration | %d s |%n", report.elapsed().toSeconds()));
        md.append("| date | ").append(machine.date()).append(" |\n\n");
        md.append("> The machine is shared with other builds and the servers run on the same machine as the bench, so absolute "
                + "figures move from run to run; the ratios, taken from alternating rounds of one run, are the figures to compare.\n\n");

        md.append("## Results\n\n| scenario | metric | ours | raw | unit | ratio | goal | met |\n|---|---|---:|---:|---|---:|---|---|\n");
        for (BenchResult row : report.results()) {
            if (!row.isMeasured()) {
                continue;
            }
            md.append("| ").append(row.scenario()).append(" | ").append(row.metric()).append(" | ").append(BenchResult.figure(row.ours()))
                    .append(" | ").append(BenchResult.figure(row.raw())).append(" | ").append(row.unit())
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", row.ratio())).append(" | ").append(row.goal())
                    .append(" | ").append(Boolean.TRUE.equals(row.goalMet()) ? "yes" : "**no**").append(" |\n");
        }
        List<BenchResult> missed = report.results().stream().filter(row -> row.isMeasured() && !Boolean.TRUE.equals(row.goalMet())).toList();
        if (!missed.isEmpty()) {
            md.append("\n## Why goals were missed\n\n");
            for (BenchResult row : missed) {
                md.append("- **").append(row.scenario()).append(", ").append(row.metric()).append("** (ratio ")
                        .append(String.format(Locale.ROOT, "%.2f", row.ratio())).append("): ").append(row.note()).append("\n");
            }
        }
        List<BenchResult> notRun = report.results().stream().filter(row -> !row.isMeasured()).toList();
        if (!notRun.isEmpty()) {
            md.append("\n## Not measured\n\n");
            for (BenchResult row : notRun) {
                md.append("- ").append(row.scenario()).append(": ").append(row.note()).append("\n");
            }
        }
        if (!charts.isEmpty()) {
            md.append("\n## Charts\n\n");
            for (String chart : charts) {
                md.append("![").append(chart).append("](").append(chart).append(")\n\n");
            }
        }
        md.append("\n## Scenarios\n\n| scenario | compares |\n|---|---|\n");
        for (Scenario scenario : report.scenarios()) {
            md.append("| ").append(scenario.name()).append(" | ").append(scenario.measures()).append(" |\n");
        }
        return md.toString();
    }
}
