package io.soltrade.data.redis;

import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PortOperation;
import io.soltrade.data.ports.PutOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The set-if-newer cache both {@link RedisPriceCache} and {@link RedisPoolStateCache} are: each value in two keys with
 * a TTL (the value as any client reads it, and its companion with the version and other fields, see
 * {@link CachedValueCodec}), written through one Lua script ({@code set-if-newer.lua}) so an out-of-order older value
 * never replaces a newer one, read with plain {@code MGET}s.
 *
 * <ul>
 *   <li>{@link #put}: one {@code EVALSHA}. {@link #putAll}: one pipeline of them, one round trip (on a cluster, one
 *       per node, sent in parallel).</li>
 *   <li>{@link #get}: one {@code MGET} of the value and its companion, which outlives the value so a miss on an
 *       expired value counts as expired. {@link #getAll}: one {@code MGET} of every value and companion, one round
 *       trip (on a cluster one {@code MGET} per slot, pipelined: one round trip per node).</li>
 *   <li>The TTL is Redis's ({@code SET PX}), so a value is never served past it, whatever the client's clock.</li>
 * </ul>
 * The value and its companion share a cluster slot ({@link RedisKeys#meta}), so the script never crosses slots.
 */
final class VersionedCache<K, V> {
    private static final int MARKER_LIFETIMES = 30;

    /** Which port operations this cache's calls are, for the idempotency table ({@link PortOperation}). */
    record Operations(PortOperation put, PortOperation putAll, PortOperation get, PortOperation getAll) {
        static final Operations PRICES = new Operations(PortOperation.PRICE_CACHE_PUT, PortOperation.PRICE_CACHE_PUT_ALL,
                PortOperation.PRICE_CACHE_GET, PortOperation.PRICE_CACHE_GET_ALL);
        static final Operations POOL_STATES = new Operations(PortOperation.POOL_STATE_CACHE_PUT, PortOperation.POOL_STATE_CACHE_PUT_ALL,
                PortOperation.POOL_STATE_CACHE_GET, PortOperation.POOL_STATE_CACHE_GET_ALL);
    }

    private final RedisConnections connections;
    private final Operations operations;
    private final LuaScript setIfNewer;
    private final CachedValueCodec<K, V> codec;
    private final Duration ttl;
    private final String ttlMillis;
    private final String markerTtlMillis;
    private final RedisKeys redisKeys;
    private final String versionLength = Integer.toString(CacheVersion.LENGTH);
    private final CacheStatistics statistics = new CacheStatistics();

    VersionedCache(RedisConnections connections, RedisKeys redisKeys, Operations operations, LuaScript setIfNewer, CachedValueCodec<K, V> codec,
            Duration ttl) {
        this.connections = connections;
        this.redisKeys = redisKeys;
        this.operations = operations;
        this.setIfNewer = setIfNewer;
        this.codec = codec;
        this.ttl = ttl;
        this.ttlMillis = Long.toString(ttl.toMillis());
        this.markerTtlMillis = Long.toString(ttl.toMillis() * MARKER_LIFETIMES);
    }

    PutOutcome put(V value) {
        PortInput.notNull(value, codec.valueName(), RedisErrors.BACKEND);
        List<String> keys = keys(value);
        List<String> args = args(value);
        long start = System.nanoTime();
        Object reply = counted(() -> connections.call(operations.put(), "put " + codec.valueName(), client -> setIfNewer.run(client, keys, args)));
        statistics.write(start);
        return outcome(reply);
    }

    List<PutOutcome> putAll(List<V> values) {
        PortInput.batch(values, codec.valueName() + "s", RedisErrors.BACKEND);
        if (values.isEmpty()) {
            return List.of();
        }
        List<List<String>> keys = new ArrayList<>(values.size());
        List<List<String>> args = new ArrayList<>(values.size());
        for (V value : values) {
            keys.add(keys(value));
            args.add(args(value));
        }
        long start = System.nanoTime();
        List<Object> replies = counted(() -> connections.pipelined(operations.putAll(), "put all " + codec.valueName() + "s", pipeline -> {
            List<Response<Object>> responses = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                responses.add(setIfNewer.queue(pipeline, keys.get(i), args.get(i)));
            }
            pipeline.sync();
            List<Object> out = new ArrayList<>(values.size());
            for (Response<Object> response : responses) {
                out.add(LuaScript.isNoScript(response) ? null : response.get());
            }
            return out;
        }));
        if (replies.contains(null)) {
            // The server had no copy of the script (first use, restart, SCRIPT FLUSH): load it, redo those in order.
            counted(() -> connections.call(operations.putAll(), "put all " + codec.valueName() + "s", client -> {
                setIfNewer.load(client, keys.get(0));
                for (int i = 0; i < replies.size(); i++) {
                    if (replies.get(i) == null) {
                        replies.set(i, setIfNewer.run(client, keys.get(i), args.get(i)));
                    }
                }
                return replies;
            }));
        }
        statistics.write(start);
        List<PutOutcome> outcomes = new ArrayList<>(replies.size());
        for (Object reply : replies) {
            outcomes.add(outcome(reply));
        }
        return outcomes;
    }

    Optional<V> get(K key) {
        PortInput.notNull(key, "key", RedisErrors.BACKEND);
        String valueKey = codec.redisKey(key);
        long start = System.nanoTime();
        String metaKey = redisKeys.meta(valueKey);
        List<String> found = counted(() -> connections.call(operations.get(), "get " + codec.valueName(), client -> client.mget(valueKey, metaKey)));
        statistics.read(start);
        return Optional.ofNullable(counted(() -> lookedUp(key, found.get(0), found.get(1))));
    }

    Map<K, V> getAll(Collection<K> requested) {
        PortInput.batch(requested, "keys", RedisErrors.BACKEND);
        if (requested.isEmpty()) {
            return Map.of();
        }
        List<K> distinct = new ArrayList<>(new LinkedHashSet<>(requested));
        String[] redisKeys = new String[distinct.size() * 2];
        for (int i = 0; i < distinct.size(); i++) {
            String valueKey = codec.redisKey(distinct.get(i));
            redisKeys[2 * i] = valueKey;
            redisKeys[2 * i + 1] = this.redisKeys.meta(valueKey);
        }
        long start = System.nanoTime();
        List<String> found = counted(() -> connections.mget(operations.getAll(), "get all " + codec.valueName() + "s", redisKeys));
        statistics.read(start);
        Map<K, V> result = new LinkedHashMap<>();
        for (int i = 0; i < distinct.size(); i++) {
            K key = distinct.get(i);
            int index = i;
            V value = counted(() -> lookedUp(key, found.get(2 * index), found.get(2 * index + 1)));
            if (value != null) {
                result.put(key, value);
            }
        }
        return result;
    }

    Duration ttl() {
        return ttl;
    }

    CacheStats stats() {
        return statistics.snapshot();
    }

    CacheStatistics statistics() {
        return statistics;
    }

    private V lookedUp(K key, String stored, String meta) {
        if (stored == null) {
            if (meta == null) {
                statistics.miss();
            } else {
                statistics.expired();
            }
            return null;
        }
        statistics.hit();
        return decode(key, stored, meta);
    }

    private V decode(K key, String stored, String meta) {
        try {
            if (meta == null) {
                throw new IllegalArgumentException("the value has no companion key " + redisKeys.meta(codec.redisKey(key))
                        + " (written by something other than this adapter?)");
            }
            if (meta.length() < CacheVersion.LENGTH || meta.length() > CacheVersion.LENGTH && meta.charAt(CacheVersion.LENGTH) != '|') {
                throw new IllegalArgumentException("its companion key starts with no version");
            }
            String fields = meta.length() == CacheVersion.LENGTH ? "" : meta.substring(CacheVersion.LENGTH + 1);
            return codec.decode(key, CacheVersion.slot(meta), CacheVersion.observedAt(meta), stored, fields);
        } catch (RuntimeException e) {
            throw DbException.of(DbErrorKind.ENCODING, RedisErrors.BACKEND,
                    "cached " + codec.valueName() + " for " + key + " cannot be read: " + e.getMessage(), null, e);
        }
    }

    private List<String> keys(V value) {
        String valueKey = codec.redisKey(codec.keyOf(value));
        return List.of(valueKey, redisKeys.meta(valueKey));
    }

    private List<String> args(V value) {
        StringBuilder meta = new StringBuilder(96);
        CacheVersion.append(meta, codec.slot(value), codec.observedAt(value));
        int versionEnd = meta.length();
        meta.append('|');
        codec.appendFields(meta, value);
        if (meta.length() == versionEnd + 1) {
            meta.setLength(versionEnd);
        }
        return List.of(codec.text(value), meta.toString(), versionLength, ttlMillis, markerTtlMillis);
    }

    private PutOutcome outcome(Object reply) {
        if (reply instanceof Long stored && stored == 1L) {
            return PutOutcome.STORED;
        }
        if (reply instanceof Long kept && kept == 0L) {
            statistics.staleWriteRejected();
            return PutOutcome.KEPT_NEWER;
        }
        statistics.error();
        throw DbException.of(DbErrorKind.QUERY, RedisErrors.BACKEND, setIfNewer.name() + " replied " + reply + ", expected 0 or 1");
    }

    /** Runs {@code call}, counting a failure as an error; a Jedis error reply left in a pipeline response is translated. */
    private <T> T counted(Supplier<T> call) {
        try {
            return call.get();
        } catch (DbException e) {
            statistics.error();
            throw e;
        } catch (JedisDataException e) {
            statistics.error();
            throw RedisErrors.translate("redis " + codec.valueName() + " cache", e);
        }
    }
}
