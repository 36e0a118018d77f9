package io.soltrade.data.domain;

/**
 * What identifies a position: one trader's holding of one token in one mode, priced in one quote token. Fills
 * priced in different quote tokens never meet in one position (its average entry price would mix units), so a
 * trader who buys a token with USDC and with SOL holds two positions.
 */
public record PositionKey(TraderId trader, TradingMode mode, Pubkey token, Pubkey quote) {

    public PositionKey {
        Checks.notNull(trader, "trader");
        Checks.notNull(mode, "mode");
        Checks.notNull(token, "token");
        Checks.notNull(quote, "quote");
        if (token.equals(quote)) {
            throw new DomainValidationException("quote", "equals token " + token + ": a token is not priced in itself");
        }
    }

    /** A position priced in USDC. */
    public static PositionKey inUsdc(TraderId trader, TradingMode mode, Pubkey token) {
        return new PositionKey(trader, mode, token, QuoteTokens.USDC);
    }
}
