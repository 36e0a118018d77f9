package io.soltrade.data.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The length of one candle (or one downsampled metric bucket), 1 second to 1 day. Every length divides a day, so
 * intervals start at multiples of their length since midnight UTC (and since the epoch): a 15-minute candle starts
 * at :00, :15, :30 or :45 whatever range was asked for.
 */
public enum CandleInterval {
    SECOND_1(1, "1s"),
    SECONDS_5(5, "5s"),
    SECONDS_15(15, "15s"),
    SECONDS_30(30, "30s"),
    MINUTE_1(60, "1m"),
    MINUTES_5(300, "5m"),
    MINUTES_15(900, "15m"),
    MINUTES_30(1_800, "30m"),
    HOUR_1(3_600, "1h"),
    HOURS_4(14_400, "4h"),
    HOURS_12(43_200, "12h"),
    DAY_1(86_400, "1d");

    private final long seconds;
    private final String label;

    CandleInterval(long seconds, String label) {
        this.seconds = seconds;
        this.label = label;
    }

    public Duration duration() {
        return Duration.ofSeconds(seconds);
    }

    /** The short form used in names and by time-series databases, e.g. {@code 15m}. */
    public String label() {
        return label;
    }

    /** The start of the interval holding {@code at}. */
    public Instant start(Instant at) {
        Checks.notNull(at, "at");
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        long length = seconds * 1_000_000L;
        long start = Math.floorDiv(micros, length) * length;
        return Instant.ofEpochSecond(Math.floorDiv(start, 1_000_000L), Math.floorMod(start, 1_000_000L) * 1_000L);
    }

    /** How many intervals {@code range} touches: from the one holding {@code range.from} to the one before {@code range.to}. */
    public long count(TimeRange range) {
        Checks.notNull(range, "range");
        if (range.from().equals(range.to())) {
            return 0;
        }
        Instant first = start(range.from());
        return (Duration.between(first, range.to()).toNanos() + duration().toNanos() - 1) / duration().toNanos();
    }

    /** The interval with this label, e.g. {@code 1m}. */
    public static CandleInterval ofLabel(String label) {
        Checks.notNull(label, "interval");
        for (CandleInterval interval : values()) {
            if (interval.label.equals(label)) {
                return interval;
            }
        }
        throw new DomainValidationException("interval", "'" + Checks.printable(label) + "' is not one of 1s 5s 15s 30s 1m 5m 15m 30m 1h 4h 12h 1d");
    }
}
