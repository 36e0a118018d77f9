package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.PRICE_CACHE_GET;
import static io.soltrade.data.ports.PortOperation.PRICE_CACHE_GET_ALL;
import static io.soltrade.data.ports.PortOperation.PRICE_CACHE_PUT;
import static io.soltrade.data.ports.PortOperation.PRICE_CACHE_PUT_ALL;

import io.soltrade.data.app.config.Port;
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
 * Every operation is idempotent: writes are set-if-newer, so repeating one stores nothing new. A retried put
 * may report {@link PutOutcome#KEPT_NEWER} for a quote its first attempt stored. {@code ttl} and {@code stats}
 * are local and pass straight through.
 */
final class ResilientPriceCache implements PriceCache {
    private static final Port PORT = Port.PRICES;
    private final PriceCache delegate;
    private final BackendGuard guard;

    ResilientPriceCache(PriceCache delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public PutOutcome put(PriceQuote quote) {
        return guard.call(PORT, PRICE_CACHE_PUT, () -> delegate.put(quote));
    }

    @Override
    public List<PutOutcome> putAll(List<PriceQuote> quotes) {
        return guard.call(PORT, PRICE_CACHE_PUT_ALL, () -> delegate.putAll(quotes));
    }

    @Override
    public Optional<PriceQuote> get(TokenSymbol symbol) {
        return guard.call(PORT, PRICE_CACHE_GET, () -> delegate.get(symbol));
    }

    @Override
    public Map<TokenSymbol, PriceQuote> getAll(Collection<TokenSymbol> symbols) {
        return guard.call(PORT, PRICE_CACHE_GET_ALL, () -> delegate.getAll(symbols));
    }

    @Override
    public Duration ttl() {
        return delegate.ttl();
    }

    @Override
    public CacheStats stats() {
        return delegate.stats();
    }
}
