package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PriceCache} on Redis: {@code <ns>:price:<symbol>} holds the decimal price and {@code <ns>:meta:{<ns>:price:<symbol>}}
 * {@code <version>|<source>|<quote mint>}, with the cache TTL, written set-if-newer by a Lua script. See {@link VersionedCache} for the commands each call sends.
 */
final class RedisPriceCache implements PriceCache {
    private final VersionedCache<TokenSymbol, PriceQuote> cache;

    RedisPriceCache(RedisConnections connections, RedisKeys keys, LuaScript setIfNewer, Duration ttl) {
        this.cache = new VersionedCache<>(connections, keys, VersionedCache.Operations.PRICES, setIfNewer, new PriceQuoteCodec(keys), ttl);
    }

    @Override
    public PutOutcome put(PriceQuote quote) {
        return cache.put(quote);
    }

    @Override
    public List<PutOutcome> putAll(List<PriceQuote> quotes) {
        return cache.putAll(quotes);
    }

    @Override
    public Optional<PriceQuote> get(TokenSymbol symbol) {
        return cache.get(symbol);
    }

    @Override
    public Map<TokenSymbol, PriceQuote> getAll(Collection<TokenSymbol> symbols) {
        return cache.getAll(symbols);
    }

    @Override
    public Duration ttl() {
        return cache.ttl();
    }

    @Override
    public CacheStats stats() {
        return cache.stats();
    }

    CacheStatistics statistics() {
        return cache.statistics();
    }
}
