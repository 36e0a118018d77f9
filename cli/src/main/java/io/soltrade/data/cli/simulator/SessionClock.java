package io.soltrade.data.cli.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Wall-clock time in microseconds that never repeats and never goes back. Stores key positions and metrics by
 * time, so two states stamped with the same microsecond would be one row; a strictly increasing clock makes
 * every acknowledged write a distinct row, and keeps fills in order for {@link io.soltrade.data.domain.Position#apply}.
 */
final class SessionClock {
    private final Clock clock;
    private Instant last = Instant.EPOCH;

    SessionClock(Clock clock) {
        this.clock = clock;
    }

    synchronized Instant next() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
        return last;
    }
}
