package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The shortcuts in validating a price (a quote's source checked by one loop, a symbol's ordinary characters skipped,
 * an instant already in microseconds not truncated) accept and reject exactly what the checks they stand in front of
 * did, with the same messages: each property holds the value type to that check written out as it was.
 */
class PriceValidationProperties {
    private static final TokenSymbol SYMBOL = TokenSymbol.of("SOL");
    private static final Instant AT = Instant.parse("2026-12-04T12:00:00.123456Z");
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_.-]{1,32}");

    @Property(tries = 5_000)
    void aQuotesSourceIsCheckedAsBefore(@ForAll("sources") String source) {
        Object now = outcome(() -> new PriceQuote(SYMBOL, BigDecimal.ONE, 1, AT, source).source());
        Object before = outcome(() -> Checks.matches(source, "source", SOURCE, "1 to 32 of a-z 0-9 _ . -"));
        assertThat(now).as("'%s'", source).isEqualTo(before);
    }

    @Property(tries = 5_000)
    void aSymbolIsCheckedAsBefore(@ForAll("symbols") String symbol) {
        assertThat(outcome(() -> TokenSymbol.of(symbol).value())).as("'%s'", symbol).isEqualTo(outcome(() -> symbolAsBefore(symbol)));
    }

    @Property(tries = 5_000)
    void aTimestampIsCheckedAndTruncatedAsBefore(@ForAll("instants") Instant instant) {
        assertThat(outcome(() -> Checks.timestamp(instant, "at"))).as("%s", instant).isEqualTo(outcome(() -> timestampAsBefore(instant, "at")));
    }

    /** TokenSymbol's character checks as they were, with no shortcut. */
    private static String symbolAsBefore(String value) {
        Checks.notNull(value, "symbol");
        if (value.isEmpty()) {
            throw new DomainValidationException("symbol", "is empty");
        }
        if (value.length() > TokenSymbol.MAX_LENGTH) {
            throw new DomainValidationException("symbol", "is " + value.length() + " characters long, at most " + TokenSymbol.MAX_LENGTH + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new DomainValidationException("symbol", "contains U+0000 at index " + i + " (strip the NUL padding of fixed-size metadata)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new DomainValidationException("symbol", "has an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    /** Checks.timestamp as it was: always truncated. */
    private static Instant timestampAsBefore(Instant value, String field) {
        Checks.notNull(value, field);
        if (value.isBefore(Checks.EARLIEST) || value.isAfter(Checks.LATEST)) {
            throw new DomainValidationException(field, value + " is outside " + Checks.EARLIEST + " .. " + Checks.LATEST);
        }
        return value.truncatedTo(ChronoUnit.MICROS);
    }

    /** The value, or the class and message of what was thrown. */
    private static Object outcome(Supplier<Object> check) {
        try {
            return check.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> sources() {
        Arbitrary<String> near = Arbitraries.strings().withChars("abcxyz0189_.-").withChars("AZ /:\u0000\u00e9\u2028\ud83d").ofMinLength(0).ofMaxLength(36);
        Arbitrary<String> valid = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789_.-").ofMinLength(28).ofMaxLength(34);
        return Arbitraries.oneOf(near, valid, Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> symbols() {
        // NUL, both surrogate halves, the characters around them, and ordinary ones
        Arbitrary<Character> chars = Arbitraries.oneOf(Arbitraries.of('\u0000', '\u0001', 'A', '$', ' ', '\u72d7', '\ud7ff', '\ud800', '\udbff', '\udc00',
                '\udfff', '\ue000', '\uffff'), Arbitraries.chars());
        return Arbitraries.oneOf(chars.list().ofMinSize(0).ofMaxSize(12).map(PriceValidationProperties::text), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(-2, 2), Arbitraries.longs().between(-1_000_000_000L, 9_300_000_000L),
                Arbitraries.longs().between(Checks.LATEST.getEpochSecond() - 1, Checks.LATEST.getEpochSecond() + 1));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000),
                Arbitraries.integers().between(999_999_000, 999_999_999), Arbitraries.integers().between(0, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    private static String text(java.util.List<Character> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(out::append);
        return out.toString();
    }
}
