package io.soltrade.data.redis;

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

/**
 * {@link PoolStateCache} on Redis: {@code <ns>:pool:<address>} holds the pool state's JSON and
 * {@code <ns>:meta:{<ns>:pool:<address>}} its version, with the cache TTL, written set-if-newer by a Lua script. See {@link VersionedCache} for the commands each call sends.
 */
final class RedisPoolStateCache implements PoolStateCache {
    private final VersionedCache<Pubkey, PoolState> cache;

    RedisPoolStateCache(RedisConnections connections, RedisKeys keys, LuaScript setIfNewer, Duration ttl) {
        this.cache = new VersionedCache<>(connections, keys, VersionedCache.Operations.POOL_STATES, setIfNewer, new PoolStateCodec(keys), ttl);
    }

    @Override
    public PutOutcome put(PoolState state) {
        return cache.put(state);
    }

    @Override
    public List<PutOutcome> putAll(List<PoolState> states) {
        return cache.putAll(states);
    }

    @Override
    public Optional<PoolState> get(Pubkey pool) {
        return cache.get(pool);
    }

    @Override
    public Map<Pubkey, PoolState> getAll(Collection<Pubkey> pools) {
        return cache.getAll(pools);
    }

    @Override
    public Duration ttl() {
        return cache.ttl();
    }

    @Override
    public CacheStats stats() {
        return cache.stats();
    }

    CacheStatistics statistics() {
        return cache.statistics();
    }
}
