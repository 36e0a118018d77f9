package io.soltrade.data.app.resilience;

import static io.soltrade.data.app.resilience.Idempotency.IDEMPOTENT;
import static io.soltrade.data.app.resilience.Idempotency.NOT_IDEMPOTENT;

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
        return guard.call(PORT, "publish", NOT_IDEMPOTENT, () -> delegate.publish(event));
    }

    @Override
    public List<StreamEntryId> publishAll(List<? extends StreamEvent> events) {
        return guard.call(PORT, "publishAll", NOT_IDEMPOTENT, () -> delegate.publishAll(events));
    }

    @Override
    public long length(StreamName stream) {
        return guard.call(PORT, "length", IDEMPOTENT, () -> delegate.length(stream));
    }

    @Override
    public long maxLength() {
        return delegate.maxLength();
    }

    @Override
    public StreamBatch read(StreamName stream, StreamEntryId after, int count, Duration block) {
        return guard.call(PORT, "read", IDEMPOTENT, () -> delegate.read(stream, after, count, block));
    }

    @Override
    public void ensureGroup(StreamName stream, String group, GroupStart start) {
        guard.run(PORT, "ensureGroup", IDEMPOTENT, () -> delegate.ensureGroup(stream, group, start));
    }

    @Override
    public List<StreamEntry> readGroup(StreamName stream, String group, String consumer, int count, Duration block) {
        return guard.call(PORT, "readGroup", NOT_IDEMPOTENT, () -> delegate.readGroup(stream, group, consumer, count, block));
    }

    @Override
    public long ack(StreamName stream, String group, Collection<StreamEntryId> ids) {
        return guard.call(PORT, "ack", IDEMPOTENT, () -> delegate.ack(stream, group, ids));
    }

    @Override
    public ClaimResult claimStale(StreamName stream, String group, String consumer, Duration minIdle, int count) {
        return guard.call(PORT, "claimStale", NOT_IDEMPOTENT, () -> delegate.claimStale(stream, group, consumer, minIdle, count));
    }

    @Override
    public long pending(StreamName stream, String group) {
        return guard.call(PORT, "pending", IDEMPOTENT, () -> delegate.pending(stream, group));
    }

    @Override
    public List<StreamEntry> deadLetters(StreamName stream, int limit) {
        return guard.call(PORT, "deadLetters", IDEMPOTENT, () -> delegate.deadLetters(stream, limit));
    }
}
