package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_ACK;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_CLAIM_STALE;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_DEAD_LETTERS;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_ENSURE_GROUP;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_LENGTH;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_PENDING;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_PUBLISH;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_PUBLISH_ALL;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_READ;
import static io.soltrade.data.ports.PortOperation.EVENT_STREAM_READ_GROUP;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Appends are not idempotent (each creates a new entry), nor are group reads (they mark entries pending) and
 * claims (they move ownership and count deliveries): those are retried only after failures that prove nothing
 * happened. Tailing reads, lengths, group creation, acks and pending counts are idempotent.
 */
final class ResilientEventStream implements EventStream {
    private static final Port PORT = Port.STREAMS;
    private final EventStream delegate;
    private final BackendGuard guard;

    ResilientEventStream(EventStream delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public StreamEntryId publish(StreamEvent event) {
        return guard.call(PORT, EVENT_STREAM_PUBLISH, () -> delegate.publish(event));
    }

    @Override
    public List<StreamEntryId> publishAll(List<? extends StreamEvent> events) {
        return guard.call(PORT, EVENT_STREAM_PUBLISH_ALL, () -> delegate.publishAll(events));
    }

    @Override
    public long length(StreamName stream) {
        return guard.call(PORT, EVENT_STREAM_LENGTH, () -> delegate.length(stream));
    }

    @Override
    public long maxLength() {
        return delegate.maxLength();
    }

    @Override
    public StreamBatch read(StreamName stream, StreamEntryId after, int count, Duration block) {
        return guard.call(PORT, EVENT_STREAM_READ, () -> delegate.read(stream, after, count, block));
    }

    @Override
    public void ensureGroup(StreamName stream, String group, GroupStart start) {
        guard.run(PORT, EVENT_STREAM_ENSURE_GROUP, () -> delegate.ensureGroup(stream, group, start));
    }

    @Override
    public List<StreamEntry> readGroup(StreamName stream, String group, String consumer, int count, Duration block) {
        return guard.call(PORT, EVENT_STREAM_READ_GROUP, () -> delegate.readGroup(stream, group, consumer, count, block));
    }

    @Override
    public long ack(StreamName stream, String group, Collection<StreamEntryId> ids) {
        return guard.call(PORT, EVENT_STREAM_ACK, () -> delegate.ack(stream, group, ids));
    }

    @Override
    public ClaimResult claimStale(StreamName stream, String group, String consumer, Duration minIdle, int count) {
        return guard.call(PORT, EVENT_STREAM_CLAIM_STALE, () -> delegate.claimStale(stream, group, consumer, minIdle, count));
    }

    @Override
    public long pending(StreamName stream, String group) {
        return guard.call(PORT, EVENT_STREAM_PENDING, () -> delegate.pending(stream, group));
    }

    @Override
    public List<StreamEntry> deadLetters(StreamName stream, int limit) {
        return guard.call(PORT, EVENT_STREAM_DEAD_LETTERS, () -> delegate.deadLetters(stream, limit));
    }
}
