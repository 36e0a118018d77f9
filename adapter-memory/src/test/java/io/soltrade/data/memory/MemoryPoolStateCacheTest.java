package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.poolState;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.contract.PoolStateCacheContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryPoolStateCacheTest extends PoolStateCacheContract {
    private final AdjustableClock clock = new AdjustableClock();
    private final MemoryPoolStateCache cache = new MemoryPoolStateCache(MemorySettings.defaults().withClock(clock), Duration.ofSeconds(2));

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
        PoolState quote = poolState(pubkey(), 1, Instant.EPOCH);
        cache.put(quote);

        clock.advance(Duration.ofSeconds(2).minusNanos(1));
        assertThat(cache.get(quote.pool())).contains(quote);
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get(quote.pool())).isEmpty();
    }

    @Test
    void expiredLookupsAreCountedAsExpiredNotMissed() {
        PoolState quote = poolState(pubkey(), 1, Instant.EPOCH);
        cache.put(quote);
        clock.advancePast(cache.ttl());

        cache.get(quote.pool());

        assertThat(cache.stats().expired()).isEqualTo(1);
        assertThat(cache.stats().misses()).isZero();
    }

    @Test
    void failedWriteStoresNothingAndCountsAnError() {
        PoolState quote = poolState(pubkey(), 1, Instant.EPOCH);
        cache.withFailure(FailurePlan.alwaysTransient().onWritesOnly());

        assertFailsWith(DbErrorKind.CONNECTION, () -> cache.put(quote));
        assertFailsWith(DbErrorKind.CONNECTION, () -> cache.putAll(List.of(quote)));

        assertThat(cache.get(quote.pool())).isEmpty();
        assertThat(cache.stats().errors()).isEqualTo(2);
    }

    @Test
    void failedReadIsCountedAsAnErrorNotAMiss() {
        cache.withFailure(FailurePlan.firstCalls(1, DbErrorKind.TIMEOUT).onReadsOnly());

        assertFailsWith(DbErrorKind.TIMEOUT, () -> cache.get(pubkey()));
        assertThat(cache.getAll(List.of(pubkey()))).isEmpty();

        assertThat(cache.stats().errors()).isEqualTo(1);
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedBeforeTheFailurePlanIsConsulted() {
        cache.withFailure(FailurePlan.firstCalls(1, DbErrorKind.TIMEOUT));

        assertInvalidInput(() -> cache.put(null));
        assertInvalidInput(() -> cache.getAll(null));

        assertFailsWith(DbErrorKind.TIMEOUT, () -> cache.get(pubkey()));
        assertThat(cache.get(pubkey())).isEmpty();
    }

    @Test
    void latencyIsSimulatedOnEveryCall() {
        cache.withLatency(Duration.ofMillis(20));
        long start = System.nanoTime();

        cache.get(pubkey());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    }

    @Test
    void defaultTtlIsTwoSecondsAndANonPositiveTtlIsRefused() {
        assertThat(new MemoryPoolStateCache().ttl()).isEqualTo(Duration.ofSeconds(2));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryPoolStateCache(MemorySettings.defaults(), Duration.ZERO));
    }
}
