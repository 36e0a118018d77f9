package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ExactDecimalTest {

    @Property
    void equalValuesGetOneCanonicalForm(@ForAll long unscaled, @ForAll @IntRange(min = 0, max = 18) int scale,
            @ForAll @IntRange(min = 0, max = 10) int extraZeros) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        BigDecimal padded = value.setScale(scale + extraZeros);
        BigDecimal canonical = ExactDecimal.of(value, "x");
        assertThat(ExactDecimal.of(padded, "x")).isEqualTo(canonical);
        assertThat(canonical).isEqualByComparingTo(value);
        assertThat(canonical.scale()).isBetween(0, 18);
        assertThat(ExactDecimal.of(canonical, "x")).isEqualTo(canonical);
    }

    @Property
    void moreThanEighteenFractionalDigitsAreRejectedNotRounded(@ForAll @LongRange(min = 1) long unscaled,
            @ForAll @IntRange(min = 19, max = 40) int scale) {
        BigDecimal value = new BigDecimal(BigInteger.valueOf(unscaled).multiply(BigInteger.TEN).add(BigInteger.ONE), scale);
        assertThatThrownBy(() -> ExactDecimal.of(value, "price"))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("price"));
        BigDecimal rounded = ExactDecimal.rounded(value, "price");
        assertThat(rounded).isEqualByComparingTo(value.setScale(18, RoundingMode.HALF_EVEN));
    }

    @Property
    void twentyIntegerDigitsFitTwentyOneDoNot(@ForAll @IntRange(min = 1, max = 9) int leading) {
        BigDecimal twenty = new BigDecimal(leading + "9".repeat(19) + ".123");
        assertThat(ExactDecimal.of(twenty, "x")).isEqualByComparingTo(twenty);
        BigDecimal twentyOne = twenty.multiply(BigDecimal.TEN);
        assertThatThrownBy(() -> ExactDecimal.of(twentyOne, "x")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> ExactDecimal.rounded(twentyOne, "x")).isInstanceOf(DomainValidationException.class);
    }

    @Example
    void hugeExponentsAreRejectedWithoutMaterialisingTheNumber() {
        // Before the fix, of(1E+99999999) built a hundred-million-digit number and ran for minutes.
        for (String text : new String[] {"1E+999999999", "-7E+2147483647", "1E-999999999"}) {
            BigDecimal value = new BigDecimal(text);
            assertThatThrownBy(() -> ExactDecimal.of(value, "x")).as(text).isInstanceOf(DomainValidationException.class);
        }
        assertThat(ExactDecimal.rounded(new BigDecimal("1E-999999999"), "x")).isEqualTo(BigDecimal.ZERO);
    }

    @Example
    void signChecksNameTheField() {
        assertThatThrownBy(() -> ExactDecimal.positive(BigDecimal.ZERO, "price"))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("price"));
        assertThatThrownBy(() -> ExactDecimal.nonNegative(new BigDecimal("-0.1"), "fee"))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("fee"));
        assertThatThrownBy(() -> ExactDecimal.of(null, "qty"))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("qty"));
        assertThat(ExactDecimal.of(new BigDecimal("0E-30"), "x")).isEqualTo(BigDecimal.ZERO);
        assertThat(ExactDecimal.of(new BigDecimal("1.2300E+3"), "x")).isEqualTo(new BigDecimal("1230"));
    }
}
