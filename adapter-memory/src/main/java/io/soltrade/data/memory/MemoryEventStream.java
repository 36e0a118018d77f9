package io.soltrade.data.memory;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventStream} in memory, with the semantics of the Redis adapter: one {@link CappedStreamLog} per
 * {@link StreamName}, each trimmed exactly to the cap on every append; consumer groups with pending lists;
 * idle times measured on the injected {@link Clock}; entries delivered {@code maxDeliveries} times dead-lettered
 * by the next claim. Blocking reads wait in real time. Failures and latency are simulated as for every memory
 * store: publishing and every group operation that changes state count as writes, the rest as reads. Thread-safe.
 */
public final class MemoryEventStream extends SimulatedStore<MemoryEventStream> implements EventStream {
    public static final long DEFAULT_MAX_LENGTH = 10_000;
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    private static final String BACKEND = Simulation.BACKEND;

    private final Map<StreamName, CappedStreamLog> logs = new EnumMap<>(StreamName.class);
    private final long maxLength;
    private final int maxDeliveries;

    public MemoryEventStream() {
        this(MemorySettings.defaults());
    }

    public MemoryEventStream(MemorySettings settings) {
        this(settings, DEFAULT_MAX_LENGTH, DEFAULT_MAX_DELIVERIES);
    }

    public MemoryEventStream(MemorySettings settings, long maxLength, int maxDeliveries) {
        super("EventStream", settings);
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, got " + maxLength);
        }
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("maxDeliveries must be at least 1, got " + maxDeliveries);
        }
        this.maxLength = maxLength;
        this.maxDeliveries = maxDeliveries;
        for (StreamName name : StreamName.values()) {
            logs.put(name, new CappedStreamLog(settings.clock(), maxLength));
        }
    }

    @Override
    MemoryEventStream self() {
        return this;
    }

    /** How many deliveries an entry gets before a claim moves it to the dead-letter list. */
    public int maxDeliveries() {
        return maxDeliveries;
    }

    @Override
    public StreamEntryId publish(StreamEvent event) {
        PortInput.notNull(event, "event", BACKEND);
        simulation.beforeWrite("publish");
        return logs.get(event.stream()).append(event);
    }

    @Override
    public List<StreamEntryId> publishAll(List<? extends StreamEvent> events) {
        PortInput.batch(events, "events", BACKEND);
        if (events.isEmpty()) {
            return List.of();
        }
        simulation.beforeWrite("publishAll");
        List<StreamEntryId> ids = new ArrayList<>(events.size());
        for (StreamEvent event : events) {
            ids.add(logs.get(event.stream()).append(event));
        }
        return ids;
    }

    @Override
    public long length(StreamName stream) {
        CappedStreamLog log = log(stream);
        simulation.beforeRead("length");
        return log.length();
    }

    @Override
    public long maxLength() {
        return maxLength;
    }

    @Override
    public StreamBatch read(StreamName stream, StreamEntryId after, int count, Duration block) {
        CappedStreamLog log = log(stream);
        PortInput.notNull(after, "after", BACKEND);
        PortInput.limit(count, BACKEND);
        checkNotNegative(block, "block");
        simulation.beforeRead("read");
        try {
            return log.read(after, count, block);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    @Override
    public void ensureGroup(StreamName stream, String group, GroupStart start) {
        CappedStreamLog log = log(stream);
        PortInput.name(group, "group", BACKEND);
        PortInput.notNull(start, "start", BACKEND);
        simulation.beforeWrite("ensureGroup");
        log.ensureGroup(group, start);
    }

    @Override
    public List<StreamEntry> readGroup(StreamName stream, String group, String consumer, int count, Duration block) {
        CappedStreamLog log = log(stream);
        PortInput.name(group, "group", BACKEND);
        PortInput.name(consumer, "consumer", BACKEND);
        PortInput.limit(count, BACKEND);
        checkNotNegative(block, "block");
        simulation.beforeWrite("readGroup");
        try {
            return log.readGroup(group, consumer, count, block).orElseThrow(() -> noGroup(stream, group));
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    @Override
    public long ack(StreamName stream, String group, Collection<StreamEntryId> ids) {
        CappedStreamLog log = log(stream);
        PortInput.name(group, "group", BACKEND);
        PortInput.batch(ids, "ids", BACKEND);
        simulation.beforeWrite("ack");
        return log.ack(group, ids);
    }

    @Override
    public ClaimResult claimStale(StreamName stream, String group, String consumer, Duration minIdle, int count) {
        CappedStreamLog log = log(stream);
        PortInput.name(group, "group", BACKEND);
        PortInput.name(consumer, "consumer", BACKEND);
        checkNotNegative(minIdle, "minIdle");
        PortInput.limit(count, BACKEND);
        simulation.beforeWrite("claimStale");
        CappedStreamLog.Claim claim = log.claimStale(group, consumer, minIdle, count, maxDeliveries)
                .orElseThrow(() -> noGroup(stream, group));
        return new ClaimResult(claim.claimed(), claim.deadLettered());
    }

    @Override
    public long pending(StreamName stream, String group) {
        CappedStreamLog log = log(stream);
        PortInput.name(group, "group", BACKEND);
        simulation.beforeRead("pending");
        return log.pending(group).orElseThrow(() -> noGroup(stream, group));
    }

    @Override
    public List<StreamEntry> deadLetters(StreamName stream, int limit) {
        CappedStreamLog log = log(stream);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("deadLetters");
        return log.deadLetters(limit);
    }

    private CappedStreamLog log(StreamName stream) {
        return logs.get(PortInput.notNull(stream, "stream", BACKEND));
    }

    private static void checkNotNegative(Duration duration, String argument) {
        PortInput.notNull(duration, argument, BACKEND);
        if (duration.isNegative()) {
            throw DbException.invalidInput(BACKEND, argument + " is negative: " + duration, null);
        }
    }

    private static DbException noGroup(StreamName stream, String group) {
        return DbException.of(DbErrorKind.NOT_FOUND, BACKEND, "no consumer group '" + group + "' on " + stream.key());
    }

    private static DbException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return DbException.of(DbErrorKind.TIMEOUT, BACKEND, "interrupted while blocked on a stream read", null, e);
    }
}
