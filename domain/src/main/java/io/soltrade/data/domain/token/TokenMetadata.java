package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenSymbol;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the platform knows about a mint. Token-2022 mints list their extensions, each at most once (unknown
 * extensions are told apart by their type code); SPL Token mints have none.
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
        extensions = List.copyOf(extensions);
        if (program == TokenProgram.SPL_TOKEN && !extensions.isEmpty()) {
            throw new DomainValidationException("extensions", "an SPL Token mint has no extensions, got " + extensions.size());
        }
        Set<ExtensionType> seen = EnumSet.noneOf(ExtensionType.class);
        Set<Integer> unknownCodes = new java.util.HashSet<>();
        for (TokenExtension extension : extensions) {
            Checks.notNull(extension, "extensions[]");
            boolean fresh = extension instanceof UnknownExtension unknown
                    ? unknownCodes.add(unknown.typeCode())
                    : seen.add(extension.type());
            if (!fresh) {
                throw new DomainValidationException("extensions", extension.type() + " appears more than once");
            }
        }
    }

    /** The extension of the given class, if this mint has it. */
    public <T extends TokenExtension> Optional<T> extension(Class<T> type) {
        return extensions.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public boolean has(ExtensionType type) {
        return extensions.stream().anyMatch(e -> e.type() == type);
    }
}
