package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.contract.PriceCacheContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryPriceCacheTest extends PriceCacheContract {
    private final AdjustableClock clock = new AdjustableClock();
    private final MemoryPriceCache cache = new MemoryPriceCache(clock, Duration.ofSeconds(2));

    @Override
    protected PriceCache priceCache() {
        return cache;
    }

    @Override
    protected void advancePast(Duration duration) {
        clock.advancePast(duration);
    }

    @Test
    void quoteIsServedUntilTheLastInstantOfItsTtl() {
        PriceQuote quote = quote(randomSymbol(), 1, Instant.EPOCH);
        cache.put(quote);

        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(cache.get(quote.symbol())).contains(quote);
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get(quote.symbol())).isEmpty();
    }

    @Test
    void expiredLookupsAreCountedAsExpiredNotMissed() {
        PriceQuote quote = quote(randomSymbol(), 1, Instant.EPOCH);
        cache.put(quote);
        clock.advancePast(cache.ttl());

        cache.get(quote.symbol());

        assertThat(cache.stats().expired()).isEqualTo(1);
        assertThat(cache.stats().misses()).isZero();
    }

    @Test
    void defaultTtlIsTwoSeconds() {
        assertThat(new MemoryPriceCache().ttl()).isEqualTo(Duration.ofSeconds(2));
    }
}
