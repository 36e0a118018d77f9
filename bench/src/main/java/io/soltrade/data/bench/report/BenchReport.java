package io.soltrade.data.bench.report;

import io.soltrade.data.bench.measure.BenchResult;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.measure.LatencyProfile;
import io.soltrade.data.bench.measure.MachineInfo;
import io.soltrade.data.bench.scenario.Scenario;
import java.util.List;

/** Everything a run produced, before it is written out. */
public record BenchReport(BenchSizing sizing, MachineInfo machine, List<Scenario> scenarios, List<BenchResult> results,
                   List<LatencyProfile> latencyProfiles) {

    public BenchReport {
        scenarios = List.copyOf(scenarios);
        results = List.copyOf(results);
        latencyProfiles = List.copyOf(latencyProfiles);
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(result -> BenchResult.FAILED.equals(result.status()));
    }
}
