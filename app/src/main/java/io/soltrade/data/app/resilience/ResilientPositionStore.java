package io.soltrade.data.app.resilience;

import static io.soltrade.data.app.resilience.Idempotency.IDEMPOTENT;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PnlQuery;
import io.soltrade.data.ports.PositionStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Every operation is idempotent: a position state is keyed by trader, mode, token and update time. */
final class ResilientPositionStore implements PositionStore {
    private static final Port PORT = Port.POSITIONS;
    private final PositionStore delegate;
    private final BackendGuard guard;

    ResilientPositionStore(PositionStore delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public void save(Position position) {
        guard.run(PORT, "save", IDEMPOTENT, () -> delegate.save(position));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Position position) {
        return guard.callAsync(PORT, "saveAsync", IDEMPOTENT, () -> delegate.saveAsync(position));
    }

    @Override
    public void batchSave(List<Position> positions) {
        guard.run(PORT, "batchSave", IDEMPOTENT, () -> delegate.batchSave(positions));
    }

    @Override
    public Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token) {
        return guard.call(PORT, "latest", IDEMPOTENT, () -> delegate.latest(trader, mode, token));
    }

    @Override
    public List<Position> latestForTrader(TraderId trader, TradingMode mode) {
        return guard.call(PORT, "latestForTrader", IDEMPOTENT, () -> delegate.latestForTrader(trader, mode));
    }

    @Override
    public List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit) {
        return guard.call(PORT, "history", IDEMPOTENT, () -> delegate.history(trader, mode, token, range, limit));
    }

    @Override
    public Optional<Position> current(PositionKey key) {
        return guard.call(PORT, "current", IDEMPOTENT, () -> delegate.current(key));
    }

    @Override
    public List<Position> historyOf(PositionKey key, TimeRange range, int limit) {
        return guard.call(PORT, "historyOf", IDEMPOTENT, () -> delegate.historyOf(key, range, limit));
    }

    @Override
    public List<PeriodPnl> realizedPnl(PnlQuery query) {
        return guard.call(PORT, "realizedPnl", IDEMPOTENT, () -> delegate.realizedPnl(query));
    }
}
