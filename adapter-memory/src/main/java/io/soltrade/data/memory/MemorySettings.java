package io.soltrade.data.memory;

import java.time.Clock;
import java.util.Objects;

/**
 * How {@link MemoryModule} builds its stores: the clock they read time from (TTL expiry, audit timestamps),
 * the latency every call simulates, and the failure plan every store starts with (each store counts its own
 * calls).
 */
public record MemorySettings(Clock clock, SimulatedLatency latency, FailurePlan failures) {

    public MemorySettings {
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(latency, "latency is null");
        Objects.requireNonNull(failures, "failures is null");
    }

    /** The system UTC clock, no latency, no failures. */
    public static MemorySettings defaults() {
        return new MemorySettings(Clock.systemUTC(), SimulatedLatency.none(), FailurePlan.never());
    }

    public MemorySettings withClock(Clock newClock) {
        return new MemorySettings(newClock, latency, failures);
    }

    public MemorySettings withLatency(SimulatedLatency newLatency) {
        return new MemorySettings(clock, newLatency, failures);
    }

    public MemorySettings withFailures(FailurePlan newFailures) {
        return new MemorySettings(clock, latency, newFailures);
    }
}
