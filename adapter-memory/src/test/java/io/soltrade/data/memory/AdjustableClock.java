package io.soltrade.data.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it: TTL and idle-time tests run without waiting. */
final class AdjustableClock extends Clock {
    private final AtomicReference<Instant> now;

    AdjustableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    AdjustableClock() {
        this(Instant.parse("2025-06-01T00:00:00Z"));
    }

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /** Moves past {@code duration}: a millisecond more, the resolution every TTL is kept at. */
    void advancePast(Duration duration) {
        advance(duration.plusMillis(1));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("an adjustable clock stays in UTC");
    }
}
