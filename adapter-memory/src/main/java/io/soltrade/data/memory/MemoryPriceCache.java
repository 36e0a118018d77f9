package io.soltrade.data.memory;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PriceCache} in a concurrent map: set-if-newer per symbol, a TTL measured on the injected
 * {@link Clock} (so a test moves time instead of waiting), and the same statistics a real cache keeps.
 * Thread-safe.
 */
public final class MemoryPriceCache implements PriceCache {
    /** The TTL a cache gets unless told otherwise, the same as the Redis adapter's default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    static final String BACKEND = "memory";

    private final ExpiringNewestValues<TokenSymbol, PriceQuote> quotes;

    public MemoryPriceCache() {
        this(Clock.systemUTC(), DEFAULT_TTL);
    }

    public MemoryPriceCache(Clock clock, Duration ttl) {
        this.quotes = new ExpiringNewestValues<>(PriceQuote::isNewerThan, clock, ttl);
    }

    @Override
    public PutOutcome put(PriceQuote quote) {
        PortInput.notNull(quote, "quote", BACKEND);
        return quotes.put(quote.symbol(), quote);
    }

    @Override
    public List<PutOutcome> putAll(List<PriceQuote> batch) {
        PortInput.batch(batch, "quotes", BACKEND);
        List<PutOutcome> outcomes = new ArrayList<>(batch.size());
        for (PriceQuote quote : batch) {
            outcomes.add(quotes.put(quote.symbol(), quote));
        }
        return outcomes;
    }

    @Override
    public Optional<PriceQuote> get(TokenSymbol symbol) {
        PortInput.notNull(symbol, "symbol", BACKEND);
        return quotes.get(symbol);
    }

    @Override
    public Map<TokenSymbol, PriceQuote> getAll(Collection<TokenSymbol> symbols) {
        PortInput.batch(symbols, "symbols", BACKEND);
        return quotes.getAll(symbols);
    }

    @Override
    public Duration ttl() {
        return quotes.ttl();
    }

    @Override
    public CacheStats stats() {
        return quotes.stats();
    }
}
