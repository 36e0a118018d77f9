package io.soltrade.data.bench;

/**
 * One side of a comparison: our port, or the raw client doing the same work. {@link #prepare} runs before each
 * round, outside the timing (fresh rows, a refreshed cache entry); {@link #round} does the timed work and
 * records each operation.
 */
@FunctionalInterface
interface Side {

    default void prepare() throws Exception {
    }

    void round(RoundRecorder recorder) throws Exception;
}
