package io.soltrade.data.app.resilience;

import static io.soltrade.data.app.resilience.Idempotency.IDEMPOTENT;

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
        return guard.call(PORT, "put", IDEMPOTENT, () -> delegate.put(state));
    }

    @Override
    public List<PutOutcome> putAll(List<PoolState> states) {
        return guard.call(PORT, "putAll", IDEMPOTENT, () -> delegate.putAll(states));
    }

    @Override
    public Optional<PoolState> get(Pubkey pool) {
        return guard.call(PORT, "get", IDEMPOTENT, () -> delegate.get(pool));
    }

    @Override
    public Map<Pubkey, PoolState> getAll(Collection<Pubkey> pools) {
        return guard.call(PORT, "getAll", IDEMPOTENT, () -> delegate.getAll(pools));
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
