package io.soltrade.data.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.TokenAmount;
import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The transfer-fee arithmetic against an exact BigInteger reference of spl-token-2022's {@code calculate_fee},
 * the program's own unit-test vectors, and the inverse's defining properties.
 */
class TransferFeeTest {
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    @Property(tries = 2_000)
    void feeIsTheCappedCeilingOfAmountTimesRate(@ForAll("fees") TransferFee fee, @ForAll("amounts") TokenAmount amount) {
        BigInteger a = amount.toBigInteger();
        BigInteger ceiling = a.multiply(BigInteger.valueOf(fee.transferFeeBasisPoints())).add(TEN_THOUSAND.subtract(BigInteger.ONE)).divide(TEN_THOUSAND);
        BigInteger expected = ceiling.min(fee.maximumFee().toBigInteger());
        assertThat(fee.fee(amount).toBigInteger()).isEqualTo(expected);
    }

    @Property
    void feeNeverExceedsTheCapOrTheAmount(@ForAll("fees") TransferFee fee, @ForAll("amounts") TokenAmount amount) {
        TokenAmount charged = fee.fee(amount);
        assertThat(charged).isLessThanOrEqualTo(fee.maximumFee()).isLessThanOrEqualTo(amount);
        assertThat(fee.amountAfterFee(amount).plus(charged)).isEqualTo(amount);
    }

    @Property
    void amountAfterFeeNeverDecreasesAsTheAmountGrows(@ForAll("fees") TransferFee fee, @ForAll("amounts") TokenAmount amount) {
        if (amount.equals(TokenAmount.MAX)) {
            return;
        }
        assertThat(fee.amountAfterFee(amount.plus(TokenAmount.of(1)))).isGreaterThanOrEqualTo(fee.amountAfterFee(amount));
    }

    /** The gross amount delivers exactly the net amount, and one unit less would not. */
    @Property(tries = 2_000)
    void amountBeforeFeeIsTheSmallestGrossThatNetsTheAmount(@ForAll("fees") TransferFee fee, @ForAll("amounts") TokenAmount net) {
        TokenAmount gross;
        try {
            gross = fee.amountBeforeFee(net);
        } catch (ArithmeticException overflow) {
            // No u64 gross exists: even sending the most possible nets less (amountAfterFee is monotone).
            assertThat(fee.amountAfterFee(TokenAmount.MAX)).isLessThan(net);
            return;
        }
        assertThat(fee.amountAfterFee(gross)).isEqualTo(net);
        if (!gross.isZero()) {
            assertThat(fee.amountAfterFee(gross.minus(TokenAmount.of(1)))).isLessThan(net);
        }
    }

    /** spl-token-2022's inverse_fee_relationship property. */
    @Property
    void inverseFeeNeverExceedsTheForwardFee(@ForAll("fees") TransferFee fee, @ForAll("amounts") TokenAmount amount) {
        TokenAmount charged = fee.fee(amount);
        assertThat(fee.inverseFee(amount.minus(charged))).isLessThanOrEqualTo(charged);
    }

    @Example
    void splVectorsAtTheMaximumAndMinimumFee() {
        TransferFee oneBps = new TransferFee(0, TokenAmount.of(5_000), 1);
        long one = 10_000;
        assertThat(oneBps.fee(TokenAmount.MAX)).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.fee(TokenAmount.of(5_000 * one))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.fee(TokenAmount.of(5_000 * one + 1))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.fee(TokenAmount.of(5_000 * one - 1))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.fee(TokenAmount.of(1))).isEqualTo(TokenAmount.of(1));
        assertThat(oneBps.fee(TokenAmount.of(2))).isEqualTo(TokenAmount.of(1));
        assertThat(oneBps.fee(TokenAmount.of(one))).isEqualTo(TokenAmount.of(1));
        assertThat(oneBps.fee(TokenAmount.of(one + 1))).isEqualTo(TokenAmount.of(2));
        assertThat(oneBps.fee(TokenAmount.ZERO)).isEqualTo(TokenAmount.ZERO);

