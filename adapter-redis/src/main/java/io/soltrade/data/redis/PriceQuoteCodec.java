package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenSymbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A cached quote: the value key holds the price as its exact plain decimal text (never a double, never exponent
 * notation), so {@code GET ns:price:SOL} answers {@code 187.1234} to any client; the companion key's fields are
 * {@code <source>|<quote mint>}, the base58 mint of the token the price is in. The symbol is the key and the slot and
 * observation time are the version, so neither is repeated.
 */
final class PriceQuoteCodec implements CachedValueCodec<TokenSymbol, PriceQuote> {
    /** More distinct quote mints than any platform prices in; past it the map starts over (still correct, slower). */
    private static final int MAX_KNOWN_MINTS = 64;

    private final RedisKeys keys;
    /**
     * Quote mints already decoded, by their text. Validating a {@link Pubkey} decodes its base58 (big-number arithmetic),
     * which was most of a cache read's client time (80% of {@code get}'s samples in a JFR profile); the quote mint of
     * nearly every price is one of a handful (USDC, SOL), so each text is validated once.
     */
    private final Map<String, Pubkey> knownMints = new ConcurrentHashMap<>();

    PriceQuoteCodec(RedisKeys keys) {
        this.keys = keys;
    }

    @Override
    public String valueName() {
        return "quote";
    }

    @Override
    public String redisKey(TokenSymbol symbol) {
        return keys.price(symbol);
    }

    @Override
    public TokenSymbol keyOf(PriceQuote quote) {
        return quote.symbol();
    }

    @Override
    public long slot(PriceQuote quote) {
        return quote.slot();
    }

    @Override
    public Instant observedAt(PriceQuote quote) {
        return quote.observedAt();
    }

    @Override
    public String text(PriceQuote quote) {
        return quote.price().toPlainString();
    }

    @Override
    public void appendFields(StringBuilder out, PriceQuote quote) {
        out.append(quote.source()).append('|').append(quote.quote().base58());
    }

    @Override
    public PriceQuote decode(TokenSymbol symbol, long slot, Instant observedAt, String text, String fields) {
        int bar = fields.lastIndexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("no '|' between source and quote mint in '" + fields + "'");
        }
        Pubkey quote = mint(fields.substring(bar + 1));
        return new PriceQuote(symbol, new BigDecimal(text), slot, observedAt, fields.substring(0, bar), quote);
    }

    private Pubkey mint(String text) {
        Pubkey known = knownMints.get(text);
        if (known != null) {
            return known;
        }
        Pubkey mint = Pubkey.of(text);
        if (knownMints.size() >= MAX_KNOWN_MINTS) {
            knownMints.clear();
        }
        knownMints.put(text, mint);
        return mint;
    }

    /** How many distinct quote mints are remembered (for tests). */
    int knownMintCount() {
        return knownMints.size();
    }
}
