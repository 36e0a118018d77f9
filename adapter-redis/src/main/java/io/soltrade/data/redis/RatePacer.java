package io.soltrade.data.redis;

/**
 * Paces one channel's sends to a rate, by the time the next send is due (the virtual-scheduling form of the generic
 * cell rate algorithm): each send moves that time one period past the later of itself and the send. A <b>strict</b>
 * send waits until it is due, so strict sends are at least a period apart: at most {@code hz} in any second. A
 * <b>tolerant</b> send may go up to a quarter period early, so a publisher at exactly the rate whose calls jitter by
 * less than a quarter period never waits; the early quarter is not cumulative: over any span the sends are at most
 * {@code 1 + floor((span + period / 4) / period)}, so never more than the rate on average, consecutive ones at least
 * three quarters of a period apart, and at most one more than the rate in any one second (11 at 10 Hz).
 *
 * <p>A strict 10-in-any-second window cannot do both: a 10 Hz publisher whose call was a little earlier than the one ten
 * back would wait the difference, half of its messages on average. Not thread-safe: used under its channel's lock.
 */
final class RatePacer {
    private final long periodNanos;
    private final long toleranceNanos;
    private long dueNanos;
    private boolean started;

    RatePacer(long periodNanos, long toleranceNanos) {
        if (periodNanos < 1 || toleranceNanos < 0 || toleranceNanos >= periodNanos) {
            throw new IllegalArgumentException("the period must be positive and the tolerance in [0, period): " + periodNanos + ", " + toleranceNanos);
        }
        this.periodNanos = periodNanos;
        this.toleranceNanos = toleranceNanos;
    }

    /** The pacer for a rate of {@code hz} sends a second, tolerating a quarter period. */
    static RatePacer forRate(double hz) {
        long period = Math.round(1_000_000_000.0 / hz);
        return new RatePacer(period, period / 4);
    }

    /** Nanoseconds from {@code nowNanos} until a send may go; 0 when it may go now. */
    long waitNanos(long nowNanos, boolean strict) {
        if (!started) {
            return 0;
        }
        long due = strict ? dueNanos : dueNanos - toleranceNanos;
        return Math.max(0, due - nowNanos);
    }

    /** Whether a send now would find the pacer as a new one does: nothing sent, or the next send already due. */
    boolean isQuiet(long nowNanos) {
        return !started || nowNanos - dueNanos >= 0;
    }

    /** Records a send at {@code nowNanos}; call only when a tolerant {@link #waitNanos} is 0. */
    void record(long nowNanos) {
        long wait = waitNanos(nowNanos, false);
        if (wait > 0) {
            throw new IllegalStateException("the next send is not due for another " + wait + " ns");
        }
        dueNanos = (started && dueNanos - nowNanos > 0 ? dueNanos : nowNanos) + periodNanos;
        started = true;
    }
}
