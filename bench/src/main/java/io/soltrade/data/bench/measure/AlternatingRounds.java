package io.soltrade.data.bench.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs our side and the raw side of a comparison in alternating rounds: warm-up rounds first (ours, raw, ...,
 * thrown away), then measured rounds (ours, raw, ours, raw, ...). Alternating in one run puts both sides under
 * the same machine load, which on a shared machine matters more than any single figure: a burst from another
 * process lands on both sides, not on one.
 */
public final class AlternatingRounds {
    private final BenchSizing sizing;
    private final ProgressBar progress;

    public AlternatingRounds(BenchSizing sizing, ProgressBar progress) {
        this.sizing = sizing;
        this.progress = progress;
    }

    public Comparison run(Side ours, Side raw) throws Exception {
        return run(ours, raw, sizing.warmupRounds(), sizing.measuredRounds());
    }

    /** Like {@link #run(Side, Side)} with a round count of the scenario's own (a slow scenario needs fewer). */
    public Comparison run(Side ours, Side raw, int warmupRounds, int measuredRounds) throws Exception {
        progress.addSteps(2 * (warmupRounds + measuredRounds));
        for (int round = 1; round <= warmupRounds; round++) {
            runRound(ours, null, "warm-up " + round + "/" + warmupRounds + " ours");
            runRound(raw, null, "warm-up " + round + "/" + warmupRounds + " raw");
        }
        SideMeasurement oursMeasured = new SideMeasurement();
        SideMeasurement rawMeasured = new SideMeasurement();
        for (int round = 1; round <= measuredRounds; round++) {
            runRound(ours, oursMeasured, "round " + round + "/" + measuredRounds + " ours");
            runRound(raw, rawMeasured, "round " + round + "/" + measuredRounds + " raw");
        }
        return new Comparison(oursMeasured, rawMeasured);
    }

    /**
     * Several sides against one baseline, in rounds that take every side in turn (baseline first, then {@code others}
     * in order): warm-up rounds, then measured rounds. One comparison per side of {@code others}, in order, each with
     * that side as ours and the baseline as raw (the baseline's measurement is shared). For rows that compare sizes of
     * the same work (a full buffer, and bursts of 10x and 20x it), so every size meets the same machine load.
     */
    public List<Comparison> runAgainst(Side baseline, List<Side> others, int warmupRounds, int measuredRounds)
            throws Exception {
        List<Side> sides = new ArrayList<>();
        sides.add(baseline);
        sides.addAll(others);
        progress.addSteps(sides.size() * (warmupRounds + measuredRounds));
        for (int round = 1; round <= warmupRounds; round++) {
            for (int side = 0; side < sides.size(); side++) {
                runRound(sides.get(side), null, "warm-up " + round + "/" + warmupRounds + " side " + (side + 1) + "/" + sides.size());
            }
        }
        List<SideMeasurement> measured = new ArrayList<>();
        sides.forEach(side -> measured.add(new SideMeasurement()));
        for (int round = 1; round <= measuredRounds; round++) {
            for (int side = 0; side < sides.size(); side++) {
                runRound(sides.get(side), measured.get(side), "round " + round + "/" + measuredRounds + " side " + (side + 1) + "/" + sides.size());
            }
        }
        return measured.subList(1, measured.size()).stream().map(ours -> new Comparison(ours, measured.get(0))).toList();
    }

    private void runRound(Side side, SideMeasurement into, String phase) throws Exception {
        side.prepare();
        RoundRecorder recorder = new RoundRecorder();
        long start = System.nanoTime();
        side.round(recorder);
        long elapsed = System.nanoTime() - start;
        if (into != null) {
            into.add(recorder, elapsed);
        }
        progress.advance(phase);
    }
}
