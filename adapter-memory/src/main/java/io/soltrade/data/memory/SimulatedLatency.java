package io.soltrade.data.memory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long each call of a memory store takes, to make timing-sensitive code (timeouts, batching, progress
 * reporting) meet something like a network round trip: a fixed delay, or one drawn uniformly from
 * {@code [min, max]} for every call. The delay is real time, whatever {@code Clock} the store was given.
 */
public record SimulatedLatency(Duration min, Duration max) {
    private static final SimulatedLatency NONE = new SimulatedLatency(Duration.ZERO, Duration.ZERO);

    public SimulatedLatency {
        Objects.requireNonNull(min, "min is null");
        Objects.requireNonNull(max, "max is null");
        if (min.isNegative()) {
            throw new IllegalArgumentException("min is negative: " + min);
        }
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("max " + max + " is less than min " + min);
        }
        if (max.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("max " + max + " is more than a minute: no test should wait that long");
        }
    }

    public static SimulatedLatency none() {
        return NONE;
    }

    public static SimulatedLatency fixed(Duration delay) {
        return new SimulatedLatency(delay, delay);
    }

    public static SimulatedLatency random(Duration min, Duration max) {
        return new SimulatedLatency(min, max);
    }

    public boolean isNone() {
        return max.isZero();
    }

    /** The delay for the next call. */
    public Duration next() {
        if (min.equals(max)) {
            return min;
        }
        long nanos = ThreadLocalRandom.current().nextLong(min.toNanos(), max.toNanos() + 1);
        return Duration.ofNanos(nanos);
    }
}
