package io.soltrade.data.memory;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.ports.PoolStateCache;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link PoolStateCache} in a concurrent map: set-if-newer per pool address, a TTL measured on the settings' clock (so a
 * test moves time instead of waiting), and the statistics a real cache keeps, simulated failures counted as
 * errors. Thread-safe.
 */
public final class MemoryPoolStateCache extends NewestValueCache<MemoryPoolStateCache, Pubkey, PoolState> implements PoolStateCache {
    /** The TTL a cache gets unless told otherwise, the same as the Redis adapter's default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    private static final Names NAMES = new Names("state", "states", "pool", "pools");

    public MemoryPoolStateCache() {
        this(MemorySettings.defaults());
    }

    public MemoryPoolStateCache(MemorySettings settings) {
        this(settings, DEFAULT_TTL);
    }

    /** A cache on {@code clock} with no simulated failures or latency. */
    public MemoryPoolStateCache(Clock clock, Duration ttl) {
        this(MemorySettings.defaults().withClock(clock), ttl);
    }

    public MemoryPoolStateCache(MemorySettings settings, Duration ttl) {
        super("PoolStateCache", settings, ttl, NAMES, PoolState::pool, PoolState::isNewerThan);
    }

    @Override
    MemoryPoolStateCache self() {
        return this;
    }
}
