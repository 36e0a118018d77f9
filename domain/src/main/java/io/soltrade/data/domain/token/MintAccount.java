package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import java.util.List;
import java.util.Optional;

/**
 * A mint account as the chain holds it, decoded by {@link MintAccountDecoder}: the base mint fields and every
 * extension. {@code mintAuthority} and {@code freezeAuthority} are the base layout's {@code COption<Pubkey>}: empty
 * when the option is {@code None}.
 */
public record MintAccount(
        Pubkey mint,
        TokenProgram program,
        Optional<Pubkey> mintAuthority,
        TokenAmount supply,
        int decimals,
        Optional<Pubkey> freezeAuthority,
        List<TokenExtension> extensions) {

    public MintAccount {
        Checks.notNull(mint, "mint");
        Checks.notNull(program, "program");
        Checks.notNull(mintAuthority, "mintAuthority");
        Checks.notNull(supply, "supply");
        Checks.inRange(decimals, "decimals", 0, 255);
        Checks.notNull(freezeAuthority, "freezeAuthority");
        Checks.notNull(extensions, "extensions");
        for (int i = 0; i < extensions.size(); i++) {
            Checks.notNull(extensions.get(i), "extensions[" + i + "]");
        }
        extensions = List.copyOf(extensions);
    }

    /** The token-metadata extension stored in the mint itself, if it has one. */
    public Optional<TokenMetadataExtension> metadata() {
        return extensions.stream().filter(TokenMetadataExtension.class::isInstance).map(TokenMetadataExtension.class::cast).findFirst();
    }

    /**
     * What the platform keeps about this mint, with the symbol and name of its own token-metadata extension.
     *
     * @throws DomainValidationException when the mint has no metadata extension (its metadata lives elsewhere, e.g. in
     *     a Metaplex account: use {@link #toTokenMetadata(TokenSymbol, String)}) or its symbol or name does not fit
     */
    public TokenMetadata toTokenMetadata() {
        TokenMetadataExtension metadata = metadata().orElseThrow(() -> new DomainValidationException("extensions",
                "mint " + mint + " has no token-metadata extension: pass its symbol and name (e.g. from Metaplex) to toTokenMetadata(symbol, name)"));
        return toTokenMetadata(TokenSymbol.of(metadata.symbol()), metadata.name());
    }

    /** What the platform keeps about this mint, with a symbol and name found elsewhere. */
    public TokenMetadata toTokenMetadata(TokenSymbol symbol, String name) {
        return new TokenMetadata(mint, symbol, name, decimals, program, extensions);
    }
}
