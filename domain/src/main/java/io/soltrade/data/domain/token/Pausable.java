package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Minting, burning and transfers can be paused by {@code authority}; while {@code paused}, no trade of this
 * token can settle.
 */
public record Pausable(Optional<Pubkey> authority, boolean paused) implements TokenExtension {

    public Pausable {
        ExtensionChecks.optionalKey(authority, "authority");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PAUSABLE;
    }
}
