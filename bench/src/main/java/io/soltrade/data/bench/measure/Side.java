package io.soltrade.data.bench.measure;

/**
 * One side of a comparison: our port, or the raw client doing the same work. {@link #prepare} runs before each
 * round, outside the timing (fresh rows, a refreshed cache entry); {@link #round} does the timed work and
 * records each operation.
 */
@FunctionalInterface
public interface Side {

    default void prepare() throws Exception {
    }

    void round(RoundRecorder recorder) throws Exception;
}
