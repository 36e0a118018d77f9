package io.soltrade.data.ports;

import java.util.List;
import java.util.Objects;

/**
 * What a tailing read returns: the entries after the reader's position, and how many entries the reader can
 * no longer see because the stream's cap trimmed them before they were read ({@code missed}, 0 when the reader
 * kept up). A reader that sees {@code missed > 0} fell behind and should resynchronise from a snapshot.
 */
public record StreamBatch(List<StreamEntry> entries, long missed) {

    public StreamBatch {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries is null"));
        if (missed < 0) {
            throw new IllegalArgumentException("missed must not be negative: " + missed);
        }
    }

    /** The id to read after next time: the last entry's, or {@code previous} when nothing came. */
    public StreamEntryId nextAfter(StreamEntryId previous) {
        return entries.isEmpty() ? previous : entries.get(entries.size() - 1).id();
    }
}
