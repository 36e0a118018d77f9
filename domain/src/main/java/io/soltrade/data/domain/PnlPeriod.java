package io.soltrade.data.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** A reporting period of realized P&amp;L: a UTC calendar day, or an ISO week (Monday 00:00 UTC to the next Monday). */
public enum PnlPeriod {
    DAY,
    WEEK;

    /** The start of the period holding {@code at}. */
    public Instant start(Instant at) {
        Checks.notNull(at, "at");
        Instant day = at.truncatedTo(ChronoUnit.DAYS);
        if (this == DAY) {
            return day;
        }
        return day.atOffset(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
    }

    /** The start of the period after the one starting at {@code start}. */
    public Instant next(Instant start) {
        Checks.notNull(start, "start");
        return start.plus(this == DAY ? 1 : 7, ChronoUnit.DAYS);
    }

    /** Whether {@code at} is the start of a period. */
    public boolean isStart(Instant at) {
        return start(at).equals(at);
    }
}
