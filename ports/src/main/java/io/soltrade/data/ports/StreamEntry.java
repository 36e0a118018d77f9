package io.soltrade.data.ports;

import io.soltrade.data.domain.StreamEvent;
import java.util.Objects;

/** One event as it sits in a stream. */
public record StreamEntry(StreamEntryId id, StreamEvent event) {

    public StreamEntry {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(event, "event is null");
    }
}
