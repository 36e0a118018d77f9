package io.soltrade.data.memory;

import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PutOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiPredicate;

/**
 * The newest value per key, each kept for a time-to-live from the moment it was stored: the shared core of
 * the memory price and pool-state caches. A write replaces the cached value only when it is newer (by the
 * given order) or the cached one has expired, atomically per key, so concurrent writers always leave the
 * newest value. Expired values are never returned; they are dropped when read and swept every
 * {@value #SWEEP_EVERY} writes so a key that is never read again does not stay in memory.
 */
final class ExpiringNewestValues<K, V> {
    static final int SWEEP_EVERY = 4_096;

    private record Slot<V>(V value, Instant expiresAt) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();
    private final BiPredicate<V, V> isNewerThan;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong writes = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder staleWritesRejected = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** {@code isNewerThan.test(candidate, cached)} says whether {@code candidate} should replace {@code cached}. */
    ExpiringNewestValues(BiPredicate<V, V> isNewerThan, Clock clock, Duration ttl) {
        this.isNewerThan = Objects.requireNonNull(isNewerThan, "isNewerThan is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(ttl, "ttl is null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        this.ttl = ttl;
    }

    Duration ttl() {
        return ttl;
    }

    PutOutcome put(K key, V value) {
        Instant now = clock.instant();
        Slot<V> fresh = new Slot<>(value, now.plus(ttl));
        Slot<V> result = slots.compute(key, (k, cached) ->
                cached == null || cached.expiredAt(now) || isNewerThan.test(value, cached.value()) ? fresh : cached);
        if (writes.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        if (result == fresh) {
            return PutOutcome.STORED;
        }
        staleWritesRejected.increment();
        return PutOutcome.KEPT_NEWER;
    }

    Optional<V> get(K key) {
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            misses.increment();
            return Optional.empty();
        }
        if (slot.expiredAt(clock.instant())) {
            slots.remove(key, slot);
            expired.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(slot.value());
    }

    /** The live values among {@code keys}, in the order of {@code keys}. */
    Map<K, V> getAll(Collection<K> keys) {
        Map<K, V> found = new LinkedHashMap<>();
        for (K key : keys) {
            get(key).ifPresent(value -> found.put(key, value));
        }
        return found;
    }

    /** How many keys hold a value, expired or not; for tests of the sweep. */
    int size() {
        return slots.size();
    }

    void countError() {
        errors.increment();
    }

    CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), expired.sum(), staleWritesRejected.sum(), errors.sum());
    }

    private void sweep(Instant now) {
        slots.entrySet().removeIf(entry -> entry.getValue().expiredAt(now));
    }
}
