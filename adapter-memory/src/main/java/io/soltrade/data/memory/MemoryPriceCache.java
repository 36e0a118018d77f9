package io.soltrade.data.memory;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.PriceCache;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link PriceCache} in a concurrent map: set-if-newer per symbol, a TTL measured on the settings' clock (so a
 * test moves time instead of waiting), and the statistics a real cache keeps, simulated failures counted as
 * errors. Thread-safe.
 */
public final class MemoryPriceCache extends NewestValueCache<MemoryPriceCache, TokenSymbol, PriceQuote> implements PriceCache {
    /** The TTL a cache gets unless told otherwise, the same as the Redis adapter's default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    private static final Names NAMES = new Names("quote", "quotes", "symbol", "symbols");

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
        super("PriceCache", settings, ttl, NAMES, PriceQuote::symbol, PriceQuote::isNewerThan);
    }

    @Override
    MemoryPriceCache self() {
        return this;
    }
}
