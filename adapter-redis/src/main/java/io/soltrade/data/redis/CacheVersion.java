package io.soltrade.data.redis;

import java.time.Instant;

/**
 * A cached value's version as fixed-width text: the slot and the observation time in epoch microseconds, each
 * zero-padded to 19 digits ({@code 0000000000312345678:0001748779200123456}). Both are non-negative, so
 * comparing the texts byte by byte compares (slot, observation time): the set-if-newer script needs no number
 * parsing, and a slot up to {@link Long#MAX_VALUE} stays exact (Lua numbers are doubles).
 */
final class CacheVersion {
    static final int LENGTH = 39;
    private static final int DIGITS = 19;

    private CacheVersion() {}

    static void append(StringBuilder out, long slot, Instant observedAt) {
        appendPadded(out, slot);
        out.append(':');
        appendPadded(out, epochMicros(observedAt));
    }

    static String of(long slot, Instant observedAt) {
        StringBuilder out = new StringBuilder(LENGTH);
        append(out, slot, observedAt);
        return out.toString();
    }

    static long slot(String value) {
        return Long.parseLong(value, 0, DIGITS, 10);
    }

    static Instant observedAt(String value) {
        long micros = Long.parseLong(value, DIGITS + 1, LENGTH, 10);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static void appendPadded(StringBuilder out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a version part must not be negative: " + value);
        }
        String digits = Long.toString(value);
        for (int i = digits.length(); i < DIGITS; i++) {
            out.append('0');
        }
        out.append(digits);
    }
}
