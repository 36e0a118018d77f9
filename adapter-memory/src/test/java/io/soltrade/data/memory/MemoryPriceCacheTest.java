package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.priceQuote;
import static io.soltrade.data.ports.contract.ContractFixtures.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.contract.PriceCacheContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryPriceCacheTest extends PriceCacheContract {
    private final AdjustableClock clock = new AdjustableClock();
    private final MemoryPriceCache cache = new MemoryPriceCache(MemorySettings.defaults().withClock(clock), Duration.ofSeconds(2));

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
        PriceQuote quote = priceQuote(symbol(), 1, Instant.EPOCH);
        cache.put(quote);

        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(cache.get(quote.symbol())).contains(quote);
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get(quote.symbol())).isEmpty();
    }

    @Test
    void expiredLookupsAreCountedAsExpiredNotMissed() {
        PriceQuote quote = priceQuote(symbol(), 1, Instant.EPOCH);
        cache.put(quote);
        clock.advancePast(cache.ttl());

        cache.get(quote.symbol());

        assertThat(cache.stats().expired()).isEqualTo(1);
        assertThat(cache.stats().misses()).isZero();
    }

    @Test
    void failedWriteStoresNothingAndCountsAnError() {
        PriceQuote quote = priceQuote(symbol(), 1, Instant.EPOCH);
        cache.withFailure(FailurePlan.alwaysTransient().onWritesOnly());

        assertFailsWith(DbErrorKind.CONNECTION, () -> cache.put(quote));
        assertFailsWith(DbErrorKind.CONNECTION, () -> cache.putAll(List.of(quote)));

        assertThat(cache.get(quote.symbol())).isEmpty();
        assertThat(cache.stats().errors()).isEqualTo(2);
    }

    @Test
    void failedReadIsCountedAsAnErrorNotAMiss() {
        cache.withFailure(FailurePlan.firstCalls(1, DbErrorKind.TIMEOUT).onReadsOnly());

        assertFailsWith(DbErrorKind.TIMEOUT, () -> cache.get(symbol()));
        assertThat(cache.getAll(List.of(symbol()))).isEmpty();

        assertThat(cache.stats().errors()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedBeforeTheFailurePlanIsConsulted() {
        cache.withFailure(FailurePlan.firstCalls(1, DbErrorKind.TIMEOUT));

        assertInvalidInput(() -> cache.put(null));
        assertInvalidInput(() -> cache.getAll(null));

        assertFailsWith(DbErrorKind.TIMEOUT, () -> cache.get(symbol()));
        assertThat(cache.get(symbol())).isEmpty();
    }

    @Test
    void latencyIsSimulatedOnEveryCall() {
        cache.withLatency(Duration.ofMillis(20));
        long start = System.nanoTime();

        cache.get(symbol());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void defaultTtlIsTwoSecondsAndANonPositiveTtlIsRefused() {
        assertThat(new MemoryPriceCache().ttl()).isEqualTo(Duration.ofSeconds(2));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryPriceCache(MemorySettings.defaults(), Duration.ZERO));
    }
}
