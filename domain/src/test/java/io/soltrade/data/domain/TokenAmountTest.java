package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;

/** Amounts are u64 over the whole range: checked against BigInteger, the exact reference. */
class TokenAmountTest {
    private static final BigInteger U64_MAX = new BigInteger("18446744073709551615");

    @Property
    void plusIsExactOrThrows(@ForAll long a, @ForAll long b) {
        TokenAmount x = new TokenAmount(a);
        TokenAmount y = new TokenAmount(b);
        BigInteger exact = x.toBigInteger().add(y.toBigInteger());
        if (exact.compareTo(U64_MAX) <= 0) {
            assertThat(x.plus(y).toBigInteger()).isEqualTo(exact);
        } else {
            assertThatThrownBy(() -> x.plus(y)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property
    void minusIsExactOrThrows(@ForAll long a, @ForAll long b) {
        TokenAmount x = new TokenAmount(a);
        TokenAmount y = new TokenAmount(b);
        BigInteger exact = x.toBigInteger().subtract(y.toBigInteger());
        if (exact.signum() >= 0) {
            assertThat(x.minus(y).toBigInteger()).isEqualTo(exact);
            assertThat(x.minus(y).plus(y)).isEqualTo(x);
        } else {
            assertThatThrownBy(() -> x.minus(y)).isInstanceOf(ArithmeticException.class);
        }
    }

    @Property
    void orderIsUnsigned(@ForAll long a, @ForAll long b) {
        TokenAmount x = new TokenAmount(a);
        TokenAmount y = new TokenAmount(b);
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(x.toBigInteger().compareTo(y.toBigInteger()));
    }

    @Property
    void decimalTextRoundTripsOverTheWholeRange(@ForAll @BigRange(min = "0", max = "18446744073709551615") BigInteger units) {
        TokenAmount amount = TokenAmount.of(units);
        assertThat(amount.toBigInteger()).isEqualTo(units);
        assertThat(amount.toString()).isEqualTo(units.toString());
        assertThat(TokenAmount.parse(amount.toString())).isEqualTo(amount);
        assertThat(amount.toBigDecimal()).isEqualByComparingTo(new BigDecimal(units));
    }

    @Property
    void uiAmountMovesTheDecimalPoint(@ForAll long bits, @ForAll @IntRange(min = 0, max = 30) int decimals) {
        TokenAmount amount = new TokenAmount(bits);
        assertThat(amount.toUiAmount(decimals).movePointRight(decimals)).isEqualByComparingTo(amount.toBigDecimal());
    }

    @Example
    void aHugeRefusedNumberIsDescribedNotSpelledOut() {
        BigInteger huge = BigInteger.TEN.pow(100_000);

        assertThatThrownBy(() -> TokenAmount.of(huge)).isInstanceOfSatisfying(DomainValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("amount");
            assertThat(e.getMessage()).hasSizeLessThan(200).contains("number of about 100001 digits");
        });
        assertThatThrownBy(() -> TokenAmount.of(huge.negate())).hasMessageContaining("negative number");
        assertThatThrownBy(() -> TokenAmount.of(U64_MAX.add(BigInteger.ONE))).hasMessageContaining("18446744073709551616");
    }

    @Example
    void boundsAndBadTextAreRejected() {
        assertThat(TokenAmount.MAX.toString()).isEqualTo("18446744073709551615");
        assertThat(TokenAmount.parse("18446744073709551615")).isEqualTo(TokenAmount.MAX);
        for (String bad : new String[] {"18446744073709551616", "-1", "", "1.0", "1e3", " 1", "+1", "１", "999999999999999999999"}) {
            assertThatThrownBy(() -> TokenAmount.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        }
        assertThatThrownBy(() -> TokenAmount.of(-1)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> TokenAmount.of(U64_MAX.add(BigInteger.ONE))).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> TokenAmount.MAX.plus(TokenAmount.of(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> TokenAmount.ZERO.plus(null)).isInstanceOf(DomainValidationException.class);
    }
}
