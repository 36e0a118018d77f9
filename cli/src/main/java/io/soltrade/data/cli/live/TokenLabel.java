package io.soltrade.data.cli.live;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.token.TokenMetadata;
import java.util.Objects;

/** How the page names a token and scales its amounts: the symbol and decimals the configuration store knows. */
record TokenLabel(Pubkey mint, String symbol, int decimals) {

    TokenLabel {
        Objects.requireNonNull(mint, "mint is null");
        Objects.requireNonNull(symbol, "symbol is null");
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must not be negative: " + decimals);
        }
    }

    static TokenLabel of(TokenMetadata metadata) {
        return new TokenLabel(metadata.mint(), metadata.symbol().value(), metadata.decimals());
    }
}
