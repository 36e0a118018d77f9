package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.TRADE_STORE_BATCH_SAVE;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_CANDLES;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_FIND_BETWEEN;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_FIND_BY_ID;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_FIND_BY_TOKEN;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_FIND_BY_TRADER;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_SAVE;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_SAVE_ASYNC;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_UPDATE_COMMITMENT;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.TradePage;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.ports.TradeStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Every operation is idempotent: trades are keyed by id, and saving a stored id is a no-op. */
final class ResilientTradeStore implements TradeStore {
    private static final Port PORT = Port.TRADES;
    private final TradeStore delegate;
    private final BackendGuard guard;

    ResilientTradeStore(TradeStore delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public void save(Trade trade) {
        guard.run(PORT, TRADE_STORE_SAVE, () -> delegate.save(trade));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Trade trade) {
        return guard.callAsync(PORT, TRADE_STORE_SAVE_ASYNC, () -> delegate.saveAsync(trade));
    }

    @Override
    public void batchSave(List<Trade> trades) {
        guard.run(PORT, TRADE_STORE_BATCH_SAVE, () -> delegate.batchSave(trades));
    }

    @Override
    public Optional<Trade> findById(TradeId id) {
        return guard.call(PORT, TRADE_STORE_FIND_BY_ID, () -> delegate.findById(id));
    }

    @Override
    public List<Trade> findByToken(Pubkey token, int limit) {
        return guard.call(PORT, TRADE_STORE_FIND_BY_TOKEN, () -> delegate.findByToken(token, limit));
    }

    @Override
    public List<Trade> findBetween(TimeRange range, int limit) {
        return guard.call(PORT, TRADE_STORE_FIND_BETWEEN, () -> delegate.findBetween(range, limit));
    }

    @Override
    public TradePage findByTrader(TradeQuery query) {
        return guard.call(PORT, TRADE_STORE_FIND_BY_TRADER, () -> delegate.findByTrader(query));
    }

    @Override
    public List<Candle> candles(CandleQuery query) {
        return guard.call(PORT, TRADE_STORE_CANDLES, () -> delegate.candles(query));
    }

    /** Idempotent: an update moves the commitment forward only, so a repeat after a lost reply changes nothing. */
    @Override
    public Trade updateCommitment(TradeId id, Commitment commitment) {
        return guard.call(PORT, TRADE_STORE_UPDATE_COMMITMENT, () -> delegate.updateCommitment(id, commitment));
    }
}
