package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Points at the account holding this mint's metadata (often the mint itself, see {@link TokenMetadataExtension}).
 *
 * @param authority may change the pointer
 */
public record MetadataPointer(Optional<Pubkey> authority, Optional<Pubkey> metadataAddress) implements TokenExtension {

    public MetadataPointer {
        ExtensionChecks.optionalKey(authority, "authority");
        ExtensionChecks.optionalKey(metadataAddress, "metadataAddress");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.METADATA_POINTER;
    }
}
