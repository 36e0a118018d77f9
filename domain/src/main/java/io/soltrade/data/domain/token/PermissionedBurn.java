package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Burning this mint's tokens needs {@code authority}'s signature as well as the holder's (spl-token-2022
 * {@code PermissionedBurnConfig}, TLV type 28): a holder cannot leave a position by burning alone.
 */
public record PermissionedBurn(Optional<Pubkey> authority) implements TokenExtension {

    public PermissionedBurn {
        ExtensionChecks.optionalKey(authority, "authority");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PERMISSIONED_BURN;
    }
}
