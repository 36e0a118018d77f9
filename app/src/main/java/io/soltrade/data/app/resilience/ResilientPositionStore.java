package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.POSITION_STORE_BATCH_SAVE;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_CURRENT;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_HISTORY;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_HISTORY_OF;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_LATEST;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_LATEST_FOR_TRADER;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_REALIZED_PNL;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_SAVE;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_SAVE_ASYNC;

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
        guard.run(PORT, POSITION_STORE_SAVE, () -> delegate.save(position));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Position position) {
        return guard.callAsync(PORT, POSITION_STORE_SAVE_ASYNC, () -> delegate.saveAsync(position));
    }

    @Override
    public void batchSave(List<Position> positions) {
        guard.run(PORT, POSITION_STORE_BATCH_SAVE, () -> delegate.batchSave(positions));
    }

    @Override
    public Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token) {
        return guard.call(PORT, POSITION_STORE_LATEST, () -> delegate.latest(trader, mode, token));
    }

    @Override
    public List<Position> latestForTrader(TraderId trader, TradingMode mode) {
        return guard.call(PORT, POSITION_STORE_LATEST_FOR_TRADER, () -> delegate.latestForTrader(trader, mode));
    }

    @Override
    public List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit) {
        return guard.call(PORT, POSITION_STORE_HISTORY, () -> delegate.history(trader, mode, token, range, limit));
    }

    @Override
    public Optional<Position> current(PositionKey key) {
        return guard.call(PORT, POSITION_STORE_CURRENT, () -> delegate.current(key));
    }

    @Override
    public List<Position> historyOf(PositionKey key, TimeRange range, int limit) {
        return guard.call(PORT, POSITION_STORE_HISTORY_OF, () -> delegate.historyOf(key, range, limit));
    }

    @Override
    public List<PeriodPnl> realizedPnl(PnlQuery query) {
        return guard.call(PORT, POSITION_STORE_REALIZED_PNL, () -> delegate.realizedPnl(query));
    }
}
