package io.soltrade.data.app.resilience;

import static io.soltrade.data.app.resilience.Idempotency.IDEMPOTENT;

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
        guard.run(PORT, "save", IDEMPOTENT, () -> delegate.save(event));
    }

    @Override
    public CompletableFuture<Void> saveAsync(MevEvent event) {
        return guard.callAsync(PORT, "saveAsync", IDEMPOTENT, () -> delegate.saveAsync(event));
    }

    @Override
    public void batchSave(List<MevEvent> events) {
        guard.run(PORT, "batchSave", IDEMPOTENT, () -> delegate.batchSave(events));
    }

    @Override
    public List<MevEvent> findByOutcome(MevOutcome outcome, TimeRange range, int limit) {
        return guard.call(PORT, "findByOutcome", IDEMPOTENT, () -> delegate.findByOutcome(outcome, range, limit));
    }

    @Override
    public List<MevEvent> findBetween(TimeRange range, int limit) {
        return guard.call(PORT, "findBetween", IDEMPOTENT, () -> delegate.findBetween(range, limit));
    }

    @Override
    public List<MevEvent> findByTrader(TraderId trader, TimeRange range, int limit) {
        return guard.call(PORT, "findByTrader", IDEMPOTENT, () -> delegate.findByTrader(trader, range, limit));
    }

    @Override
    public List<MevEvent> findByTrade(TradeId trade, int limit) {
        return guard.call(PORT, "findByTrade", IDEMPOTENT, () -> delegate.findByTrade(trade, limit));
    }
}
