package io.soltrade.data.memory;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradeStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Trades in memory, indexed by id, by traded token and by time. One read-write lock makes a batch appear all
 * at once to readers, as a committed transaction would.
 */
public final class MemoryTradeStore extends SimulatedStore<MemoryTradeStore> implements TradeStore {
    private static final String BACKEND = Simulation.BACKEND;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<TradeId, Trade> byId = new HashMap<>();
    private final NavigableMap<TimeKey, Trade> byTime = new TreeMap<>();
    private final Map<Pubkey, NavigableMap<TimeKey, Trade>> byToken = new HashMap<>();

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
                    TimeKey key = new TimeKey(trade.executedAt(), trade.id().naturalKey());
                    byTime.put(key, trade);
                    byToken.computeIfAbsent(trade.token(), token -> new TreeMap<>()).put(key, trade);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
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
            NavigableMap<TimeKey, Trade> trades = byToken.getOrDefault(token, new TreeMap<>());
            return trades.descendingMap().values().stream().limit(limit).toList();
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
            return byTime.subMap(TimeKey.first(range.from()), TimeKey.first(range.to())).values().stream().limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }
}
