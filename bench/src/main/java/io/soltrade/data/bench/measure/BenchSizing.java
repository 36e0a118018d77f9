package io.soltrade.data.bench.measure;

/**
 * How long and how large a run is. The full run measures; the smoke run (seconds, tiny sizes) only proves
 * that every scenario still runs end to end, so CI notices when one rots. Smoke figures mean nothing.
 *
 * @param smoke          whether this is the smoke run
 * @param warmupRounds   rounds per side run first and thrown away (JIT, connection pools, server caches)
 * @param measuredRounds rounds per side that count; the sides alternate, ours first
 */
public record BenchSizing(boolean smoke, int warmupRounds, int measuredRounds) {
    /** Measured rounds per side of a full run unless {@code bench --rounds} asks for more. */
    public static final int DEFAULT_MEASURED_ROUNDS = 10;

    public BenchSizing {
        if (warmupRounds < 0 || measuredRounds < 1) {
            throw new IllegalArgumentException("need at least one measured round and no negative warm-up, got "
                    + warmupRounds + " warm-up and " + measuredRounds + " measured");
        }
    }

    public static BenchSizing full() {
        return full(DEFAULT_MEASURED_ROUNDS);
    }

    /**
     * A full run with {@code measuredRounds} per side: more rounds average more of a shared machine's scheduling
     * noise into each ratio (the sides alternate round by round), at the cost of a longer run.
     */
    public static BenchSizing full(int measuredRounds) {
        return new BenchSizing(false, 3, measuredRounds);
    }

    public static BenchSizing smokeRun() {
        return new BenchSizing(true, 1, 2);
    }

    /**
     * A scenario's own measured round count ({@code full} in a default full run, {@code smoke} in a smoke run),
     * scaled like the default when the run asks for more or fewer rounds (at least one).
     */
    public int rounds(int full, int smoke) {
        return this.smoke ? smoke : Math.max(1, (int) Math.round((double) full * measuredRounds / DEFAULT_MEASURED_ROUNDS));
    }

    /** {@code full} in a full run, {@code smoke} in a smoke run. */
    public int size(int full, int smoke) {
        return this.smoke ? smoke : full;
    }
}
