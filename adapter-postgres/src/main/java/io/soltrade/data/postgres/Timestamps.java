package io.soltrade.data.postgres;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** timestamptz columns hold microseconds, as the domain's instants do; both directions are exact. */
final class Timestamps {
    private Timestamps() {}

    static OffsetDateTime toColumn(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromColumn(OffsetDateTime value) {
        return value.toInstant();
    }
}
