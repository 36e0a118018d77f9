package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.POOL_STATE_CACHE_GET;
import static io.soltrade.data.ports.PortOperation.POOL_STATE_CACHE_GET_ALL;
import static io.soltrade.data.ports.PortOperation.POOL_STATE_CACHE_PUT;
import static io.soltrade.data.ports.PortOperation.POOL_STATE_CACHE_PUT_ALL;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PutOutcome;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every operation is idempotent (set-if-newer writes, reads); {@code ttl} and {@code stats} pass through. */
final class ResilientPoolStateCache implements PoolStateCache {
    private static final Port PORT = Port.POOLS;
    private final PoolStateCache delegate;
    private final BackendGuard guard;

    ResilientPoolStateCache(PoolStateCache delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public PutOutcome put(PoolState state) {
        return guard.call(PORT, POOL_STATE_CACHE_PUT, () -> delegate.put(state));
    }

    @Override
    public List<PutOutcome> putAll(List<PoolState> states) {
        return guard.call(PORT, POOL_STATE_CACHE_PUT_ALL, () -> delegate.putAll(states));
    }

    @Override
    public Optional<PoolState> get(Pubkey pool) {
        return guard.call(PORT, POOL_STATE_CACHE_GET, () -> delegate.get(pool));
    }

    @Override
    public Map<Pubkey, PoolState> getAll(Collection<Pubkey> pools) {
        return guard.call(PORT, POOL_STATE_CACHE_GET_ALL, () -> delegate.getAll(pools));
    }

    @Override
    public Duration ttl() {
        return delegate.ttl();
    }

    @Override
    public CacheStats stats() {
        return delegate.stats();
    }
}
