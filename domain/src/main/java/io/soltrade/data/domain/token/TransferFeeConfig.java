package io.soltrade.data.domain.token;

import io.soltrade.data.domain.TokenAmount;

/** Placeholder shape; completed with fee arithmetic in the domain work. */
public record TransferFeeConfig(long epoch, int transferFeeBasisPoints, TokenAmount maximumFee) implements TokenExtension {
    @Override
    public ExtensionType type() {
        return ExtensionType.TRANSFER_FEE_CONFIG;
    }
}
