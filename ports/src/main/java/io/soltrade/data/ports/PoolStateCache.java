package io.soltrade.data.ports;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest state per pool address, with the same TTL and set-if-newer rules as {@link PriceCache}. */
public interface PoolStateCache {

    PutOutcome put(PoolState state);

    List<PutOutcome> putAll(List<PoolState> states);

    Optional<PoolState> get(Pubkey pool);

    Map<Pubkey, PoolState> getAll(Collection<Pubkey> pools);

    Duration ttl();

    CacheStats stats();
}
