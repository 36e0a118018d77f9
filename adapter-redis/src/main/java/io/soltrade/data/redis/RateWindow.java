package io.soltrade.data.redis;

/**
 * At most {@code limit} events in any window of {@code windowNanos}: a sliding window over the times of the last
 * {@code limit} events. A rate of 10 Hz is 10 events in any second, however the events are spread, so a tick that
 * ran late can never be followed by a burst that breaks the rate. Not thread-safe: one scheduler thread owns it.
 */
final class RateWindow {
    private final long windowNanos;
    private final long[] times;
    private int oldest;
    private int recorded;

    RateWindow(int limit, long windowNanos) {
        if (limit < 1 || windowNanos < 1) {
            throw new IllegalArgumentException("limit and window must be positive: " + limit + ", " + windowNanos);
        }
        this.windowNanos = windowNanos;
        this.times = new long[limit];
    }

    /** The window for a rate: {@code max(1, floor(hz))} events per {@code limit / hz} seconds (10 per second at 10 Hz). */
    static RateWindow forRate(double hz) {
        int limit = (int) Math.max(1, Math.floor(hz));
        return new RateWindow(limit, Math.round(limit / hz * 1_000_000_000.0));
    }

    /** Nanoseconds from {@code nowNanos} until one more event fits; 0 when it fits now. */
    long waitNanos(long nowNanos) {
        if (recorded < times.length) {
            return 0;
        }
        return Math.max(0, times[oldest] + windowNanos - nowNanos);
    }

    /** Whether no event was recorded within the window before {@code nowNanos}. */
    boolean isQuiet(long nowNanos) {
        if (recorded == 0) {
            return true;
        }
        long newest = times[(oldest + recorded - 1) % times.length];
        return nowNanos - newest >= windowNanos;
    }

    long windowNanos() {
        return windowNanos;
    }

    /** Records an event at {@code nowNanos}; call only when {@link #waitNanos} is 0. */
    void record(long nowNanos) {
        if (waitNanos(nowNanos) > 0) {
            throw new IllegalStateException("the window is full for another " + waitNanos(nowNanos) + " ns");
        }
        if (recorded < times.length) {
            times[(oldest + recorded) % times.length] = nowNanos;
            recorded++;
        } else {
            times[oldest] = nowNanos;
            oldest = (oldest + 1) % times.length;
        }
    }
}
