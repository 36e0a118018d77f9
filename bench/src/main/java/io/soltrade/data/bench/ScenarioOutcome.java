package io.soltrade.data.bench;

import java.util.List;

/** What a scenario produced: its result rows and the latency profiles to chart. */
record ScenarioOutcome(List<BenchResult> results, List<LatencyProfile> latencyProfiles) {

    ScenarioOutcome {
        results = List.copyOf(results);
        latencyProfiles = List.copyOf(latencyProfiles);
    }

    static ScenarioOutcome skipped(String scenario, String why) {
        return new ScenarioOutcome(List.of(BenchResult.skipped(scenario, why)), List.of());
    }
}
