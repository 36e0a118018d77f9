package io.soltrade.data.ports;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TraderId;
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

    /** A trader's events detected in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<MevEvent> findByTrader(TraderId trader, TimeRange range, int limit);

    /**
     * The assessments of one trade ({@link MevEvent#tradeId()}), oldest first, at most {@code limit} (1..10,000).
     * Stores without an index on the trade id scan their retention window (QuestDB: 30 days); see each adapter's README.
     */
    List<MevEvent> findByTrade(TradeId trade, int limit);
}
