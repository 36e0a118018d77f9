package io.soltrade.data.bench.report;

import io.soltrade.data.bench.measure.BenchResult;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.measure.LatencyProfile;
import io.soltrade.data.bench.measure.MachineInfo;
import io.soltrade.data.bench.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run produced, before it is written out: with the machine as it was at the start, the load average at
 * the end and how long the scenarios took (a shared machine's load moves during a run).
 */
public record BenchReport(BenchSizing sizing, MachineInfo machine, List<Scenario> scenarios, List<BenchResult> results,
                   List<LatencyProfile> latencyProfiles, double loadAverageAtEnd, Duration elapsed) {

    public BenchReport {
        scenarios = List.copyOf(scenarios);
        results = List.copyOf(results);
        latencyProfiles = List.copyOf(latencyProfiles);
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(result -> BenchResult.FAILED.equals(result.status()));
    }
}
