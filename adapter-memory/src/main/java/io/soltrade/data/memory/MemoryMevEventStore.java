package io.soltrade.data.memory;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PortInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** MEV events by id and by detection time; saving an id again is a no-op. */
public final class MemoryMevEventStore extends SimulatedStore<MemoryMevEventStore> implements MevEventStore {
    private static final String BACKEND = Simulation.BACKEND;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<UUID, MevEvent> byId = new HashMap<>();
    private final NavigableMap<TimeKey, MevEvent> byTime = new TreeMap<>();

    public MemoryMevEventStore() {
        this(MemorySettings.defaults());
    }

    public MemoryMevEventStore(MemorySettings settings) {
        super("MevEventStore", settings);
    }

    @Override
    MemoryMevEventStore self() {
        return this;
    }

    @Override
    public void save(MevEvent event) {
        PortInput.notNull(event, "event", BACKEND);
        simulation.beforeWrite("save");
        insertAll(List.of(event));
    }

    @Override
    public CompletableFuture<Void> saveAsync(MevEvent event) {
        PortInput.notNull(event, "event", BACKEND);
        return async(() -> save(event));
    }

    @Override
    public void batchSave(List<MevEvent> events) {
        List<MevEvent> checked = List.copyOf(PortInput.batch(events, "events", BACKEND));
        if (checked.isEmpty()) {
            return;
        }
        simulation.beforeWrite("batchSave");
        insertAll(checked);
    }

    private void insertAll(List<MevEvent> events) {
        lock.writeLock().lock();
        try {
            for (MevEvent event : events) {
                if (byId.putIfAbsent(event.id(), event) == null) {
                    byTime.put(new TimeKey(event.detectedAt(), event.id().toString()), event);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<MevEvent> findByOutcome(MevOutcome outcome, TimeRange range, int limit) {
        PortInput.notNull(outcome, "outcome", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("findByOutcome");
        return inRange(range, outcome, limit);
    }

    @Override
    public List<MevEvent> findBetween(TimeRange range, int limit) {
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("findBetween");
        return inRange(range, null, limit);
    }

    @Override
    public List<MevEvent> findByTrader(TraderId trader, TimeRange range, int limit) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("findByTrader");
        lock.readLock().lock();
        try {
            return byTime.subMap(TimeKey.first(range.from()), TimeKey.first(range.to())).values().stream()
                    .filter(event -> event.trader().equals(trader))
                    .limit(limit)
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<MevEvent> findByTrade(TradeId trade, int limit) {
        PortInput.notNull(trade, "trade", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("findByTrade");
        lock.readLock().lock();
        try {
            return byTime.values().stream().filter(event -> event.tradeId().filter(trade::equals).isPresent()).limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Events in {@code range} with {@code outcome} (any outcome when null), oldest first. */
    private List<MevEvent> inRange(TimeRange range, MevOutcome outcome, int limit) {
        lock.readLock().lock();
        try {
            return byTime.subMap(TimeKey.first(range.from()), TimeKey.first(range.to())).values().stream()
                    .filter(event -> outcome == null || event.outcome() == outcome)
                    .limit(limit)
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }
}
