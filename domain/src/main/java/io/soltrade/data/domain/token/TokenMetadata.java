package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenSymbol;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the platform knows about a mint. Token-2022 mints list their extensions, each TLV type code at most once
 * (as on chain; an {@link UnknownExtension} counts under its own code); SPL Token mints have none.
 */
public record TokenMetadata(
        Pubkey mint,
        TokenSymbol symbol,
        String name,
        int decimals,
        TokenProgram program,
        List<TokenExtension> extensions) {

    public TokenMetadata {
        Checks.notNull(mint, "mint");
        Checks.notNull(symbol, "symbol");
        Checks.text(name, "name", 128);
        Checks.inRange(decimals, "decimals", 0, 255);
        Checks.notNull(program, "program");
        Checks.notNull(extensions, "extensions");
        for (int i = 0; i < extensions.size(); i++) {
            Checks.notNull(extensions.get(i), "extensions[" + i + "]");
        }
        extensions = List.copyOf(extensions);
        if (program == TokenProgram.SPL_TOKEN && !extensions.isEmpty()) {
            throw new DomainValidationException("extensions", "an SPL Token mint has no extensions, got " + extensions.size());
        }
        Set<Integer> codes = new HashSet<>();
        for (int i = 0; i < extensions.size(); i++) {
            TokenExtension extension = extensions.get(i);
            if (!codes.add(extension.typeCode())) {
                throw new DomainValidationException("extensions", "type code " + extension.typeCode() + " (" + ExtensionType.ofCode(extension.typeCode())
                        + ") appears more than once");
            }
        }
    }

    /** The extension of the given class, if this mint has it. */
    public <T extends TokenExtension> Optional<T> extension(Class<T> type) {
        return extensions.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /**
     * Whether this mint has an extension of {@code type}; for a named type, an {@link UnknownExtension} carrying
     * its code counts too. {@code has(UNKNOWN)} says whether any extension is unknown.
     */
    public boolean has(ExtensionType type) {
        Checks.notNull(type, "type");
        return extensions.stream().anyMatch(e -> e.type() == type || type != ExtensionType.UNKNOWN && e.typeCode() == type.code());
    }
}
