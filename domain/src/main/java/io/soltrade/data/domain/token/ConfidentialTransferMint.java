package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Confidential (encrypted-amount) transfers are enabled for this mint.
 *
 * @param authority may change this configuration and approve new accounts
 * @param autoApproveNewAccounts true when accounts may transfer confidentially without the authority's approval
 * @param auditorElgamalPubkey when present, its holder can decrypt every confidential transfer amount
 */
public record ConfidentialTransferMint(
        Optional<Pubkey> authority,
        boolean autoApproveNewAccounts,
        Optional<ElGamalPubkey> auditorElgamalPubkey) implements TokenExtension {

    public ConfidentialTransferMint {
        ExtensionChecks.optionalKey(authority, "authority");
        Checks.notNull(auditorElgamalPubkey, "auditorElgamalPubkey");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.CONFIDENTIAL_TRANSFER_MINT;
    }
}
