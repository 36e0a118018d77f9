package io.soltrade.data.memory;

import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PositionStore;
import java.time.Instant;
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
 * Every stored state of every position, per trader and mode, then per token (in {@link Pubkey} order), then by
 * {@link Position#updatedAt()}. A state saved again under the same key replaces the one stored.
 */
public final class MemoryPositionStore extends SimulatedStore<MemoryPositionStore> implements PositionStore {
    private static final String BACKEND = Simulation.BACKEND;

    private record Book(TraderId trader, TradingMode mode) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Book, NavigableMap<Pubkey, NavigableMap<Instant, Position>>> books = new HashMap<>();

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
                books.computeIfAbsent(new Book(position.trader(), position.mode()), book -> new TreeMap<>())
                        .computeIfAbsent(position.token(), token -> new TreeMap<>())
                        .put(position.updatedAt(), position);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        PortInput.notNull(token, "token", BACKEND);
        simulation.beforeRead("latest");
        lock.readLock().lock();
        try {
            return Optional.ofNullable(states(trader, mode, token).lastEntry()).map(Map.Entry::getValue);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Position> latestForTrader(TraderId trader, TradingMode mode) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        simulation.beforeRead("latestForTrader");
        lock.readLock().lock();
        try {
            return books.getOrDefault(new Book(trader, mode), new TreeMap<>()).values().stream()
                    .map(states -> states.lastEntry().getValue())
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        PortInput.notNull(token, "token", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("history");
        lock.readLock().lock();
        try {
            return states(trader, mode, token).subMap(range.from(), true, range.to(), false).values().stream().limit(limit).toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    private NavigableMap<Instant, Position> states(TraderId trader, TradingMode mode, Pubkey token) {
        return books.getOrDefault(new Book(trader, mode), new TreeMap<>()).getOrDefault(token, new TreeMap<>());
    }
}
