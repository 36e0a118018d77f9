package io.soltrade.data.memory;

import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PnlQuery;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PositionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Every stored state of every position, per trader and mode, then per position (token, then quote token), then by
 * {@link Position#updatedAt()}. A state saved again under the same key replaces the one stored. Nothing ages out.
 */
public final class MemoryPositionStore extends SimulatedStore<MemoryPositionStore> implements PositionStore {
    private static final String BACKEND = Simulation.BACKEND;
    private static final Comparator<PositionKey> BY_TOKEN_THEN_QUOTE = Comparator.comparing(PositionKey::token).thenComparing(PositionKey::quote);

    private record Book(TraderId trader, TradingMode mode) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Book, NavigableMap<PositionKey, NavigableMap<Instant, Position>>> books = new HashMap<>();

    public MemoryPositionStore() {
        this(MemorySettings.defaults());
    }

    public MemoryPositionStore(MemorySettings settings) {
        super("PositionStore", settings);
    }

    @Override
    MemoryPositionStore self() {
        return this;
    }

    @Override
    public void save(Position position) {
        PortInput.notNull(position, "position", BACKEND);
        simulation.beforeWrite("save");
        putAll(List.of(position));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Position position) {
        PortInput.notNull(position, "position", BACKEND);
        return async(() -> save(position));
    }

    @Override
    public void batchSave(List<Position> positions) {
        List<Position> checked = List.copyOf(PortInput.batch(positions, "positions", BACKEND));
        if (checked.isEmpty()) {
            return;
        }
        simulation.beforeWrite("batchSave");
        putAll(checked);
    }

    private void putAll(List<Position> positions) {
        lock.writeLock().lock();
        try {
            for (Position position : positions) {
                books.computeIfAbsent(new Book(position.trader(), position.mode()), book -> new TreeMap<>(BY_TOKEN_THEN_QUOTE))
                        .computeIfAbsent(position.key(), key -> new TreeMap<>())
                        .put(position.updatedAt(), position);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Position> current(PositionKey key) {
        PortInput.notNull(key, "key", BACKEND);
        simulation.beforeRead("current");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(states(key).lastEntry()).map(Map.Entry::getValue);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token) {
        return current(usdcKey(trader, mode, token));
    }

    @Override
    public List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit) {
        return historyOf(usdcKey(trader, mode, token), range, limit);
    }

    private static PositionKey usdcKey(TraderId trader, TradingMode mode, Pubkey token) {
        return PortInput.usdcPosition(trader, mode, token, BACKEND);
    }

    @Override
    public List<Position> latestForTrader(TraderId trader, TradingMode mode) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        simulation.beforeRead("latestForTrader");
        lock.readLock().lock();
        try {
            return book(trader, mode).values().stream()
                    .map(states -> states.lastEntry().getValue())
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Position> historyOf(PositionKey key, TimeRange range, int limit) {
        PortInput.notNull(key, "key", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("historyOf");
        lock.readLock().lock();
        try {
            return states(key).subMap(range.from(), true, range.to(), false).values().stream().limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<PeriodPnl> realizedPnl(PnlQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        simulation.beforeRead("realizedPnl");
        lock.readLock().lock();
        try {
            Map<PositionKey, Position> before = new HashMap<>();
            List<Position> inRange = new ArrayList<>();
            book(query.trader(), query.mode()).forEach((key, states) -> {
                Map.Entry<Instant, Position> last = states.lowerEntry(query.range().from());
                if (last != null) {
                    before.put(key, last.getValue());
                }
                inRange.addAll(states.subMap(query.range().from(), true, query.range().to(), false).values());
            });
            return PeriodPnl.of(query.period(), query.range(), before, inRange);
        } finally {
            lock.readLock().unlock();
        }
    }

    private NavigableMap<PositionKey, NavigableMap<Instant, Position>> book(TraderId trader, TradingMode mode) {
        return books.getOrDefault(new Book(trader, mode), new TreeMap<>(BY_TOKEN_THEN_QUOTE));
    }

    private NavigableMap<Instant, Position> states(PositionKey key) {
        return book(key.trader(), key.mode()).getOrDefault(key, new TreeMap<>());
    }
}
