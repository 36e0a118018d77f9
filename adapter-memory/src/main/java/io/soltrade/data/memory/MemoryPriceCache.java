package io.soltrade.data.memory;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.DbException;
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
 * {@link PriceCache} in a concurrent map: set-if-newer per symbol, a TTL measured on the settings' clock (so a
 * test moves time instead of waiting), and the statistics a real cache keeps, simulated failures counted as
 * errors. Thread-safe.
 */
public final class MemoryPriceCache extends SimulatedStore<MemoryPriceCache> implements PriceCache {
    /** The TTL a cache gets unless told otherwise, the same as the Redis adapter's default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    private static final String BACKEND = Simulation.BACKEND;

    private final ExpiringNewestValues<TokenSymbol, PriceQuote> quotes;

    public MemoryPriceCache() {
        this(MemorySettings.defaults());
    }

    public MemoryPriceCache(MemorySettings settings) {
        this(settings, DEFAULT_TTL);
    }

    /** A cache on {@code clock} with no simulated failures or latency. */
    public MemoryPriceCache(Clock clock, Duration ttl) {
        this(MemorySettings.defaults().withClock(clock), ttl);
    }

    public MemoryPriceCache(MemorySettings settings, Duration ttl) {
        super("PriceCache", settings);
        this.quotes = new ExpiringNewestValues<>(PriceQuote::isNewerThan, settings.clock(), ttl);
    }

    @Override
    MemoryPriceCache self() {
        return this;
    }

    @Override
    public PutOutcome put(PriceQuote quote) {
        PortInput.notNull(quote, "quote", BACKEND);
        simulate(true, "put");
        return quotes.put(quote.symbol(), quote);
    }

    @Override
    public List<PutOutcome> putAll(List<PriceQuote> batch) {
        PortInput.batch(batch, "quotes", BACKEND);
        if (batch.isEmpty()) {
            return List.of();
        }
        simulate(true, "putAll");
        List<PutOutcome> outcomes = new ArrayList<>(batch.size());
        for (PriceQuote quote : batch) {
            outcomes.add(quotes.put(quote.symbol(), quote));
        }
        return outcomes;
    }

    @Override
    public Optional<PriceQuote> get(TokenSymbol symbol) {
        PortInput.notNull(symbol, "symbol", BACKEND);
        simulate(false, "get");
        return quotes.get(symbol);
    }

    @Override
    public Map<TokenSymbol, PriceQuote> getAll(Collection<TokenSymbol> symbols) {
        PortInput.batch(symbols, "symbols", BACKEND);
        if (symbols.isEmpty()) {
            return Map.of();
        }
        simulate(false, "getAll");
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

    private void simulate(boolean write, String operation) {
        try {
            if (write) {
                simulation.beforeWrite(operation);
            } else {
                simulation.beforeRead(operation);
            }
        } catch (DbException e) {
            quotes.countError();
            throw e;
        }
    }
}
