package io.soltrade.data.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The price quotes the Redis scenarios write, each with a slot higher than the last (so set-if-newer always
 * stores), and their raw-side encodings: the JSON the raw publisher sends, and the cache value the raw side SETs,
 * the same size as ours ({@code <version>|<price>|<source>}). Thread-safe. Public for the codec micro-benchmarks
 * (bench's tests), which time the same raw encoding and reading as the scenarios.
 */
public final class BenchQuotes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AtomicLong slot = new AtomicLong(300_000_000L);

    PriceQuote next(TokenSymbol symbol) {
        long next = slot.incrementAndGet();
        return new PriceQuote(symbol, BigDecimal.valueOf(150_000_000 + next % 10_000, 6), next, Instant.now(), "bench");
    }

    List<PriceQuote> next(List<TokenSymbol> symbols) {
        List<PriceQuote> quotes = new ArrayList<>(symbols.size());
        for (TokenSymbol symbol : symbols) {
            quotes.add(next(symbol));
        }
        return quotes;
    }

    /** {@code count} symbols {@code B0, B1, ...}. */
    static List<TokenSymbol> symbols(int count) {
        List<TokenSymbol> symbols = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            symbols.add(TokenSymbol.of("B" + i));
        }
        return symbols;
    }

    /** What the raw side caches: slot and observation time (the version), price and source. */
    static String cacheValue(PriceQuote quote) {
        return quote.slot() + ":" + quote.observedAt().toEpochMilli() + "|" + quote.price().toPlainString() + "|" + quote.source();
    }

    /** The raw side's stream entry and feed message: the quote as JSON, as a host would write it by hand. */
    public static String json(PriceQuote quote) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "price");
        node.put("symbol", quote.symbol().value());
        node.put("price", quote.price().toPlainString());
        node.put("slot", quote.slot());
        node.put("observedAt", quote.observedAt().toString());
        node.put("source", quote.source());
        return node.toString();
    }

    /** The slot of a quote the raw side sent as {@link #json}. */
    public static long slotOf(String json) {
        try {
            return JSON.readTree(json).get("slot").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not a quote message: " + json, e);
        }
    }
}
