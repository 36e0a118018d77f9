package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Points at the account holding this mint's group configuration (often the mint itself, see {@link TokenGroup}).
 *
 * @param authority may change the pointer
 */
public record GroupPointer(Optional<Pubkey> authority, Optional<Pubkey> groupAddress) implements TokenExtension {

    public GroupPointer {
        ExtensionChecks.optionalKey(authority, "authority");
        ExtensionChecks.optionalKey(groupAddress, "groupAddress");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.GROUP_POINTER;
    }
}
