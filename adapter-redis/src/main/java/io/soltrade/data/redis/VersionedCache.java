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
 *   <li>{@link #put}: one {@code EVALSHA}. {@link #putAll}: one {@code EVALSHA} per {@value #VALUES_PER_CALL} values
 *       (the script loops over them), one round trip; on a cluster one per value, pipelined: one round trip per node,
 *       sent in parallel.</li>
 *   <li>{@link #get}: one {@code MGET} of the value and its companion, which outlives the value so a miss on an
 *       expired value counts as expired. {@link #getAll}: one {@code MGET} of every value and companion, one round
 *       trip (on a cluster one {@code MGET} per slot, pipelined: one round trip per node).</li>
 *   <li>The TTL is Redis's ({@code SET PX}), so a value is never served past it, whatever the client's clock.</li>
 * </ul>
 * The value and its companion share a cluster slot ({@link RedisKeys#meta}), so the script never crosses slots.
 */
final class VersionedCache<K, V> {
    private static final int MARKER_LIFETIMES = 30;
    /** Values per script call: a batch of 1,000 is two calls, so no call holds the server for long. */
    static final int VALUES_PER_CALL = 500;

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
        ScriptCall call = new ScriptCall(1);
        call.add(value);
        long start = System.nanoTime();
        Object reply = counted(() -> connections.call(operations.put(), "put " + codec.valueName(),
                client -> setIfNewer.run(client, call.keys, call.args)));
        statistics.write(start);
        return outcomes(reply, 1).get(0);
    }

    /**
     * One round trip: on a standalone server one script call per {@value #VALUES_PER_CALL} values (one call for a
     * usual batch); on a cluster, where a script touches one slot, one call per value, the pipeline split by node.
     */
    List<PutOutcome> putAll(List<V> values) {
        PortInput.batch(values, codec.valueName() + "s", RedisErrors.BACKEND);
        if (values.isEmpty()) {
            return List.of();
        }
        int perCall = connections.clustered() ? 1 : VALUES_PER_CALL;
        List<ScriptCall> calls = new ArrayList<>((values.size() + perCall - 1) / perCall);
        for (int from = 0; from < values.size(); from += perCall) {
            List<V> part = values.subList(from, Math.min(values.size(), from + perCall));
            ScriptCall call = new ScriptCall(part.size());
            part.forEach(call::add);
            calls.add(call);
        }
        long start = System.nanoTime();
        List<Object> replies = counted(() -> connections.pipelined(operations.putAll(), "put all " + codec.valueName() + "s", pipeline -> {
            List<Response<Object>> responses = new ArrayList<>(calls.size());
            for (ScriptCall call : calls) {
                responses.add(setIfNewer.queue(pipeline, call.keys, call.args));
            }
            pipeline.sync();
            List<Object> out = new ArrayList<>(calls.size());
            for (Response<Object> response : responses) {
                out.add(LuaScript.isNoScript(response) ? null : response.get());
            }
            return out;
        }));
        if (replies.contains(null)) {
            // The server had no copy of the script (first use, restart, SCRIPT FLUSH): load it, redo those in order.
            counted(() -> connections.call(operations.putAll(), "put all " + codec.valueName() + "s", client -> {
                setIfNewer.load(client, calls.get(0).keys);
                for (int i = 0; i < replies.size(); i++) {
                    if (replies.get(i) == null) {
                        replies.set(i, setIfNewer.run(client, calls.get(i).keys, calls.get(i).args));
                    }
                }
                return replies;
            }));
        }
        statistics.write(start);
        List<PutOutcome> outcomes = new ArrayList<>(values.size());
        for (int i = 0; i < calls.size(); i++) {
            outcomes.addAll(outcomes(replies.get(i), calls.get(i).values));
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
        Map<K, V> result = new LinkedHashMap<>(distinct.size() * 2); // never rehashed while filled
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

    /** The keys and arguments of one call of {@code set-if-newer.lua} for {@code values} values. */
    private final class ScriptCall {
        final int values;
        final List<String> keys;
        final List<String> args;

        ScriptCall(int values) {
            this.values = values;
            this.keys = new ArrayList<>(2 * values);
            this.args = new ArrayList<>(3 + 2 * values);
            args.add(versionLength);
            args.add(ttlMillis);
            args.add(markerTtlMillis);
        }

        void add(V value) {
            String valueKey = codec.redisKey(codec.keyOf(value));
            keys.add(valueKey);
            keys.add(redisKeys.meta(valueKey));
            StringBuilder meta = new StringBuilder(96);
            CacheVersion.append(meta, codec.slot(value), codec.observedAt(value));
            int versionEnd = meta.length();
            meta.append('|');
            codec.appendFields(meta, value);
            if (meta.length() == versionEnd + 1) {
                meta.setLength(versionEnd);
            }
            args.add(codec.text(value));
            args.add(meta.toString());
        }
    }

    private List<PutOutcome> outcomes(Object reply, int expected) {
        if (!(reply instanceof List<?> list) || list.size() != expected) {
            statistics.error();
            throw DbException.of(DbErrorKind.QUERY, RedisErrors.BACKEND, setIfNewer.name() + " replied " + reply + ", expected " + expected + " results");
        }
        List<PutOutcome> outcomes = new ArrayList<>(expected);
        for (Object one : list) {
            outcomes.add(outcome(one));
        }
        return outcomes;
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
