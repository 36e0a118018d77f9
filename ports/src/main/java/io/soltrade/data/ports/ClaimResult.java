package io.soltrade.data.ports;

import java.util.List;
import java.util.Objects;

/**
 * What reclaiming stale pending entries did: entries now owned by the claiming consumer, and entries that had
 * been delivered too often and were moved to the dead-letter stream (and acknowledged) instead.
 */
public record ClaimResult(List<StreamEntry> claimed, List<StreamEntryId> deadLettered) {

    public ClaimResult {
        claimed = List.copyOf(Objects.requireNonNull(claimed, "claimed is null"));
        deadLettered = List.copyOf(Objects.requireNonNull(deadLettered, "deadLettered is null"));
    }
}
