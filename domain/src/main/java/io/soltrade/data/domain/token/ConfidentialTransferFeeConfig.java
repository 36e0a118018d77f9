package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Transfer fees on confidential transfers: withheld fees are encrypted under
 * {@code withdrawWithheldAuthorityElgamalPubkey}.
 *
 * @param authority may change the withdraw-withheld ElGamal key
 * @param harvestToMintEnabled whether withheld fees may be harvested to the mint
 * @param withheldAmount the encrypted fees harvested to the mint
 */
public record ConfidentialTransferFeeConfig(
        Optional<Pubkey> authority,
        ElGamalPubkey withdrawWithheldAuthorityElgamalPubkey,
        boolean harvestToMintEnabled,
        ElGamalCiphertext withheldAmount) implements TokenExtension {

    public ConfidentialTransferFeeConfig {
        ExtensionChecks.optionalKey(authority, "authority");
        Checks.notNull(withdrawWithheldAuthorityElgamalPubkey, "withdrawWithheldAuthorityElgamalPubkey");
        Checks.notNull(withheldAmount, "withheldAmount");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CONFIDENTIAL_TRANSFER_FEE_CONFIG;
    }
}
