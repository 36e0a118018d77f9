package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link PlainDecimal} reads any text as {@code new BigDecimal(text)} does: an equal value of the same scale, or the same error. */
class PlainDecimalProperties {

    @Property(tries = 5_000)
    void readsWhatTheCodecsWrite(@ForAll("decimals") BigDecimal value) {
        String text = value.toPlainString();
        assertThat(outcome(PlainDecimal::parse, text)).as(text).isEqualTo(outcome(BigDecimal::new, text));
    }

    @Property(tries = 10_000)
    void agreesWithTheConstructorOnAnyText(@ForAll("texts") String text) {
        assertThat(outcome(PlainDecimal::parse, text)).as("'%s'", text).isEqualTo(outcome(BigDecimal::new, text));
    }

    @Example
    void agreesAtTheEdges() {
        for (String text : new String[] {"0", "0.0", "00.000", "007.50", "999999999999999999", "9999999999999999999", "99999999999999999.9",
                "9223372036854775807", "9223372036854775808", "0.000000000000000001", "1.", ".1", ".", "1..2", "1.2.3", "-1.5", "+1.5", "1e5",
                "1E-3", " 1", "1 ", "", "１２", "1_000"}) {
            assertThat(outcome(PlainDecimal::parse, text)).as("'%s'", text).isEqualTo(outcome(BigDecimal::new, text));
        }
    }

    /** The value with its scale (BigDecimal.equals compares both), or the class and message of the error. */
    private static Object outcome(Function<String, BigDecimal> parse, String text) {
        try {
            BigDecimal value = parse.apply(text);
            return value.unscaledValue() + " scale " + value.scale();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1e21")).ofScale(18).map(BigDecimal::stripTrailingZeros)
                .map(value -> value.scale() < 0 ? value.setScale(0) : value);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> near = Arbitraries.strings().withChars("0123456789").withChars(".-+eE x\u0661").ofMinLength(0).ofMaxLength(22);
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789.").ofMinLength(15).ofMaxLength(22);
        return Arbitraries.oneOf(near, digits);
    }
}
