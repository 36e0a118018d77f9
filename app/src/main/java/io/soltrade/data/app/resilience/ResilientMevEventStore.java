package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_BATCH_SAVE;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_FIND_BETWEEN;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_FIND_BY_OUTCOME;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_FIND_BY_TRADE;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_FIND_BY_TRADER;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_SAVE;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_SAVE_ASYNC;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.ports.MevEventStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Every operation is idempotent: an MEV event is keyed by its id. */
final class ResilientMevEventStore implements MevEventStore {
    private static final Port PORT = Port.MEV;
    private final MevEventStore delegate;
    private final BackendGuard guard;

    ResilientMevEventStore(MevEventStore delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public void save(MevEvent event) {
        guard.run(PORT, MEV_EVENT_STORE_SAVE, () -> delegate.save(event));
    }

    @Override
    public CompletableFuture<Void> saveAsync(MevEvent event) {
        return guard.callAsync(PORT, MEV_EVENT_STORE_SAVE_ASYNC, () -> delegate.saveAsync(event));
    }

    @Override
    public void batchSave(List<MevEvent> events) {
        guard.run(PORT, MEV_EVENT_STORE_BATCH_SAVE, () -> delegate.batchSave(events));
    }

    @Override
    public List<MevEvent> findByOutcome(MevOutcome outcome, TimeRange range, int limit) {
        return guard.call(PORT, MEV_EVENT_STORE_FIND_BY_OUTCOME, () -> delegate.findByOutcome(outcome, range, limit));
    }

    @Override
    public List<MevEvent> findBetween(TimeRange range, int limit) {
        return guard.call(PORT, MEV_EVENT_STORE_FIND_BETWEEN, () -> delegate.findBetween(range, limit));
    }

    @Override
    public List<MevEvent> findByTrader(TraderId trader, TimeRange range, int limit) {
        return guard.call(PORT, MEV_EVENT_STORE_FIND_BY_TRADER, () -> delegate.findByTrader(trader, range, limit));
    }

    @Override
    public List<MevEvent> findByTrade(TradeId trade, int limit) {
        return guard.call(PORT, MEV_EVENT_STORE_FIND_BY_TRADE, () -> delegate.findByTrade(trade, limit));
    }
}
