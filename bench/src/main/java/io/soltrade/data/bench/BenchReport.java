package io.soltrade.data.bench;

import java.util.List;

/** Everything a run produced, before it is written out. */
record BenchReport(BenchSizing sizing, MachineInfo machine, List<Scenario> scenarios, List<BenchResult> results,
                   List<LatencyProfile> latencyProfiles) {

    BenchReport {
        scenarios = List.copyOf(scenarios);
        results = List.copyOf(results);
        latencyProfiles = List.copyOf(latencyProfiles);
    }

    boolean anyFailed() {
        return results.stream().anyMatch(result -> BenchResult.FAILED.equals(result.status()));
    }
}
