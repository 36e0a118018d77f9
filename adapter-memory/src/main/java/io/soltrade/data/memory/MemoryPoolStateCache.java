package io.soltrade.data.memory;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.DbException;
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
 * {@link PoolStateCache} in a concurrent map: set-if-newer per pool address, a TTL measured on the settings' clock (so a
 * test moves time instead of waiting), and the statistics a real cache keeps, simulated failures counted as
 * errors. Thread-safe.
 */
public final class MemoryPoolStateCache extends SimulatedStore<MemoryPoolStateCache> implements PoolStateCache {
    /** The TTL a cache gets unless told otherwise, the same as the Redis adapter's default. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(2);
    private static final String BACKEND = Simulation.BACKEND;

    private final ExpiringNewestValues<Pubkey, PoolState> states;

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
        super("PoolStateCache", settings);
        this.states = new ExpiringNewestValues<>(PoolState::isNewerThan, settings.clock(), ttl);
    }

    @Override
    MemoryPoolStateCache self() {
        return this;
    }

    @Override
    public PutOutcome put(PoolState state) {
        PortInput.notNull(state, "state", BACKEND);
        simulate(true, "put");
        return states.put(state.pool(), state);
    }

    @Override
    public List<PutOutcome> putAll(List<PoolState> batch) {
        PortInput.batch(batch, "states", BACKEND);
        if (batch.isEmpty()) {
            return List.of();
        }
        simulate(true, "putAll");
        List<PutOutcome> outcomes = new ArrayList<>(batch.size());
        for (PoolState state : batch) {
            outcomes.add(states.put(state.pool(), state));
        }
        return outcomes;
    }

    @Override
    public Optional<PoolState> get(Pubkey pool) {
        PortInput.notNull(pool, "pool", BACKEND);
        simulate(false, "get");
        return states.get(pool);
    }

    @Override
    public Map<Pubkey, PoolState> getAll(Collection<Pubkey> pools) {
        PortInput.batch(pools, "pools", BACKEND);
        if (pools.isEmpty()) {
            return Map.of();
        }
        simulate(false, "getAll");
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

    private void simulate(boolean write, String operation) {
        try {
            if (write) {
                simulation.beforeWrite(operation);
            } else {
                simulation.beforeRead(operation);
            }
        } catch (DbException e) {
            states.countError();
            throw e;
        }
    }
}
