package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/** Lets {@code closeAuthority} close the mint once its supply is zero (and reclaim its rent). */
public record MintCloseAuthority(Optional<Pubkey> closeAuthority) implements TokenExtension {

    public MintCloseAuthority {
        ExtensionChecks.optionalKey(closeAuthority, "closeAuthority");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.MINT_CLOSE_AUTHORITY;
    }
}
