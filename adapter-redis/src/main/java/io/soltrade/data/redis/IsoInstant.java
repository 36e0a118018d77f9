package io.soltrade.data.redis;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the codecs write ({@link Instant#toString()}: {@code 2025-06-01T12:00:00.123456Z}) without
 * {@link Instant#parse}, whose general formatter machinery was the largest piece of decoding a live-feed price (about
 * as much as Jackson reading the whole message, on the cold path a subscriber at 10 Hz runs). Text of that exact shape
 * (a four-digit year, seconds 00-59, 0 to 9 fraction digits, {@code Z}) is read directly; anything else, and any field
 * out of range, goes to {@link Instant#parse}, so the result and the errors are exactly {@code Instant.parse}'s.
 *
 * <p>Writes them the same way round: {@link #format} is {@link Instant#toString()}'s text, built directly for years
 * 0000 to 9999 (the formatter behind {@code toString} was the largest piece of encoding a live-feed price), and
 * {@code toString} itself for any other year.
 */
final class IsoInstant {
    private static final int SECONDS_PER_DAY = 86_400;
    /** Days from 0000-01-01 to 1970-01-01. */
    private static final long DAYS_0000_TO_1970 = 719_528L;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: outside them {@code toString} writes a sign or more digits. */
    private static final long FIRST_FOUR_DIGIT_SECOND = -62_167_219_200L;
    private static final long LAST_FOUR_DIGIT_SECOND = 253_402_300_799L;

    private IsoInstant() {}

    static Instant parse(String text) {
        Instant read = readCanonical(text);
        return read != null ? read : Instant.parse(text);
    }

    /**
     * {@code instant.toString()}: {@code yyyy-MM-ddTHH:mm:ss}, then the fraction in 3, 6 or 9 digits (as few of those as
     * hold it exactly; none when it is zero), then {@code Z}.
     */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FOUR_DIGIT_SECOND || seconds > LAST_FOUR_DIGIT_SECOND) {
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        int nanos = instant.getNano();
        char[] out = new char[30];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int length = 19;
        if (nanos != 0) {
            out[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, length, nanos / 1_000, 6);
                length += 6;
            } else {
                put(out, length, nanos, 9);
                length += 9;
            }
        }
        out[length++] = 'Z';
        return new String(out, 0, length);
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code out[at]}. */
    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The instant of canonical text; null when the text is not of that shape or a field is out of range. */
    private static Instant readCanonical(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /*
     * The calendar arithmetic of LocalDate.of(year, month, day).toEpochDay() for years 0 to 9999, without its field
     * checks and objects (about a quarter of reading an instant, cold). IsoInstantProperties holds it to Instant.parse
     * for every day of a range of years and for days 0 to 32 of any month.
     */

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 to the date, a year of 0 to 9999 (LocalDate.toEpochDay's formula for years from 0). */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400 + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= isLeapYear(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
