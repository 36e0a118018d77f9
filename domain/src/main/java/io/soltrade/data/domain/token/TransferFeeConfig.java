package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import java.util.Optional;

/**
 * The transfer-fee extension as the mint holds it: two fee schedules, because a fee change only takes effect two
 * epochs after it is set. The newer schedule applies from its epoch on, the older one before; a mint whose fee was
 * never changed has the same schedule twice.
 *
 * @param transferFeeConfigAuthority may change the fee; none means the fee is fixed forever
 * @param withdrawWithheldAuthority may withdraw withheld fees
 * @param withheldAmount fees already harvested to the mint and not yet withdrawn
 */
public record TransferFeeConfig(
        Optional<Pubkey> transferFeeConfigAuthority,
        Optional<Pubkey> withdrawWithheldAuthority,
        TokenAmount withheldAmount,
        TransferFee olderTransferFee,
        TransferFee newerTransferFee) implements TokenExtension {

    public TransferFeeConfig {
        ExtensionChecks.optionalKey(transferFeeConfigAuthority, "transferFeeConfigAuthority");
        ExtensionChecks.optionalKey(withdrawWithheldAuthority, "withdrawWithheldAuthority");
        Checks.notNull(withheldAmount, "withheldAmount");
        Checks.notNull(olderTransferFee, "olderTransferFee");
        Checks.notNull(newerTransferFee, "newerTransferFee");
        TransferFee.requireOrdered(olderTransferFee, newerTransferFee);
    }

    /** A fee that never changed (older == newer), without authorities and with nothing withheld. */
    public TransferFeeConfig(long epoch, int transferFeeBasisPoints, TokenAmount maximumFee) {
        this(Optional.empty(), Optional.empty(), TokenAmount.ZERO, new TransferFee(epoch, maximumFee, transferFeeBasisPoints),
                new TransferFee(epoch, maximumFee, transferFeeBasisPoints));
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.TRANSFER_FEE_CONFIG;
    }

    /** The schedule in force in {@code epoch}: the newer one if {@code epoch >= newerTransferFee.epoch}, else the older. */
    public TransferFee feeFor(long epoch) {
        return newerTransferFee.appliesIn(epoch) ? newerTransferFee : olderTransferFee;
    }

    /** The fee withheld from a transfer of {@code amount} in {@code epoch}; see {@link TransferFee#fee}. */
    public TokenAmount fee(TokenAmount amount, long epoch) {
        return feeFor(epoch).fee(amount);
    }

    /** What the receiver gets when {@code amount} is sent in {@code epoch}. */
    public TokenAmount amountAfterFee(TokenAmount amount, long epoch) {
        return feeFor(epoch).amountAfterFee(amount);
    }

    /**
     * The gross amount to send in {@code epoch} so the receiver gets {@code netAmount}; see
     * {@link TransferFee#amountBeforeFee}.
     *
     * @throws ArithmeticException when no u64 amount yields {@code netAmount}
     */
    public TokenAmount amountBeforeFee(TokenAmount netAmount, long epoch) {
        return feeFor(epoch).amountBeforeFee(netAmount);
    }

    /** The newer schedule's first epoch (what the former three-field shape called {@code epoch}). */
    public long epoch() {
        return newerTransferFee.epoch();
    }

    /** The newer schedule's rate. */
    public int transferFeeBasisPoints() {
        return newerTransferFee.transferFeeBasisPoints();
    }

    /** The newer schedule's cap. */
    public TokenAmount maximumFee() {
        return newerTransferFee.maximumFee();
    }
}
