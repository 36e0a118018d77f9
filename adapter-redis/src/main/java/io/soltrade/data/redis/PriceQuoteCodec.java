package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenSymbol;
import java.time.Instant;

/**
 * A cached quote: the value key holds the price as its exact plain decimal text (never a double, never exponent
 * notation), so {@code GET ns:price:SOL} answers {@code 187.1234} to any client; the companion key's fields are
 * {@code <source>|<quote mint>}, the base58 mint of the token the price is in. The symbol is the key and the slot and
 * observation time are the version, so neither is repeated.
 */
final class PriceQuoteCodec implements CachedValueCodec<TokenSymbol, PriceQuote> {
    private final RedisKeys keys;
    private final QuoteMints mints = new QuoteMints();

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
        Pubkey quote = mints.of(fields.substring(bar + 1));
        return new PriceQuote(symbol, PlainDecimal.parse(text), slot, observedAt, fields.substring(0, bar), quote);
    }

    /** How many distinct quote mints are remembered (for tests). */
    int knownMintCount() {
        return mints.size();
    }
}
