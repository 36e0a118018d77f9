package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Every transfer also calls {@code programId}, which can reject it: swaps must pass the hook's extra accounts.
 *
 * @param authority may change the hook program
 * @param programId the hook program; none disables the hook
 */
public record TransferHook(Optional<Pubkey> authority, Optional<Pubkey> programId) implements TokenExtension {

    public TransferHook {
        ExtensionChecks.optionalKey(authority, "authority");
        ExtensionChecks.optionalKey(programId, "programId");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.TRANSFER_HOOK;
    }
}
