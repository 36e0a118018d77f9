package io.soltrade.data.domain;

import java.time.Duration;
import java.time.Instant;

/** A half-open interval {@code [from, to)}: a row at {@code from} is inside, a row at {@code to} is not. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        from = Checks.timestamp(from, "from");
        to = Checks.timestamp(to, "to");
        if (to.isBefore(from)) {
            throw new DomainValidationException("to", to + " is before from " + from);
        }
    }

    public static TimeRange of(Instant from, Instant to) {
        return new TimeRange(from, to);
    }

    public static TimeRange lastPeriod(Instant now, Duration length) {
        Checks.notNull(now, "now");
        Checks.notNull(length, "length");
        return new TimeRange(now.minus(length), now);
    }

    public boolean contains(Instant instant) {
        Checks.notNull(instant, "instant");
        return !instant.isBefore(from) && instant.isBefore(to);
    }
}
