package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.contract.PoolStateCacheContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryPoolStateCacheTest extends PoolStateCacheContract {
    private final AdjustableClock clock = new AdjustableClock();
    private final MemoryPoolStateCache cache = new MemoryPoolStateCache(clock, Duration.ofSeconds(2));

    @Override
    protected PoolStateCache poolStateCache() {
        return cache;
    }

    @Override
    protected void advancePast(Duration duration) {
        clock.advancePast(duration);
    }

    @Test
    void quoteIsServedUntilTheLastInstantOfItsTtl() {
        PoolState quote = poolState(randomPool(), 1, Instant.EPOCH);
        cache.put(quote);

        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(cache.get(quote.pool())).contains(quote);
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get(quote.pool())).isEmpty();
    }

    @Test
    void expiredLookupsAreCountedAsExpiredNotMissed() {
        PoolState quote = poolState(randomPool(), 1, Instant.EPOCH);
        cache.put(quote);
        clock.advancePast(cache.ttl());

        cache.get(quote.pool());

        assertThat(cache.stats().expired()).isEqualTo(1);
        assertThat(cache.stats().misses()).isZero();
    }

    @Test
    void defaultTtlIsTwoSeconds() {
        assertThat(new MemoryPoolStateCache().ttl()).isEqualTo(Duration.ofSeconds(2));
    }
}
