package io.soltrade.data.ports;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.TimeRange;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Sandwich-attack assessments, keyed by {@link MevEvent#id()}. */
public interface MevEventStore {

    void save(MevEvent event);

    CompletableFuture<Void> saveAsync(MevEvent event);

    void batchSave(List<MevEvent> events);

    /** Events with {@code outcome} detected in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<MevEvent> findByOutcome(MevOutcome outcome, TimeRange range, int limit);

    /** All events detected in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<MevEvent> findBetween(TimeRange range, int limit);
}
