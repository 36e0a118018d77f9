package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link IsoInstant} reads what {@link Instant#toString()} writes, and on any text agrees with {@link Instant#parse};
 * it writes exactly what {@code toString} writes.
 */
class IsoInstantProperties {

    @Property(tries = 3_000)
    void readsWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstant.parse(instant.toString())).isEqualTo(instant);
    }

    /** Text near the canonical shape, a character changed or cut: the same instant as Instant.parse, or the same error. */
    @Property(tries = 3_000)
    void agreesWithInstantParseOnAnyText(@ForAll("instants") Instant instant, @ForAll("edits") int position, @ForAll("characters") char replacement,
            @ForAll boolean cut) {
        String canonical = instant.toString();
        int at = Math.floorMod(position, canonical.length());
        String text = cut ? canonical.substring(0, at) : canonical.substring(0, at) + replacement + canonical.substring(at + 1);
        assertThat(outcome(IsoInstant::parse, text)).as("'%s'", text).isEqualTo(outcome(Instant::parse, text));
    }

    /** Any day number of any month of a four-digit year, including leap days and days past a month's end. */
    @Property(tries = 5_000)
    void agreesWithInstantParseOnEveryDateOfTheCanonicalShape(@ForAll("years") int year, @ForAll("months") int month, @ForAll("days") int day) {
        String text = String.format("%04d-%02d-%02dT12:34:56.123456Z", year, month, day);
        assertThat(outcome(IsoInstant::parse, text)).as(text).isEqualTo(outcome(Instant::parse, text));
    }

    @Example
    void readsEveryDayOfFourHundredYears() {
        for (Instant day = Instant.parse("1800-01-01T00:00:00Z"); day.isBefore(Instant.parse("2200-01-02T00:00:00Z")); day = day.plusSeconds(86_400)) {
            assertThat(IsoInstant.parse(day.toString())).isEqualTo(day);
        }
    }

    @Property(tries = 3_000)
    void writesWhatInstantWrites(@ForAll("instants") Instant instant) {
        assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
    }

    @Example
    void writesWhatInstantWritesAtTheEdges() {
        Instant lastFourDigitYear = Instant.parse("9999-12-31T23:59:59Z");
        for (Instant instant : new Instant[] {Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.ofEpochSecond(-62_167_219_200L),
                Instant.ofEpochSecond(-62_167_219_200L).minusNanos(1), lastFourDigitYear, lastFourDigitYear.plusNanos(999_999_999),
                lastFourDigitYear.plusSeconds(1), Instant.parse("2024-02-29T00:00:00Z"), Instant.parse("2025-06-01T12:00:00.100Z"),
                Instant.parse("2025-06-01T12:00:00.000100Z"), Instant.parse("2025-06-01T12:00:00.000000100Z")}) {
            assertThat(IsoInstant.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Example
    void outOfRangeFieldsAndOtherShapesAreInstantParses() {
        for (String text : new String[] {"2024-02-29T23:59:59.999999999Z", "2023-02-29T00:00:00Z", "2025-06-01T24:00:00Z", "2025-06-01T23:59:60Z",
                "2025-13-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2025-06-01t12:00:00z", "2025-06-01T12:00:00.Z", "2025-06-01T12:00:00.1234567890Z",
                "2025-06-01T12:00:00+01:00"}) {
            assertThat(outcome(IsoInstant::parse, text)).as(text).isEqualTo(outcome(Instant::parse, text));
        }
    }

    /** What {@code parse} makes of {@code text}: the instant, or the class of the error it throws. */
    private static Object outcome(Function<String, Instant> parse, String text) {
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        long min = Instant.parse("-1000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000), Arbitraries.integers().between(0, 999_999_999));
        return net.jqwik.api.Combinators.combine(Arbitraries.longs().between(min, max), nanos).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Integer> years() {
        return Arbitraries.oneOf(Arbitraries.integers().between(0, 9999), Arbitraries.of(0, 4, 100, 400, 1900, 2000, 2024, 2100, 9996, 9999));
    }

    @Provide
    Arbitrary<Integer> months() {
        return Arbitraries.integers().between(0, 13);
    }

    @Provide
    Arbitrary<Integer> days() {
        return Arbitraries.integers().between(0, 32);
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.integers().between(0, 40);
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.of('0', '5', '9', ':', '-', '.', 'T', 'Z', 'z', 't', '+', ' ', 'a', '/');
    }
}
