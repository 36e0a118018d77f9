package io.soltrade.data.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * The validations every value type repeats. Each throws {@link DomainValidationException} naming the field;
 * none throws a bare {@link NullPointerException}.
 */
public final class Checks {
    /** The earliest and latest instants any store can hold (QuestDB and PostgreSQL both keep micros in a long). */
    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("2261-12-31T23:59:59.999999Z");

    private Checks() {}

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new DomainValidationException(field, "is null");
        }
        return value;
    }

    /** A non-blank string without control characters, at most {@code maxLength} characters long. */
    public static String text(String value, String field, int maxLength) {
        notNull(value, field);
        if (value.isBlank()) {
            throw new DomainValidationException(field, "is blank");
        }
        if (value.length() > maxLength) {
            throw new DomainValidationException(field, "is " + value.length() + " characters long, at most " + maxLength + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate(c) && !validSurrogatePair(value, i)) {
                throw new DomainValidationException(field, "contains control or invalid character U+" + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        return value;
    }

    private static boolean validSurrogatePair(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** A string that matches {@code pattern} entirely; {@code description} says what it should look like. */
    public static String matches(String value, String field, Pattern pattern, String description) {
        notNull(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new DomainValidationException(field, "'" + printable(value) + "' is not " + description);
        }
        return value;
    }

    /**
     * {@link #matches} for a pattern that is one character class repeated 1 to {@code maxLength} times, checked
     * without a regex: on the hot path of a cache read (every decoded quote), a regex matcher was a tenth of the
     * client's samples.
     */
    public static String matchesChars(String value, String field, int maxLength, IntPredicate allowed, String description) {
        notNull(value, field);
        boolean ok = !value.isEmpty() && value.length() <= maxLength;
        for (int i = 0; ok && i < value.length(); i++) {
            ok = allowed.test(value.charAt(i));
        }
        if (!ok) {
            throw new DomainValidationException(field, "'" + printable(value) + "' is not " + description);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new DomainValidationException(field, "is " + value + ", must not be negative");
        }
        return value;
    }

    public static int inRange(int value, String field, int min, int max) {
        if (value < min || value > max) {
            throw new DomainValidationException(field, "is " + value + ", must be between " + min + " and " + max);
        }
        return value;
    }

    /** A finite double in [min, max]; NaN and infinities are rejected. */
    public static double inRange(double value, String field, double min, double max) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new DomainValidationException(field, "is " + value + ", must be between " + min + " and " + max);
        }
        return value;
    }

    public static double finite(double value, String field) {
        if (!Double.isFinite(value)) {
            throw new DomainValidationException(field, "is " + value + ", must be a finite number");
        }
        return value;
    }

    /**
     * An instant every store can hold, truncated to microseconds so that a value read back from any store
     * equals the value written.
     */
    public static Instant timestamp(Instant value, String field) {
        notNull(value, field);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new DomainValidationException(field, value + " is outside " + EARLIEST + " .. " + LATEST);
        }
        // Nearly every instant is already whole microseconds (read back from a store or a codec), and truncatedTo
        // returns those unchanged by a longer way (a Duration, two divisions): about 1 of the 18 us that building a
        // live-feed price took on the subscriber, where it runs mostly interpreted.
        return value.getNano() % 1_000 == 0 ? value : value.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A sorted copy of {@code map} for a record's canonical constructor; a null key is rejected naming
     * {@code field} (a {@code new TreeMap<>(map)} would throw a bare NullPointerException).
     */
    static <V> java.util.TreeMap<String, V> sortedCopy(java.util.Map<String, V> map, String field) {
        notNull(map, field);
        java.util.TreeMap<String, V> copy = new java.util.TreeMap<>();
        for (java.util.Map.Entry<String, V> entry : map.entrySet()) {
            copy.put(notNull(entry.getKey(), field + " key"), entry.getValue());
        }
        return copy;
    }

    /** Shortens and escapes a rejected input so an error message never carries megabytes or control bytes. */
    static String printable(String value) {
        String shortened = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        StringBuilder out = new StringBuilder(shortened.length());
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
