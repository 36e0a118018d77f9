package io.soltrade.data.redis;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PortOperation;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * {@link EventStream} on Redis Streams. Each {@link StreamName} is the stream {@code <ns>:{stream:<name>}}, with an
 * entry per event whose {@code event} field is the event's JSON ({@link StreamEventCodec}).
 *
 * <ul>
 *   <li>Appends go through {@code stream-append.lua}: {@code XADD MAXLEN = cap} (or {@code ~}) with an id whose
 *       sequence part numbers the entry in its stream ({@code <ms>-<n>}). That makes a tailing reader's losses
 *       exact: a reader that read entry {@code n} and next gets entry {@code m} missed {@code m - n - 1} entries
 *       to the cap, so {@code after} must be {@link StreamEntryId#ZERO} or an id this stream returned.</li>
 *   <li>What is retried once after a connection failure is what {@link PortOperation} marks idempotent (tailing
 *       reads, lengths, group creation, acks, pending counts, dead-letter reads; see {@link RedisConnections}).
 *       Appends (a lost reply would append twice), group reads and claims (a lost reply would strand the entries
 *       they marked delivered until they are reclaimed, and count a delivery) are not.</li>
 *   <li>A read that blocks ({@code block > 0}) runs on the blocking-read pool and waits at most {@code block} plus
 *       the socket timeout for its reply; a non-blocking one runs on the command pool.</li>
 *   <li>{@link #claimStale} first dead-letters, through {@code dead-letter.lua}, stale entries already delivered
 *       {@code maxDeliveries} times, then takes over the rest with {@code XAUTOCLAIM}.</li>
 * </ul>
 */
final class RedisEventStream implements EventStream {
    private static final String EVENT_FIELD = "event";
    private static final String ORIGIN_FIELD = "origin-id";
    private static final Duration MAX_BLOCK = Duration.ofMinutes(5);

    private final RedisConnections connections;
    private final RedisKeys keys;
    private final StreamEventCodec codec;
    private final LuaScript append;
    private final LuaScript deadLetter;
    private final long maxLength;
    private final String cap;
    private final String trimOperator;
    private final int maxDeliveries;

    RedisEventStream(RedisConnections connections, RedisKeys keys, StreamEventCodec codec, LuaScript append, LuaScript deadLetter,
            long maxLength, StreamTrimming trimming, int maxDeliveries) {
        this.connections = connections;
        this.keys = keys;
        this.codec = codec;
        this.append = append;
        this.deadLetter = deadLetter;
        this.maxLength = maxLength;
        this.cap = Long.toString(maxLength);
        this.trimOperator = trimming.operator();
        this.maxDeliveries = maxDeliveries;
    }

    @Override
    public StreamEntryId publish(StreamEvent event) {
        PortInput.notNull(event, "event", RedisErrors.BACKEND);
        List<String> appendKeys = appendKeys(event.stream());
        List<String> args = appendArgs(event);
        Object id = connections.call(PortOperation.EVENT_STREAM_PUBLISH, "publish to " + event.stream(), client -> append.run(client, appendKeys, args));
        return entryId(id);
    }

    @Override
    public List<StreamEntryId> publishAll(List<? extends StreamEvent> events) {
        PortInput.batch(events, "events", RedisErrors.BACKEND);
        if (events.isEmpty()) {
            return List.of();
        }
        List<List<String>> allKeys = new ArrayList<>(events.size());
        List<List<String>> allArgs = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            allKeys.add(appendKeys(event.stream()));
            allArgs.add(appendArgs(event));
        }
        List<Object> ids = connections.pipelined(PortOperation.EVENT_STREAM_PUBLISH_ALL, "publish all", pipeline -> {
            List<Response<Object>> responses = new ArrayList<>(events.size());
            for (int i = 0; i < events.size(); i++) {
                responses.add(append.queue(pipeline, allKeys.get(i), allArgs.get(i)));
            }
            pipeline.sync();
            List<Object> out = new ArrayList<>(events.size());
            for (Response<Object> response : responses) {
                out.add(LuaScript.isNoScript(response) ? null : response.get());
            }
            return out;
        });
        if (ids.contains(null)) {
            // NOSCRIPT means the script did not run, so appending those again appends them once.
            connections.call(PortOperation.EVENT_STREAM_PUBLISH_ALL, "publish all", client -> {
                append.load(client, allKeys.get(0));
                for (int i = 0; i < ids.size(); i++) {
                    if (ids.get(i) == null) {
                        ids.set(i, append.run(client, allKeys.get(i), allArgs.get(i)));
                    }
                }
                return ids;
            });
        }
        List<StreamEntryId> out = new ArrayList<>(ids.size());
        for (Object id : ids) {
            out.add(entryId(id));
        }
        return out;
    }

    @Override
    public long length(StreamName stream) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        return connections.call(PortOperation.EVENT_STREAM_LENGTH, "length of " + stream, client -> client.xlen(keys.stream(stream)));
    }

    @Override
    public long maxLength() {
        return maxLength;
    }

    @Override
    public StreamBatch read(StreamName stream, StreamEntryId after, int count, Duration block) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.notNull(after, "after", RedisErrors.BACKEND);
        PortInput.limit(count, RedisErrors.BACKEND);
        XReadParams params = XReadParams.xReadParams().count(count);
        int blockMillis = blockMillis(block);
        if (blockMillis > 0) {
            params.block(blockMillis);
        }
        Map<String, StreamEntryID> from = Map.of(keys.stream(stream), new StreamEntryID(after.millis(), after.sequence()));
        List<Map.Entry<String, List<redis.clients.jedis.resps.StreamEntry>>> reply = blockMillis > 0
                ? connections.blocking(PortOperation.EVENT_STREAM_READ, "read " + stream, keys.stream(stream), block, client -> client.xread(params, from))
                : connections.call(PortOperation.EVENT_STREAM_READ, "read " + stream, client -> client.xread(params, from));
        List<StreamEntry> entries = entries(stream, reply);
        long missed = entries.isEmpty() ? 0 : Math.max(0, entries.get(0).id().sequence() - after.sequence() - 1);
        return new StreamBatch(entries, missed);
    }

    @Override
    public void ensureGroup(StreamName stream, String group, GroupStart start) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.name(group, "group", RedisErrors.BACKEND);
        PortInput.notNull(start, "start", RedisErrors.BACKEND);
        StreamEntryID from = start == GroupStart.BEGINNING ? new StreamEntryID(0, 0) : StreamEntryID.XGROUP_LAST_ENTRY;
        connections.call(PortOperation.EVENT_STREAM_ENSURE_GROUP, "create group " + group + " on " + stream, client -> {
            try {
                return client.xgroupCreate(keys.stream(stream), group, from, true);
            } catch (JedisDataException e) {
                if ("BUSYGROUP".equals(RedisErrors.errorCode(e.getMessage()))) {
                    return "exists";
                }
                throw e;
            }
        });
    }

    @Override
    public List<StreamEntry> readGroup(StreamName stream, String group, String consumer, int count, Duration block) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.name(group, "group", RedisErrors.BACKEND);
        PortInput.name(consumer, "consumer", RedisErrors.BACKEND);
        PortInput.limit(count, RedisErrors.BACKEND);
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count);
        int blockMillis = blockMillis(block);
        if (blockMillis > 0) {
            params.block(blockMillis);
        }
        Map<String, StreamEntryID> undelivered = Map.of(keys.stream(stream), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        String description = "read group " + group + " on " + stream;
        List<Map.Entry<String, List<redis.clients.jedis.resps.StreamEntry>>> reply = blockMillis > 0
                ? connections.blocking(PortOperation.EVENT_STREAM_READ_GROUP, description, keys.stream(stream), block,
                        client -> client.xreadGroup(group, consumer, params, undelivered))
                : connections.call(PortOperation.EVENT_STREAM_READ_GROUP, description, client -> client.xreadGroup(group, consumer, params, undelivered));
        return entries(stream, reply);
    }

    @Override
    public long ack(StreamName stream, String group, Collection<StreamEntryId> ids) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.name(group, "group", RedisErrors.BACKEND);
        PortInput.batch(ids, "ids", RedisErrors.BACKEND);
        if (ids.isEmpty()) {
            return 0;
        }
        StreamEntryID[] jedisIds = ids.stream().map(id -> new StreamEntryID(id.millis(), id.sequence())).toArray(StreamEntryID[]::new);
        return connections.call(PortOperation.EVENT_STREAM_ACK, "ack on " + stream, client -> client.xack(keys.stream(stream), group, jedisIds));
    }

    @Override
    public ClaimResult claimStale(StreamName stream, String group, String consumer, Duration minIdle, int count) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.name(group, "group", RedisErrors.BACKEND);
        PortInput.name(consumer, "consumer", RedisErrors.BACKEND);
        PortInput.notNull(minIdle, "minIdle", RedisErrors.BACKEND);
        if (minIdle.isNegative()) {
            throw DbException.invalidInput(RedisErrors.BACKEND, "minIdle is " + minIdle + ", must not be negative", null);
        }
        PortInput.limit(count, RedisErrors.BACKEND);
        String key = keys.stream(stream);
        long idleMillis = minIdle.toMillis();
        List<StreamEntryId> deadLettered = connections.call(PortOperation.EVENT_STREAM_CLAIM_STALE, "dead-letter on " + stream, client -> {
            List<StreamPendingEntry> stale = client.xpending(key, group, XPendingParams.xPendingParams().idle(idleMillis)
                    .start(StreamEntryID.MINIMUM_ID).end(StreamEntryID.MAXIMUM_ID).count(count));
            List<StreamEntryId> moved = new ArrayList<>();
            for (StreamPendingEntry pending : stale) {
                if (pending.getDeliveredTimes() < maxDeliveries) {
                    continue;
                }
                Object reply = deadLetter.run(client, List.of(key, keys.deadLetters(stream)), List.of(group, Long.toString(idleMillis),
                        pending.getID().toString(), cap, trimOperator, Integer.toString(maxDeliveries)));
                if (reply instanceof Long movedCount && movedCount == 1L) {
                    moved.add(new StreamEntryId(pending.getID().getTime(), pending.getID().getSequence()));
                }
            }
            return moved;
        });
        Map.Entry<StreamEntryID, List<redis.clients.jedis.resps.StreamEntry>> claimed = connections.call(PortOperation.EVENT_STREAM_CLAIM_STALE, "claim on " + stream,
                client -> client.xautoclaim(key, group, consumer, idleMillis, new StreamEntryID(0, 0), XAutoClaimParams.xAutoClaimParams().count(count)));
        List<StreamEntry> entries = new ArrayList<>();
        for (redis.clients.jedis.resps.StreamEntry entry : claimed.getValue()) {
            if (entry != null && entry.getFields() != null) {
                entries.add(entry(stream, entry));
            }
        }
        return new ClaimResult(entries, deadLettered);
    }

    @Override
    public long pending(StreamName stream, String group) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.name(group, "group", RedisErrors.BACKEND);
        return connections.call(PortOperation.EVENT_STREAM_PENDING, "pending on " + stream, client -> client.xpending(keys.stream(stream), group).getTotal());
    }

    @Override
    public List<StreamEntry> deadLetters(StreamName stream, int limit) {
        PortInput.notNull(stream, "stream", RedisErrors.BACKEND);
        PortInput.limit(limit, RedisErrors.BACKEND);
        List<redis.clients.jedis.resps.StreamEntry> entries = connections.call(PortOperation.EVENT_STREAM_DEAD_LETTERS, "dead letters of " + stream,
                client -> client.xrange(keys.deadLetters(stream), StreamEntryID.MINIMUM_ID, StreamEntryID.MAXIMUM_ID, limit));
        List<StreamEntry> out = new ArrayList<>(entries.size());
        for (redis.clients.jedis.resps.StreamEntry entry : entries) {
            String origin = entry.getFields().get(ORIGIN_FIELD);
            StreamEntryId id = origin == null ? new StreamEntryId(entry.getID().getTime(), entry.getID().getSequence()) : parseId(origin);
            out.add(new StreamEntry(id, decode(stream, entry)));
        }
        return out;
    }

    private List<String> appendKeys(StreamName stream) {
        return List.of(keys.stream(stream), keys.sequence(stream));
    }

    private List<String> appendArgs(StreamEvent event) {
        return List.of(cap, trimOperator, EVENT_FIELD, codec.encode(event));
    }

    private List<StreamEntry> entries(StreamName stream, List<Map.Entry<String, List<redis.clients.jedis.resps.StreamEntry>>> reply) {
        if (reply == null || reply.isEmpty()) {
            return List.of();
        }
        List<StreamEntry> out = new ArrayList<>();
        for (Map.Entry<String, List<redis.clients.jedis.resps.StreamEntry>> perStream : reply) {
            for (redis.clients.jedis.resps.StreamEntry entry : perStream.getValue()) {
                out.add(entry(stream, entry));
            }
        }
        return out;
    }

    private StreamEntry entry(StreamName stream, redis.clients.jedis.resps.StreamEntry entry) {
        return new StreamEntry(new StreamEntryId(entry.getID().getTime(), entry.getID().getSequence()), decode(stream, entry));
    }

    private StreamEvent decode(StreamName stream, redis.clients.jedis.resps.StreamEntry entry) {
        String json = entry.getFields() == null ? null : entry.getFields().get(EVENT_FIELD);
        try {
            if (json == null) {
                throw new IllegalArgumentException("no '" + EVENT_FIELD + "' field");
            }
            return codec.decode(json);
        } catch (RuntimeException e) {
            throw DbException.of(DbErrorKind.ENCODING, RedisErrors.BACKEND,
                    "entry " + entry.getID() + " of " + stream + " cannot be read: " + e.getMessage(), null, e);
        }
    }

    private static StreamEntryId entryId(Object reply) {
        if (!(reply instanceof String text)) {
            throw DbException.of(DbErrorKind.QUERY, RedisErrors.BACKEND, "stream-append.lua replied " + reply + ", expected an entry id");
        }
        return parseId(text);
    }

    private static StreamEntryId parseId(String text) {
        try {
            return StreamEntryId.parse(text);
        } catch (IllegalArgumentException e) {
            throw DbException.of(DbErrorKind.ENCODING, RedisErrors.BACKEND, "not a stream entry id: " + text, null, e);
        }
    }

    private static int blockMillis(Duration block) {
        PortInput.notNull(block, "block", RedisErrors.BACKEND);
        if (block.isNegative() || block.compareTo(MAX_BLOCK) > 0) {
            throw DbException.invalidInput(RedisErrors.BACKEND, "block is " + block + ", must be between 0 and " + MAX_BLOCK, null);
        }
        if (block.isZero()) {
            return 0;
        }
        return (int) Math.max(1, block.toMillis());
    }
}
