package io.soltrade.data.redis;

import java.time.Instant;

/**
 * How one kind of cached value is keyed and written as text. A stored value is
 * {@code <version>|<payload>}: the fixed-width {@link CacheVersion} the set-if-newer script compares, then the
 * payload this codec writes and reads.
 *
 * @param <K> the lookup key (a token symbol, a pool address)
 * @param <V> the cached value
 */
interface CachedValueCodec<K, V> {

    /** What the value is called in messages: {@code quote}, {@code pool state}. */
    String valueName();

    /** The Redis key the value of {@code key} is cached under. */
    String redisKey(K key);

    K keyOf(V value);

    long slot(V value);

    Instant observedAt(V value);

    void appendPayload(StringBuilder out, V value);

    /** The value back from its parts; throws any {@link RuntimeException} on a payload it cannot read. */
    V decode(K key, long slot, Instant observedAt, String payload);
}
