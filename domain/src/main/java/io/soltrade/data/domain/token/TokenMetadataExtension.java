package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token-metadata interface's data stored in the mint itself (name, symbol, uri and free key/value fields),
 * named apart from {@link TokenMetadata}, which is what the platform knows about a mint. Strings are kept as on
 * chain: they may be empty, and are only bounded so that one mint cannot blow up a store.
 *
 * @param updateAuthority may change the metadata; none means it is immutable
 * @param mint the mint this metadata describes
 * @param additionalMetadata extra fields in on-chain order, keys unique
 */
public record TokenMetadataExtension(
        Optional<Pubkey> updateAuthority,
        Pubkey mint,
        String name,
        String symbol,
        String uri,
        Map<String, String> additionalMetadata) implements TokenExtension {
    public static final int MAX_TEXT_LENGTH = 10_000;
    public static final int MAX_ADDITIONAL_FIELDS = 1_000;

    public TokenMetadataExtension {
        ExtensionChecks.optionalKey(updateAuthority, "updateAuthority");
        Checks.notNull(mint, "mint");
        ExtensionChecks.onChainText(name, "name", MAX_TEXT_LENGTH);
        ExtensionChecks.onChainText(symbol, "symbol", MAX_TEXT_LENGTH);
        ExtensionChecks.onChainText(uri, "uri", MAX_TEXT_LENGTH);
        Checks.notNull(additionalMetadata, "additionalMetadata");
        if (additionalMetadata.size() > MAX_ADDITIONAL_FIELDS) {
            throw new DomainValidationException("additionalMetadata", "has " + additionalMetadata.size() + " entries, at most " + MAX_ADDITIONAL_FIELDS + " allowed");
        }
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : additionalMetadata.entrySet()) {
            String key = ExtensionChecks.onChainText(entry.getKey(), "additionalMetadata key", MAX_TEXT_LENGTH);
            copy.put(key, ExtensionChecks.onChainText(entry.getValue(), "additionalMetadata." + key, MAX_TEXT_LENGTH));
        }
        additionalMetadata = Collections.unmodifiableMap(copy);
    }

    /** Metadata without additional fields. */
    public TokenMetadataExtension(Optional<Pubkey> updateAuthority, Pubkey mint, String name, String symbol, String uri) {
        this(updateAuthority, mint, name, symbol, uri, Map.of());
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.TOKEN_METADATA;
    }
}
