package io.soltrade.data.ports;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Capped, append-only event streams ({@link StreamName}): each keeps at most {@link #maxLength()} entries,
 * dropping the oldest. Plain readers tail a stream; consumer groups give at-least-once processing with
 * acknowledgement, reclaiming of entries a dead consumer left pending, and a dead-letter stream for entries
 * delivered too many times.
 */
public interface EventStream {

    /** Appends {@code event} to its stream ({@link StreamEvent#stream()}) and returns its id once stored. */
    StreamEntryId publish(StreamEvent event);

    /** Appends every event in one round trip; the ids are in the order of {@code events}. */
    List<StreamEntryId> publishAll(List<? extends StreamEvent> events);

    long length(StreamName stream);

    /** The cap each stream is kept at. */
    long maxLength();

    /**
     * Up to {@code count} entries after {@code after}, waiting up to {@code block} for the first one (zero:
     * do not wait).
     */
    StreamBatch read(StreamName stream, StreamEntryId after, int count, Duration block);

    /** Creates the consumer group if it does not exist (idempotent). */
    void ensureGroup(StreamName stream, String group, GroupStart start);

    /** Up to {@code count} entries never delivered to the group, waiting up to {@code block}; they stay pending until acked. */
    List<StreamEntry> readGroup(StreamName stream, String group, String consumer, int count, Duration block);

    /** Acknowledges entries; returns how many were pending. */
    long ack(StreamName stream, String group, Collection<StreamEntryId> ids);

    /**
     * Takes over up to {@code count} entries pending longer than {@code minIdle} for {@code consumer}; an entry
     * delivered more than the adapter's dead-letter threshold is moved to the dead-letter stream instead.
     */
    ClaimResult claimStale(StreamName stream, String group, String consumer, Duration minIdle, int count);

    /** How many entries the group has delivered and not yet had acknowledged. */
    long pending(StreamName stream, String group);

    /** Entries moved to {@code stream}'s dead-letter stream, oldest first, at most {@code limit}. */
    List<StreamEntry> deadLetters(StreamName stream, int limit);
}
