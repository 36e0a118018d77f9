package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.TokenAmount;
import java.math.BigInteger;

/**
 * One transfer-fee schedule of a Token-2022 mint: from {@code epoch} on, a transfer of {@code amount} withholds
 * {@code ceil(amount * transferFeeBasisPoints / 10,000)} base units, capped at {@code maximumFee}. The arithmetic
 * is exact u64 arithmetic and rounds exactly as spl-token-2022's {@code TransferFee} does, so a trader's estimate
 * equals what the program withholds.
 *
 * @param epoch the first epoch the fee applies in, a u64 held in a {@code long} read as unsigned
 */
public record TransferFee(long epoch, TokenAmount maximumFee, int transferFeeBasisPoints) {
    /** 100%: the largest fee rate the program accepts. */
    public static final int MAX_FEE_BASIS_POINTS = 10_000;
    private static final BigInteger ONE_IN_BASIS_POINTS = BigInteger.valueOf(MAX_FEE_BASIS_POINTS);
    private static final BigInteger U64_MAX = TokenAmount.MAX.toBigInteger();

    public TransferFee {
        Checks.notNull(maximumFee, "maximumFee");
        Checks.inRange(transferFeeBasisPoints, "transferFeeBasisPoints", 0, MAX_FEE_BASIS_POINTS);
    }

    /**
     * The fee withheld from a transfer of {@code amount} (spl-token-2022 {@code calculate_fee}): ceiling division,
     * then the cap. Never more than {@code amount} nor {@link #maximumFee()}.
     */
    public TokenAmount fee(TokenAmount amount) {
        Checks.notNull(amount, "amount");
        long a = amount.unsignedBits();
        if (transferFeeBasisPoints == 0 || a == 0) {
            return TokenAmount.ZERO;
        }
        // ceil(a*b/10^4) = q*b + ceil(r*b/10^4) with a = q*10^4 + r; every term stays within u64 because the
        // result is at most a (b <= 10^4), so no 128-bit product is needed.
        long b = transferFeeBasisPoints;
        long q = Long.divideUnsigned(a, MAX_FEE_BASIS_POINTS);
        long r = Long.remainderUnsigned(a, MAX_FEE_BASIS_POINTS);
        long raw = q * b + (r * b + MAX_FEE_BASIS_POINTS - 1) / MAX_FEE_BASIS_POINTS;
        return Long.compareUnsigned(raw, maximumFee.unsignedBits()) <= 0 ? new TokenAmount(raw) : maximumFee;
    }

    /** What the receiver gets when {@code amount} is sent: {@code amount - fee(amount)}. */
    public TokenAmount amountAfterFee(TokenAmount amount) {
        return amount.minus(fee(amount));
    }

    /**
     * The gross amount to send so that the receiver gets {@code netAmount} (spl-token-2022
     * {@code calculate_pre_fee_amount}). Where rounding makes several gross amounts give the same net one, the
     * smallest is chosen; at a 100% rate the answer is {@code netAmount + maximumFee}.
     *
     * @throws ArithmeticException when no u64 gross amount yields {@code netAmount}
     */
    public TokenAmount amountBeforeFee(TokenAmount netAmount) {
        Checks.notNull(netAmount, "netAmount");
        if (transferFeeBasisPoints == 0 || netAmount.isZero()) {
            return netAmount;
        }
        if (transferFeeBasisPoints == MAX_FEE_BASIS_POINTS) {
            return netAmount.plus(maximumFee);
        }
        BigInteger net = netAmount.toBigInteger();
        BigInteger denominator = ONE_IN_BASIS_POINTS.subtract(BigInteger.valueOf(transferFeeBasisPoints));
        BigInteger raw = net.multiply(ONE_IN_BASIS_POINTS).add(denominator).subtract(BigInteger.ONE).divide(denominator);
        if (raw.subtract(net).compareTo(maximumFee.toBigInteger()) >= 0) {
            return netAmount.plus(maximumFee);
        }
        if (raw.compareTo(U64_MAX) > 0) {
            throw new ArithmeticException("u64 overflow: no amount of at most " + U64_MAX + " nets " + netAmount + " at " + transferFeeBasisPoints + " bps");
        }
        return TokenAmount.of(raw);
    }

    /**
     * The fee paid when sending just enough for the receiver to get {@code netAmount} (spl-token-2022
     * {@code calculate_inverse_fee}): {@code fee(amountBeforeFee(netAmount))}.
     */
    public TokenAmount inverseFee(TokenAmount netAmount) {
        return fee(amountBeforeFee(netAmount));
    }

    /** Whether this schedule applies in {@code epoch} or later (unsigned comparison). */
    boolean appliesIn(long currentEpoch) {
        return Long.compareUnsigned(currentEpoch, epoch) >= 0;
    }

    static void requireOrdered(TransferFee older, TransferFee newer) {
        if (Long.compareUnsigned(older.epoch, newer.epoch) > 0) {
            throw new DomainValidationException("olderTransferFee.epoch", Long.toUnsignedString(older.epoch)
                    + " is after newerTransferFee.epoch " + Long.toUnsignedString(newer.epoch));
        }
    }
}
