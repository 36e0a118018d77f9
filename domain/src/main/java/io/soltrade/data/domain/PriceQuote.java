package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A token's price, in units of the {@code quote} token (USDC, SOL or any mint) per whole token, as one source saw it
 * at one slot. Quotes are ordered by slot, then by observation time: a cache keeps only the newest.
 */
public record PriceQuote(TokenSymbol symbol, BigDecimal price, long slot, Instant observedAt, String source, Pubkey quote) {
    /** A source is {@code [a-z0-9_.-]{1,32}}. */
    private static final int SOURCE_MAX_LENGTH = 32;

    public PriceQuote {
        Checks.notNull(symbol, "symbol");
        price = ExactDecimal.positive(price, "price");
        Checks.nonNegative(slot, "slot");
        observedAt = Checks.timestamp(observedAt, "observedAt");
        if (!isSource(source)) {
            Checks.matchesChars(source, "source", SOURCE_MAX_LENGTH, PriceQuote::isSourceChar, "1 to 32 of a-z 0-9 _ . -"); // throws: the message
        }
        Checks.notNull(quote, "quote");
    }

    /** A price in USDC ({@link QuoteTokens#USDC}). */
    public PriceQuote(TokenSymbol symbol, BigDecimal price, long slot, Instant observedAt, String source) {
        this(symbol, price, slot, observedAt, source, QuoteTokens.USDC);
    }

    /**
     * The same test as the {@code matchesChars} call, as one loop with a static call per character instead of an
     * interface call through the predicate: a live-feed subscriber builds a quote per message, mostly interpreted at
     * 10 Hz, where each call counts.
     */
    private static boolean isSource(String source) {
        if (source == null || source.isEmpty() || source.length() > SOURCE_MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < source.length(); i++) {
            if (!isSourceChar(source.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSourceChar(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** True when this quote should replace {@code other}: a later slot, or the same slot observed later. */
    public boolean isNewerThan(PriceQuote other) {
        Checks.notNull(other, "other");
        return slot != other.slot ? slot > other.slot : observedAt.isAfter(other.observedAt);
    }
}
