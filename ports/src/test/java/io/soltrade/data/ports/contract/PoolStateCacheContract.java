package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.ABOVE_LONG_MAX;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.Dex;
import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PutOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link PoolStateCache} shares: the rules of {@link PriceCacheContract} (set-if-newer by
 * slot then observation time, a fresh TTL per stored state, expired states never served, batch order, stats),
 * keyed by pool address, plus an exact round trip of every field of a {@link PoolState}. Every test uses fresh
 * random pool addresses.
 *
 * <p>The decisions written in {@link PriceCacheContract}'s Javadoc hold here too: an equally new state is
 * {@code KEPT_NEWER}; only a stored state restarts the TTL; an expired state takes no part in set-if-newer;
 * {@code getAll} iterates in request order; stats count per pool looked up.
 */
@Timeout(120)
public abstract class PoolStateCacheContract {
    private static final Instant BASE_TIME = Instant.parse("2025-06-01T12:00:00.123456Z");

    private PoolStateCache cache;

    /** The cache under test; called once before each test. It may be shared between tests. */
    protected abstract PoolStateCache poolStateCache();

    /**
     * Lets more than {@code duration} pass as the cache measures time. The default waits in real time; an
     * adapter whose clock is injected overrides this to advance that clock.
     */
    protected void advancePast(Duration duration) {
        long start = System.nanoTime();
        long target = duration.toNanos() + Duration.ofMillis(25).toNanos();
        await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.nanoTime() - start > target);
    }

    @BeforeEach
    final void createCache() {
        cache = poolStateCache();
    }

    @Test
    void firstStateForAPoolIsStoredAndReadBack() {
        PoolState state = poolState(pubkey(), 1_000, BASE_TIME);

        assertThat(cache.put(state)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(state.pool())).contains(state);
    }

    @Test
    void everyFieldRoundTripsExactly() {
        for (Dex dex : Dex.values()) {
            PoolState extreme = new PoolState(dex, pubkey(), pubkey(), pubkey(), TokenAmount.MAX,
                    ABOVE_LONG_MAX, 10_000, Long.MAX_VALUE, Instant.parse("2261-12-31T23:59:59.999999Z"));
            PoolState empty = new PoolState(dex, pubkey(), pubkey(), pubkey(), TokenAmount.ZERO,
                    TokenAmount.ZERO, 0, 0, Instant.EPOCH.plusNanos(1_000));
            for (PoolState state : List.of(extreme, empty)) {
                cache.put(state);
                assertThat(cache.get(state.pool())).contains(state);
            }
        }
    }

    @Test
    void unknownPoolIsEmpty() {
        assertThat(cache.get(pubkey())).isEmpty();
    }

    @Test
    void olderStateNeverOverwritesNewer() {
        Pubkey pool = pubkey();
        PoolState newer = poolState(pool, 100, BASE_TIME);
        cache.put(newer);

        assertThat(cache.put(poolState(pool, 99, BASE_TIME.plusSeconds(60)))).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(pool)).contains(newer);
    }

    @Test
    void laterSlotReplacesAndSameSlotIsOrderedByObservationTime() {
        Pubkey pool = pubkey();
        cache.put(poolState(pool, 100, BASE_TIME));
        PoolState laterSlot = poolState(pool, 101, BASE_TIME.minusSeconds(60));
        PoolState laterObservation = poolState(pool, 101, BASE_TIME);

        assertThat(cache.put(laterSlot)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.put(laterObservation)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.put(laterSlot)).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(pool)).contains(laterObservation);
    }

    @Test
    void retriedPutIsKeptAsNewer() {
        PoolState state = poolState(pubkey(), 100, BASE_TIME);
        cache.put(state);

        assertThat(cache.put(state)).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(state.pool())).contains(state);
    }

    @Test
    void expiredStateIsNeverServed() {
        PoolState state = poolState(pubkey(), 100, BASE_TIME);
        cache.put(state);

        advancePast(cache.ttl());

        assertThat(cache.get(state.pool())).isEmpty();
        assertThat(cache.getAll(List.of(state.pool()))).isEmpty();
    }

    @Test
    void eachStoredStateRestartsTheTtl() {
        Pubkey pool = pubkey();
        Duration moreThanHalf = cache.ttl().multipliedBy(6).dividedBy(10);
        cache.put(poolState(pool, 100, BASE_TIME));
        advancePast(moreThanHalf);
        PoolState newer = poolState(pool, 101, BASE_TIME);

        assertThat(cache.put(newer)).isEqualTo(PutOutcome.STORED);
        advancePast(moreThanHalf);

        assertThat(cache.get(pool)).as("stored %s ago, ttl %s", moreThanHalf, cache.ttl()).contains(newer);
    }

    @Test
    void rejectedOlderStateDoesNotExtendTheTtl() {
        Pubkey pool = pubkey();
        Duration moreThanHalf = cache.ttl().multipliedBy(6).dividedBy(10);
        cache.put(poolState(pool, 100, BASE_TIME));
        advancePast(moreThanHalf);

        assertThat(cache.put(poolState(pool, 99, BASE_TIME))).isEqualTo(PutOutcome.KEPT_NEWER);
        advancePast(moreThanHalf);

        assertThat(cache.get(pool)).isEmpty();
    }

    @Test
    void expiredStateNoLongerBlocksAnOlderSlot() {
        Pubkey pool = pubkey();
        cache.put(poolState(pool, 100, BASE_TIME));
        advancePast(cache.ttl());
        PoolState older = poolState(pool, 50, BASE_TIME);

        assertThat(cache.put(older)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(pool)).contains(older);
    }

    @Test
    void putAllReturnsOutcomesInOrderAsIfPutOneByOne() {
        Pubkey cached = pubkey();
        Pubkey fresh = pubkey();
        Pubkey twice = pubkey();
        cache.put(poolState(cached, 100, BASE_TIME));

        List<PutOutcome> outcomes = cache.putAll(List.of(
                poolState(cached, 90, BASE_TIME),
                poolState(fresh, 1, BASE_TIME),
                poolState(twice, 5, BASE_TIME),
                poolState(twice, 4, BASE_TIME),
                poolState(fresh, 2, BASE_TIME)));

        assertThat(outcomes).containsExactly(PutOutcome.KEPT_NEWER, PutOutcome.STORED, PutOutcome.STORED,
                PutOutcome.KEPT_NEWER, PutOutcome.STORED);
        assertThat(cache.get(cached).orElseThrow().slot()).isEqualTo(100);
        assertThat(cache.get(fresh).orElseThrow().slot()).isEqualTo(2);
        assertThat(cache.get(twice).orElseThrow().slot()).isEqualTo(5);
        assertThat(cache.putAll(List.of())).isEmpty();
    }

    @Test
    void getAllOfFiftyPoolsReturnsTheCachedOnesInRequestOrder() {
        List<PoolState> states = IntStream.range(0, 50).mapToObj(i -> poolState(pubkey(), 10 + i, BASE_TIME)).toList();
        cache.putAll(states);
        List<Pubkey> requested = new ArrayList<>();
        states.forEach(s -> requested.add(s.pool()));
        IntStream.range(0, 5).forEach(i -> requested.add(pubkey()));
        Collections.shuffle(requested);

        Map<Pubkey, PoolState> found = cache.getAll(requested);

        assertThat(found).hasSize(50);
        states.forEach(s -> assertThat(found).containsEntry(s.pool(), s));
        assertThat(found.keySet()).containsExactlyElementsOf(requested.stream().filter(found::containsKey).toList());
        assertThat(cache.getAll(List.of())).isEmpty();
    }

    @Test
    void concurrentWritersLeaveTheNewestState() throws Exception {
        Pubkey pool = pubkey();
        List<Long> slots = new ArrayList<>(IntStream.rangeClosed(1, 200).mapToObj(i -> (long) i).toList());
        Collections.shuffle(slots);

        List<Long> storedPerWriter = Concurrently.call(4, writer -> slots.subList(writer * 50, writer * 50 + 50).stream()
                .filter(slot -> cache.put(poolState(pool, slot, BASE_TIME)) == PutOutcome.STORED).count());

        assertThat(storedPerWriter.stream().mapToLong(Long::longValue).sum()).isBetween(1L, 200L);
        assertThat(cache.get(pool).orElseThrow().slot()).isEqualTo(200);
    }

    @Test
    void statsCountHitsMissesAndRejectedStaleWrites() {
        PoolState state = poolState(pubkey(), 10, BASE_TIME);
        cache.put(state);
        CacheStats before = cache.stats();

        cache.get(state.pool());
        cache.get(pubkey());
        cache.getAll(List.of(state.pool(), pubkey()));
        cache.put(poolState(state.pool(), 9, BASE_TIME));

        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        assertThat(after.misses() - before.misses()).isEqualTo(2);
        assertThat(after.expired() - before.expired()).isZero();
        assertThat(after.staleWritesRejected() - before.staleWritesRejected()).isEqualTo(1);
        assertThat(after.errors() - before.errors()).isZero();
    }

    @Test
    void statsCountAnExpiredLookupAsExpiredOrMissed() {
        PoolState state = poolState(pubkey(), 10, BASE_TIME);
        cache.put(state);
        advancePast(cache.ttl());
        CacheStats before = cache.stats();

        cache.get(state.pool());

        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isZero();
        assertThat((after.misses() + after.expired()) - (before.misses() + before.expired())).isEqualTo(1);
    }

    @Test
    void ttlIsPositive() {
        assertThat(cache.ttl()).isPositive();
    }

    @Test
    void badInputIsRejectedAndStoresNothing() {
        PoolState state = poolState(pubkey(), 10, BASE_TIME);

        assertInvalidInput(() -> cache.put(null));
        assertInvalidInput(() -> cache.putAll(null));
        assertInvalidInput(() -> cache.putAll(Arrays.asList(state, null)));
        assertInvalidInput(() -> cache.putAll(Collections.nCopies(PortInput.MAX_BATCH + 1, state)));
        assertInvalidInput(() -> cache.get(null));
        assertInvalidInput(() -> cache.getAll(null));
        assertInvalidInput(() -> cache.getAll(Arrays.asList(state.pool(), null)));
        assertInvalidInput(() -> cache.getAll(Collections.nCopies(PortInput.MAX_BATCH + 1, state.pool())));
        assertThat(cache.get(state.pool())).isEmpty();
    }

    /** A state of {@code pool} with random reserves, mints and fee (the shared fixture fixes some of them). */
    private static PoolState poolState(Pubkey pool, long slot, Instant observedAt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new PoolState(Dex.ORCA_WHIRLPOOL, pool, pubkey(), pubkey(),
                TokenAmount.of(random.nextLong(1, Long.MAX_VALUE)), TokenAmount.of(random.nextLong(1, Long.MAX_VALUE)),
                random.nextInt(0, 10_001), slot, observedAt);
    }
}
