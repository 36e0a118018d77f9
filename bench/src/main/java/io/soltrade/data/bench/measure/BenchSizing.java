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

    public BenchSizing {
        if (warmupRounds < 0 || measuredRounds < 1) {
            throw new IllegalArgumentException("need at least one measured round and no negative warm-up, got "
                    + warmupRounds + " warm-up and " + measuredRounds + " measured");
        }
    }

    public static BenchSizing full() {
        return new BenchSizing(false, 3, 10);
    }

    public static BenchSizing smokeRun() {
        return new BenchSizing(true, 1, 2);
    }

    /** {@code full} in a full run, {@code smoke} in a smoke run. */
    public int size(int full, int smoke) {
        return this.smoke ? smoke : full;
    }
}
