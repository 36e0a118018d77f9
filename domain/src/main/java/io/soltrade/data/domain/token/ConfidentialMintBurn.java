package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;

/**
 * Tokens are minted and burnt confidentially: the supply is an ElGamal ciphertext, so the public supply field of
 * the mint says nothing about the real supply.
 *
 * @param confidentialSupply the supply, encrypted under {@code supplyElgamalPubkey}
 * @param decryptableSupply an unverified AES-encrypted cache of the supply, for the mint authority
 * @param pendingBurn burns not yet folded into {@code confidentialSupply}
 */
public record ConfidentialMintBurn(
        ElGamalCiphertext confidentialSupply,
        AeCiphertext decryptableSupply,
        ElGamalPubkey supplyElgamalPubkey,
        ElGamalCiphertext pendingBurn) implements TokenExtension {

    public ConfidentialMintBurn {
        Checks.notNull(confidentialSupply, "confidentialSupply");
        Checks.notNull(decryptableSupply, "decryptableSupply");
        Checks.notNull(supplyElgamalPubkey, "supplyElgamalPubkey");
        Checks.notNull(pendingBurn, "pendingBurn");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CONFIDENTIAL_MINT_BURN;
    }
}
