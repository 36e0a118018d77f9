package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TokenSymbol;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A cached quote's payload: {@code <price>|<source>|<quote mint>}, the price as its exact plain decimal text (never a
 * double, never exponent notation) and the base58 mint of the token it is priced in. The symbol is the key and the
 * slot and observation time are the version, so neither is repeated. A payload written before quote tokens existed
 * ({@code <price>|<source>}) reads as priced in USDC.
 */
final class PriceQuoteCodec implements CachedValueCodec<TokenSymbol, PriceQuote> {
    private final RedisKeys keys;

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
    public void appendPayload(StringBuilder out, PriceQuote quote) {
        out.append(quote.price().toPlainString()).append('|').append(quote.source()).append('|').append(quote.quote().base58());
    }

    @Override
    public PriceQuote decode(TokenSymbol symbol, long slot, Instant observedAt, String payload) {
        int bar = payload.indexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("no '|' between price and source in '" + payload + "'");
        }
        int secondBar = payload.indexOf('|', bar + 1);
        String source = secondBar < 0 ? payload.substring(bar + 1) : payload.substring(bar + 1, secondBar);
        Pubkey quote = secondBar < 0 ? QuoteTokens.USDC : Pubkey.of(payload.substring(secondBar + 1));
        return new PriceQuote(symbol, new BigDecimal(payload.substring(0, bar)), slot, observedAt, source, quote);
    }
}