        assertThat(oneBps.inverseFee(TokenAmount.MAX.minus(TokenAmount.of(5_000)))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.inverseFee(TokenAmount.of(5_000 * one - 5_000))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.inverseFee(TokenAmount.of(5_000 * one - 5_000 + 1))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.inverseFee(TokenAmount.of(5_000 * one - 5_000 - 1))).isEqualTo(TokenAmount.of(5_000));
        assertThat(oneBps.inverseFee(TokenAmount.of(1))).isEqualTo(TokenAmount.of(1));
        assertThat(oneBps.inverseFee(TokenAmount.of(one - 1))).isEqualTo(TokenAmount.of(1));
        assertThat(oneBps.inverseFee(TokenAmount.of(one))).isEqualTo(TokenAmount.of(2));
        assertThat(oneBps.inverseFee(TokenAmount.ZERO)).isEqualTo(TokenAmount.ZERO);
    }

    @Example
    void splVectorsForZeroAndFullRates() {
        TransferFee free = new TransferFee(0, TokenAmount.MAX, 0);
        TransferFee fullButCappedAtZero = new TransferFee(0, TokenAmount.ZERO, 10_000);
        for (TokenAmount amount : new TokenAmount[] {TokenAmount.ZERO, TokenAmount.of(1), TokenAmount.of(10_000), TokenAmount.MAX}) {
            assertThat(free.fee(amount)).isEqualTo(TokenAmount.ZERO);
            assertThat(fullButCappedAtZero.fee(amount)).isEqualTo(TokenAmount.ZERO);
        }
        TransferFee full = new TransferFee(0, TokenAmount.of(5_000), 10_000);
        assertThat(full.amountBeforeFee(TokenAmount.ZERO)).isEqualTo(TokenAmount.ZERO);
        assertThat(full.amountBeforeFee(TokenAmount.of(1))).isEqualTo(TokenAmount.of(5_001));
        assertThat(new TransferFee(0, TokenAmount.of(5_000), 0).amountBeforeFee(TokenAmount.of(1))).isEqualTo(TokenAmount.of(1));
        assertThatThrownBy(() -> full.amountBeforeFee(TokenAmount.MAX)).isInstanceOf(ArithmeticException.class);
    }

    @Example
    void tenPercentOfTenAndElevenBothNetNineSoTenIsChosen() {
        TransferFee tenPercent = new TransferFee(0, TokenAmount.MAX, 1_000);
        assertThat(tenPercent.amountAfterFee(TokenAmount.of(10))).isEqualTo(TokenAmount.of(9));
        assertThat(tenPercent.amountAfterFee(TokenAmount.of(11))).isEqualTo(TokenAmount.of(9));
        assertThat(tenPercent.amountBeforeFee(TokenAmount.of(9))).isEqualTo(TokenAmount.of(10));
    }

    @Example
    void theConfigPicksTheScheduleByEpoch() {
        TransferFee older = new TransferFee(1, TokenAmount.of(10), 100);
        TransferFee newer = new TransferFee(100, TokenAmount.of(5_000), 1);
        TransferFeeConfig config = new TransferFeeConfig(Optional.empty(), Optional.empty(), TokenAmount.MAX, older, newer);
        assertThat(config.feeFor(100)).isEqualTo(newer);
        assertThat(config.feeFor(101)).isEqualTo(newer);
        assertThat(config.feeFor(-1)).as("u64::MAX epoch").isEqualTo(newer);
        assertThat(config.feeFor(99)).isEqualTo(older);
        assertThat(config.feeFor(1)).isEqualTo(older);
        assertThat(config.feeFor(0)).isEqualTo(older);
        assertThat(config.fee(TokenAmount.of(100_000), 50)).isEqualTo(TokenAmount.of(10));
        assertThat(config.fee(TokenAmount.of(100_000), 100)).isEqualTo(TokenAmount.of(10));
        assertThat(config.fee(TokenAmount.of(1_000_000), 100)).isEqualTo(TokenAmount.of(100));
        assertThat(config.amountAfterFee(TokenAmount.of(1_000_000), 100)).isEqualTo(TokenAmount.of(999_900));
        assertThat(config.amountBeforeFee(TokenAmount.of(999_900), 100)).isEqualTo(TokenAmount.of(1_000_000));
        assertThat(config.epoch()).isEqualTo(100);
        assertThat(config.transferFeeBasisPoints()).isEqualTo(1);
        assertThat(config.maximumFee()).isEqualTo(TokenAmount.of(5_000));
    }

    @Example
    void theThreeArgumentFormIsOneUnchangedSchedule() {
        TransferFeeConfig config = new TransferFeeConfig(7, 250, TokenAmount.of(1_000));
        assertThat(config.olderTransferFee()).isEqualTo(config.newerTransferFee()).isEqualTo(new TransferFee(7, TokenAmount.of(1_000), 250));
        assertThat(config.transferFeeConfigAuthority()).isEmpty();
        assertThat(config.withheldAmount()).isEqualTo(TokenAmount.ZERO);
        assertThat(config.fee(TokenAmount.of(10_000), 0)).isEqualTo(TokenAmount.of(250));
    }

    @Example
    void invalidSchedulesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new TransferFee(0, TokenAmount.ZERO, 10_001))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("transferFeeBasisPoints"));
        assertThatThrownBy(() -> new TransferFee(0, TokenAmount.ZERO, -1)).isInstanceOf(DomainValidationException.class);
        TransferFee later = new TransferFee(10, TokenAmount.ZERO, 1);
        TransferFee earlier = new TransferFee(9, TokenAmount.ZERO, 1);
        assertThatThrownBy(() -> new TransferFeeConfig(Optional.empty(), Optional.empty(), TokenAmount.ZERO, later, earlier))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("olderTransferFee.epoch"));
        assertThatThrownBy(() -> new TransferFeeConfig(Optional.of(ExtensionChecks.NONE), Optional.empty(), TokenAmount.ZERO, earlier, later))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("transferFeeConfigAuthority"));
        assertThatThrownBy(() -> later.fee(null)).isInstanceOf(DomainValidationException.class);
    }

    @Provide
    Arbitrary<TransferFee> fees() {
        Arbitrary<Integer> bps = Arbitraries.oneOf(Arbitraries.integers().between(0, 10_000), Arbitraries.of(0, 1, 9_999, 10_000));
        return Combinators.combine(Arbitraries.longs(), amounts(), bps).as(TransferFee::new);
    }

    /** Small, mid-size and full-range u64 amounts, with the edges. */
    @Provide
    Arbitrary<TokenAmount> amounts() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, 100_000),
                Arbitraries.longs().between(0, Long.MAX_VALUE / 1_000),
                Arbitraries.longs(),
                Arbitraries.of(0L, 1L, 9_999L, 10_000L, 10_001L, Long.MAX_VALUE, Long.MIN_VALUE, -1L, -2L, -10_000L))
                .map(TokenAmount::new);
    }
}
