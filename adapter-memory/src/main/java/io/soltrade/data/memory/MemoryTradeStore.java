package io.soltrade.data.memory;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleSeries;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.EmptyIntervals;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradePage;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.ports.TradeStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.StreamSupport;

/**
 * Trades in memory, indexed by id, by traded token, by trader and by time, each index ordered by
 * ({@code executedAt}, id). One read-write lock makes a batch appear at once to readers, as a committed transaction
 * would. The first save of an id wins; a commitment update replaces the trade in every index.
 */
public final class MemoryTradeStore extends SimulatedStore<MemoryTradeStore> implements TradeStore {
    private static final String BACKEND = Simulation.BACKEND;
    /** What a token or trader without trades reads: never written. */
    private static final TimeOrderedIndex<Trade> NONE = new TimeOrderedIndex<>();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<TradeId, Trade> byId = new HashMap<>();
    private final TimeOrderedIndex<Trade> byTime = new TimeOrderedIndex<>();
    private final Map<Pubkey, TimeOrderedIndex<Trade>> byToken = new HashMap<>();
    private final Map<TraderId, TimeOrderedIndex<Trade>> byTrader = new HashMap<>();

    public MemoryTradeStore() {
        this(MemorySettings.defaults());
    }

    public MemoryTradeStore(MemorySettings settings) {
        super("TradeStore", settings);
    }

    @Override
    MemoryTradeStore self() {
        return this;
    }

    @Override
    public void save(Trade trade) {
        PortInput.notNull(trade, "trade", BACKEND);
        simulation.beforeWrite("save");
        insertAll(List.of(trade));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Trade trade) {
        PortInput.notNull(trade, "trade", BACKEND);
        return async(() -> save(trade));
    }

    @Override
    public void batchSave(List<Trade> trades) {
        List<Trade> checked = List.copyOf(PortInput.batch(trades, "trades", BACKEND));
        if (checked.isEmpty()) {
            return;
        }
        simulation.beforeWrite("batchSave");
        insertAll(checked);
    }

    private void insertAll(List<Trade> trades) {
        lock.writeLock().lock();
        try {
            for (Trade trade : trades) {
                if (byId.putIfAbsent(trade.id(), trade) == null) {
                    index(trade);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void index(Trade trade) {
        TimeKey key = key(trade);
        byTime.put(key, trade);
        byToken.computeIfAbsent(trade.token(), token -> new TimeOrderedIndex<>()).put(key, trade);
        byTrader.computeIfAbsent(trade.trader(), trader -> new TimeOrderedIndex<>()).put(key, trade);
    }

    private static TimeKey key(Trade trade) {
        return TimeKey.ofTrade(trade.executedAt(), trade.id());
    }

    @Override
    public Optional<Trade> findById(TradeId id) {
        PortInput.notNull(id, "id", BACKEND);
        simulation.beforeRead("findById");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(byId.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Trade> findByToken(Pubkey token, int limit) {
        PortInput.notNull(token, "token", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("findByToken");
        lock.readLock().lock();
        try {
            List<Trade> newest = new ArrayList<>(Math.min(limit, 1_024));
            for (Trade trade : byToken.getOrDefault(token, NONE).newestFirst()) {
                if (newest.size() == limit) {
                    break;
                }
                newest.add(trade);
            }
            return List.copyOf(newest);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Trade> findBetween(TimeRange range, int limit) {
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("findBetween");
        lock.readLock().lock();
        try {
            return byTime.between(TimeKey.first(range.from()), TimeKey.first(range.to())).stream().limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public TradePage findByTrader(TradeQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        simulation.beforeRead("findByTrader");
        lock.readLock().lock();
        try {
            TimeOrderedIndex<Trade> trades = byTrader.getOrDefault(query.trader(), NONE);
            Iterable<Trade> older = query.after()
                    .map(cursor -> trades.newestBefore(new TimeKey(cursor.executedAt(), cursor.id().naturalKey())))
                    .orElseGet(trades::newestFirst);
            return TradePage.of(query, StreamSupport.stream(older.spliterator(), false)
                    .filter(trade -> query.mode().map(mode -> trade.mode() == mode).orElse(true))
                    .filter(trade -> query.minimumCommitment().map(trade.commitment()::meets).orElse(true))
                    .limit(query.limit() + 1L)
                    .toList());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Candle> candles(CandleQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        simulation.beforeRead("candles");
        lock.readLock().lock();
        try {
            TimeOrderedIndex<Trade> trades = byToken.getOrDefault(query.token(), NONE);
            List<Trade> inRange = trades.between(TimeKey.first(query.range().from()), TimeKey.first(query.range().to())).stream()
                    .filter(trade -> counts(trade, query))
                    .toList();
            Optional<BigDecimal> previousClose = query.emptyIntervals() == EmptyIntervals.FILL
                    ? StreamSupport.stream(trades.newestBefore(TimeKey.first(query.range().from())).spliterator(), false)
                            .filter(trade -> counts(trade, query)).findFirst().map(Trade::price)
                    : Optional.empty();
            return CandleSeries.withEmptyIntervals(CandleSeries.of(inRange, query.interval()), query.interval(), query.range(),
                    query.emptyIntervals(), previousClose);
        } finally {
            lock.readLock().unlock();
        }
    }

    private static boolean counts(Trade trade, CandleQuery query) {
        return trade.quote().equals(query.quote()) && trade.commitment().meets(query.minimumCommitment());
    }

    @Override
    public Trade updateCommitment(TradeId id, Commitment commitment) {
        PortInput.notNull(id, "id", BACKEND);
        PortInput.notNull(commitment, "commitment", BACKEND);
        simulation.beforeWrite("updateCommitment");
        lock.writeLock().lock();
        try {
            Trade stored = byId.get(id);
            if (stored == null) {
                throw DbException.of(DbErrorKind.NOT_FOUND, BACKEND, "no trade " + id);
            }
            Trade updated;
            try {
                updated = stored.advancedTo(commitment);
            } catch (DomainValidationException e) {
                throw DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "trade " + id + ": " + e.getMessage());
            }
            if (updated != stored) {
                byId.put(id, updated);
                index(updated);
            }
            return updated;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
