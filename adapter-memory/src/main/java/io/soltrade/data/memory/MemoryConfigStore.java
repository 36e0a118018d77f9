package io.soltrade.data.memory;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Configuration in memory. Single operations take the store's lock only around their table access (a read lock to
 * read, the write lock to change), never across their simulated latency. A {@link #inTransaction} unit runs the
 * caller's work without any store-wide lock, on a private draft of the tables taken from a consistent snapshot, and
 * commits optimistically: under the write lock, if no table the unit read was changed by another commit since its
 * snapshot, its changes are replayed on the store's tables; otherwise nothing of it is applied and it fails with
 * {@link DbErrorKind#SERIALIZATION_CONFLICT} (transient: retry the unit), as PostgreSQL's serializable transactions
 * do. So units are serializable, a slow unit or a slow simulated call never holds up the others, and an exception
 * (or a simulated failure) leaves nothing behind. Audit entries are stamped with the store's {@link Clock}.
 */
public final class MemoryConfigStore extends SimulatedStore<MemoryConfigStore> implements ConfigStore {
    private static final String BACKEND = Simulation.BACKEND;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConfigTables tables = new ConfigTables();
    private final MemoryConfigOperations committed;
    private final Clock clock;
    /** Set on a thread while it runs a unit's work: the store itself must not be written to from there. */
    private final ThreadLocal<Boolean> insideUnit = ThreadLocal.withInitial(() -> false);

    public MemoryConfigStore() {
        this(MemorySettings.defaults());
    }

    /** A store whose audit entries are stamped by {@code clock}. */
    public MemoryConfigStore(Clock clock) {
        this(MemorySettings.defaults().withClock(clock));
    }

    public MemoryConfigStore(MemorySettings settings) {
        super("ConfigStore", settings);
        this.clock = settings.clock();
        this.committed = new MemoryConfigOperations(tables, new LockGate(), simulation, clock, false);
    }

    @Override
    MemoryConfigStore self() {
        return this;
    }

    @Override
    public <T> T inTransaction(Function<ConfigOperations, T> work) {
        PortInput.notNull(work, "work", BACKEND);
        refuseInsideTransaction("inTransaction");
        simulation.beforeWrite("inTransaction");
        ConfigTables draftTables;
        lock.readLock().lock();
        try {
            draftTables = tables.draft();
        } finally {
            lock.readLock().unlock();
        }
        MemoryConfigOperations draft = new MemoryConfigOperations(draftTables, MemoryConfigOperations.PRIVATE, simulation, clock, true);
        insideUnit.set(true);
        try {
            T result = work.apply(draft);
            Optional<DbException> aborted = draft.abortedBy();
            if (aborted.isPresent()) {
                throw DbException.of(aborted.get().kind(), BACKEND,
                        "the transaction was aborted by an earlier failure: " + aborted.get().getMessage(), null, aborted.get());
            }
            draft.close();
            commit(draftTables);
            return result;
        } catch (DbException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DbException.of(DbErrorKind.QUERY, BACKEND, "the unit of work failed and was rolled back: " + e, null, e);
        } finally {
            draft.close();
            insideUnit.remove();
        }
    }

    private void commit(ConfigTables draftTables) {
        lock.writeLock().lock();
        try {
            Optional<ConfigTables.Table> conflict = tables.conflictWith(draftTables);
            if (conflict.isPresent()) {
                throw DbException.of(DbErrorKind.SERIALIZATION_CONFLICT, BACKEND, "the unit of work read " + conflict.get()
                        + ", which another write changed before it could commit; nothing of it was applied (retry the unit)");
            }
            tables.commit(draftTables);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The store's lock, taken by an operation only around its table access. */
    private final class LockGate implements MemoryConfigOperations.Gate {
        @Override
        public <T> T read(Supplier<T> query) {
            lock.readLock().lock();
            try {
                return query.get();
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public <T> T write(Supplier<T> change) {
            lock.writeLock().lock();
            try {
                return change.get();
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    private <T> T read(Supplier<T> query) {
        return query.get();
    }

    private <T> T write(String operation, Supplier<T> change) {
        refuseInsideTransaction(operation);
        return change.get();
    }

    /**
     * A write through the store itself from inside a unit's work would not be part of the unit (and would make the
     * unit's own commit fail); it is refused instead.
     */
    private void refuseInsideTransaction(String operation) {
        if (insideUnit.get()) {
            throw DbException.of(DbErrorKind.UNSUPPORTED, BACKEND,
                    operation + " called on the store inside inTransaction: use the ConfigOperations the work was given");
        }
    }

    @Override
    public void upsertToken(TokenMetadata token, Actor actor) {
        write("upsertToken", () -> {
            committed.upsertToken(token, actor);
            return null;
        });
    }

    @Override
    public Optional<TokenMetadata> findToken(Pubkey mint) {
        return read(() -> committed.findToken(mint));
    }

    @Override
    public List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit) {
        return read(() -> committed.findTokensBySymbol(symbol, limit));
    }

    @Override
    public List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit) {
        return read(() -> committed.findTokensWithExtension(type, limit));
    }

    @Override
    public TraderConfig saveTraderConfig(TraderConfig config, Actor actor) {
        return write("saveTraderConfig", () -> committed.saveTraderConfig(config, actor));
    }

    @Override
    public Optional<TraderConfig> findTraderConfig(TraderId trader) {
        return read(() -> committed.findTraderConfig(trader));
    }

    @Override
    public void saveOrderRule(OrderRule rule, Actor actor) {
        write("saveOrderRule", () -> {
            committed.saveOrderRule(rule, actor);
            return null;
        });
    }

    @Override
    public Optional<OrderRule> findOrderRule(UUID id) {
        return read(() -> committed.findOrderRule(id));
    }

    @Override
    public List<OrderRule> activeRules(Pubkey token) {
        return read(() -> committed.activeRules(token));
    }

    @Override
    public List<OrderRule> rulesOf(TraderId trader, int limit) {
        return read(() -> committed.rulesOf(trader, limit));
    }

    @Override
    public Optional<OrderRule> trigger(UUID id, Instant at, Actor actor) {
        return write("trigger", () -> committed.trigger(id, at, actor));
    }

    @Override
    public Optional<OrderRule> cancel(UUID id, Instant at, Actor actor) {
        return write("cancel", () -> committed.cancel(id, at, actor));
    }

    @Override
    public void recordNodeHealth(NodeHealth health) {
        write("recordNodeHealth", () -> {
            committed.recordNodeHealth(health);
            return null;
        });
    }

    @Override
    public Optional<NodeHealth> findNodeHealth(String nodeId) {
        return read(() -> committed.findNodeHealth(nodeId));
    }

    @Override
    public List<NodeHealth> allNodeHealth() {
        return read(committed::allNodeHealth);
    }

    @Override
    public List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit) {
        return read(() -> committed.nodeHealthHistory(nodeId, range, limit));
    }

    @Override
    public List<AuditEntry> auditTrail(String entityType, String entityId, int limit) {
        return read(() -> committed.auditTrail(entityType, entityId, limit));
    }
}
