package io.soltrade.data.bench.measure;

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
