package io.soltrade.data.memory;

import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PutOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What the memory price and pool-state caches share: input checks, the simulated failures (counted as errors, as a
 * real cache counts them), and the {@link ExpiringNewestValues} behind both. The two public caches differ only in
 * their types and the names their error messages use.
 *
 * @param <S> the concrete cache, for {@link SimulatedStore}'s fluent setters
 * @param <K> what a value is cached by (a symbol, a pool address)
 * @param <V> the cached value
 */
abstract class NewestValueCache<S extends NewestValueCache<S, K, V>, K, V> extends SimulatedStore<S> {
    private static final String BACKEND = Simulation.BACKEND;

    /** The names a cache's error messages use: its value and key, one and many. */
    record Names(String value, String values, String key, String keys) {}

    private final Names names;
    private final Function<V, K> keyOf;
    private final ExpiringNewestValues<K, V> values;

    NewestValueCache(String port, MemorySettings settings, Duration ttl, Names names, Function<V, K> keyOf, BiPredicate<V, V> isNewer) {
        super(port, settings);
        this.names = names;
        this.keyOf = keyOf;
        this.values = new ExpiringNewestValues<>(isNewer, settings.clock(), ttl);
    }

    public PutOutcome put(V value) {
        PortInput.notNull(value, names.value(), BACKEND);
        simulate(true, "put");
        return values.put(keyOf.apply(value), value);
    }

    public List<PutOutcome> putAll(List<V> batch) {
        PortInput.batch(batch, names.values(), BACKEND);
        if (batch.isEmpty()) {
            return List.of();
        }
        simulate(true, "putAll");
        List<PutOutcome> outcomes = new ArrayList<>(batch.size());
        for (V value : batch) {
            outcomes.add(values.put(keyOf.apply(value), value));
        }
        return outcomes;
    }

    public Optional<V> get(K key) {
        PortInput.notNull(key, names.key(), BACKEND);
        simulate(false, "get");
        return values.get(key);
    }

    public Map<K, V> getAll(Collection<K> keys) {
        PortInput.batch(keys, names.keys(), BACKEND);
        if (keys.isEmpty()) {
            return Map.of();
        }
        simulate(false, "getAll");
        return values.getAll(keys);
    }

    public Duration ttl() {
        return values.ttl();
    }

    public CacheStats stats() {
        return values.stats();
    }

    private void simulate(boolean write, String operation) {
        try {
            if (write) {
                simulation.beforeWrite(operation);
            } else {
                simulation.beforeRead(operation);
            }
        } catch (DbException e) {
            values.countError();
            throw e;
        }
    }
}
