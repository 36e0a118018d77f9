package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.BenchResult;
import io.soltrade.data.bench.measure.LatencyProfile;
import java.util.List;

/** What a scenario produced: its result rows and the latency profiles to chart. */
public record ScenarioOutcome(List<BenchResult> results, List<LatencyProfile> latencyProfiles) {

    public ScenarioOutcome {
        results = List.copyOf(results);
        latencyProfiles = List.copyOf(latencyProfiles);
    }

    public static ScenarioOutcome skipped(String scenario, String why) {
        return new ScenarioOutcome(List.of(BenchResult.skipped(scenario, why)), List.of());
    }
}
