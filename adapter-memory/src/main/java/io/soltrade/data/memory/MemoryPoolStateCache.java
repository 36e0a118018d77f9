package io.soltrade.data.memory;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PutOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PoolStateCache} in a concurrent map: set-if-newer per pool, a TTL measured on the injected
 * {@link Clock} (so a test moves time instead of waiting), and the same statistics a real cache keeps.
 * Thread-safe.
 */
public final class MemoryPoolStateCache implements PoolStateCache {
    /** The TTL a cache gets unless told otherwise, the same as the Redis adapter's default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    static final String BACKEND = "memory";

    private final ExpiringNewestValues<Pubkey, PoolState> states;

    public MemoryPoolStateCache() {
        this(Clock.systemUTC(), DEFAULT_TTL);
    }

    public MemoryPoolStateCache(Clock clock, Duration ttl) {
        this.states = new ExpiringNewestValues<>(PoolState::isNewerThan, clock, ttl);
    }

    @Override
    public PutOutcome put(PoolState state) {
        PortInput.notNull(state, "state", BACKEND);
        return states.put(state.pool(), state);
    }

    @Override
    public List<PutOutcome> putAll(List<PoolState> batch) {
        PortInput.batch(batch, "states", BACKEND);
        List<PutOutcome> outcomes = new ArrayList<>(batch.size());
        for (PoolState state : batch) {
            outcomes.add(states.put(state.pool(), state));
        }
        return outcomes;
    }

    @Override
    public Optional<PoolState> get(Pubkey pool) {
        PortInput.notNull(pool, "pool", BACKEND);
        return states.get(pool);
    }

    @Override
    public Map<Pubkey, PoolState> getAll(Collection<Pubkey> pools) {
        PortInput.batch(pools, "pools", BACKEND);
        return states.getAll(pools);
    }

    @Override
    public Duration ttl() {
        return states.ttl();
    }

    @Override
    public CacheStats stats() {
        return states.stats();
    }
}
