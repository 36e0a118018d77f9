package io.soltrade.data.redis;

import java.time.Instant;

/**
 * How one kind of cached value is keyed and written as text, in two keys: the value key holds the value as any
 * Redis client reads it (a price as decimal text, a pool state as JSON); its companion key holds
 * {@code <version>} or {@code <version>|<fields>}: the fixed-width {@link CacheVersion} the set-if-newer script
 * compares, then the value's other fields this codec writes and reads (nothing for a pool state).
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

    /** The text the value key holds: what a plain {@code GET} of it returns to any client. */
    String text(V value);

    /** The fields the companion key holds after the version and a {@code |}; nothing (no {@code |} either) when empty. */
    void appendFields(StringBuilder out, V value);

    /**
     * The value back from its parts ({@code fields} is empty when the companion holds the version alone); throws any
     * {@link RuntimeException} on text it cannot read.
     */
    V decode(K key, long slot, Instant observedAt, String text, String fields);
}
