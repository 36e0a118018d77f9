package io.soltrade.data.memory;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.memory.ConfigTables.AuditKey;
import io.soltrade.data.memory.ConfigTables.NodeCheck;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The configuration reads and writes over one {@link ConfigTables}: the store's own or a unit of work's private
 * draft. Each call validates its arguments, then consults the simulation (its latency included), then reads or
 * changes the tables through its {@link Gate}, computing every new value before changing anything so a rejected
 * call changes nothing. The gate of the store's tables is the store's lock, held only for the table access itself:
 * never across the simulated latency, and never across a caller's unit of work.
 *
 * <p>Inside a transaction, a simulated failure also marks the transaction aborted, as a lost connection would:
 * the commit then fails even if the work caught the exception.
 */
final class MemoryConfigOperations implements ConfigOperations {
    static final String TOKEN = "token";
    static final String TRADER_CONFIG = "trader_config";
    static final String ORDER_RULE = "order_rule";
    static final String CREATE = "create";
    static final String UPDATE = "update";
    static final String TRIGGER = "trigger";
    static final String CANCEL = "cancel";

    private static final String BACKEND = Simulation.BACKEND;
    private static final Comparator<OrderRule> OLDEST_FIRST =
            Comparator.comparing(OrderRule::createdAt).thenComparing(OrderRule::id);

    private final ConfigTables tables;
    private final Gate gate;
    private final Simulation simulation;
    private final Clock clock;
    private final boolean transactional;
    private volatile boolean open = true;
    private volatile DbException abortedBy;

    /** How the operations reach their tables: under the store's lock, or directly (a unit's private draft). */
    interface Gate {
        <T> T read(Supplier<T> query);

        <T> T write(Supplier<T> change);
    }

    static final Gate PRIVATE = new Gate() {
        @Override
        public <T> T read(Supplier<T> query) {
            return query.get();
        }

        @Override
        public <T> T write(Supplier<T> change) {
            return change.get();
        }
    };

    MemoryConfigOperations(ConfigTables tables, Gate gate, Simulation simulation, Clock clock, boolean transactional) {
        this.tables = tables;
        this.gate = gate;
        this.simulation = simulation;
        this.clock = clock;
        this.transactional = transactional;
    }

    ConfigTables tables() {
        return tables;
    }

    void close() {
        open = false;
    }

    Optional<DbException> abortedBy() {
        return Optional.ofNullable(abortedBy);
    }

    // ---- tokens

    @Override
    public void upsertToken(TokenMetadata token, Actor actor) {
        checkOpen();
        PortInput.notNull(token, "token", BACKEND);
        PortInput.notNull(actor, "actor", BACKEND);
        simulate(true, "upsertToken");
        gate.write(() -> {
            TokenMetadata before = tables.tokens().get(token.mint());
            if (token.equals(before)) {
                return null;
            }
            AuditEntry entry = audit(actor, before == null ? CREATE : UPDATE, TOKEN, token.mint().base58(), before, token);
            tables.putToken(token);
            tables.appendAudit(entry);
            return null;
        });
    }

    @Override
    public Optional<TokenMetadata> findToken(Pubkey mint) {
        checkOpen();
        PortInput.notNull(mint, "mint", BACKEND);
        simulate(false, "findToken");
        return gate.read(() -> Optional.ofNullable(tables.tokens().get(mint)));
    }

    @Override
    public List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit) {
        checkOpen();
        PortInput.notNull(symbol, "symbol", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulate(false, "findTokensBySymbol");
        return gate.read(() -> tables.tokens().values().stream().filter(token -> token.symbol().equals(symbol)).limit(limit).toList());
    }

    @Override
    public List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit) {
        checkOpen();
        PortInput.notNull(type, "type", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulate(false, "findTokensWithExtension");
        return gate.read(() -> tables.tokens().values().stream().filter(token -> token.has(type)).limit(limit).toList());
    }

    // ---- trader configuration

    @Override
    public TraderConfig saveTraderConfig(TraderConfig config, Actor actor) {
        checkOpen();
        PortInput.notNull(config, "config", BACKEND);
        PortInput.notNull(actor, "actor", BACKEND);
        simulate(true, "saveTraderConfig");
        return gate.write(() -> {
            TraderConfig stored = tables.traderConfigs().get(config.trader());
            long storedVersion = stored == null ? 0 : stored.version();
            if (config.version() != storedVersion) {
                throw DbException.of(DbErrorKind.VERSION_CONFLICT, BACKEND, "trader config of " + config.trader() + " is at version "
                        + storedVersion + (stored == null ? " (none stored)" : "") + ", the update names version " + config.version());
            }
            TraderConfig saved = config.withVersion(storedVersion + 1);
            AuditEntry entry = audit(actor, stored == null ? CREATE : UPDATE, TRADER_CONFIG, config.trader().value(), stored, saved);
            tables.putTraderConfig(saved);
            tables.appendAudit(entry);
            return saved;
        });
    }

    @Override
    public Optional<TraderConfig> findTraderConfig(TraderId trader) {
        checkOpen();
        PortInput.notNull(trader, "trader", BACKEND);
        simulate(false, "findTraderConfig");
        return gate.read(() -> Optional.ofNullable(tables.traderConfigs().get(trader)));
    }

    // ---- order rules

    @Override
    public void saveOrderRule(OrderRule rule, Actor actor) {
        checkOpen();
        PortInput.notNull(rule, "rule", BACKEND);
        PortInput.notNull(actor, "actor", BACKEND);
        simulate(true, "saveOrderRule");
        gate.write(() -> {
            OrderRule existing = tables.rules().get(rule.id());
            if (existing != null) {
                if (existing.equals(rule)) {
                    return null;
                }
                throw DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "order rule " + rule.id() + " exists with different content");
            }
            if (!tables.traderConfigs().containsKey(rule.trader())) {
                throw DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "order rule " + rule.id() + ": trader " + rule.trader() + " has no configuration");
            }
            if (!tables.tokens().containsKey(rule.token())) {
                throw DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "order rule " + rule.id() + ": token " + rule.token() + " is not known");
            }
            AuditEntry entry = audit(actor, CREATE, ORDER_RULE, rule.id().toString(), null, rule);
            tables.putRule(rule);
            tables.appendAudit(entry);
            return null;
        });
    }

    @Override
    public Optional<OrderRule> findOrderRule(UUID id) {
        checkOpen();
        PortInput.notNull(id, "id", BACKEND);
        simulate(false, "findOrderRule");
        return gate.read(() -> Optional.ofNullable(tables.rules().get(id)));
    }

    @Override
    public List<OrderRule> activeRules(Pubkey token) {
        checkOpen();
        PortInput.notNull(token, "token", BACKEND);
        simulate(false, "activeRules");
        return gate.read(() -> rules().filter(rule -> rule.token().equals(token) && rule.isActive()).toList());
    }

    @Override
    public List<OrderRule> rulesOf(TraderId trader, int limit) {
        checkOpen();
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulate(false, "rulesOf");
        return gate.read(() -> rules().filter(rule -> rule.trader().equals(trader)).limit(limit).toList());
    }

    private Stream<OrderRule> rules() {
        return tables.rules().values().stream().sorted(OLDEST_FIRST);
    }

    @Override
    public Optional<OrderRule> trigger(UUID id, Instant at, Actor actor) {
        return close(id, at, actor, TRIGGER, rule -> rule.triggered(at));
    }

    @Override
    public Optional<OrderRule> cancel(UUID id, Instant at, Actor actor) {
        return close(id, at, actor, CANCEL, rule -> rule.cancelled(at));
    }

    private Optional<OrderRule> close(UUID id, Instant at, Actor actor, String action, UnaryOperator<OrderRule> transition) {
        checkOpen();
        PortInput.notNull(id, "id", BACKEND);
        PortInput.notNull(at, "at", BACKEND);
        PortInput.notNull(actor, "actor", BACKEND);
        domain(() -> Checks.timestamp(at, "at"));
        simulate(true, action);
        return gate.write(() -> {
            OrderRule rule = tables.rules().get(id);
            if (rule == null) {
                throw DbException.of(DbErrorKind.NOT_FOUND, BACKEND, "no order rule " + id);
            }
            if (!rule.isActive()) {
                return Optional.<OrderRule>empty();
            }
            OrderRule closed = domain(() -> transition.apply(rule));
            AuditEntry entry = audit(actor, action, ORDER_RULE, id.toString(), rule, closed);
            tables.putRule(closed);
            tables.appendAudit(entry);
            return Optional.of(closed);
        });
    }

    // ---- node health

    @Override
    public void recordNodeHealth(NodeHealth health) {
        checkOpen();
        PortInput.notNull(health, "health", BACKEND);
        simulate(true, "recordNodeHealth");
        gate.write(() -> {
            tables.putNodeHealth(health);
            return null;
        });
    }

    @Override
    public Optional<NodeHealth> findNodeHealth(String nodeId) {
        checkOpen();
        PortInput.notNull(nodeId, "nodeId", BACKEND);
        simulate(false, "findNodeHealth");
        return gate.read(() -> Optional.ofNullable(tables.nodes().get(nodeId)));
    }

    @Override
    public List<NodeHealth> allNodeHealth() {
        checkOpen();
        simulate(false, "allNodeHealth");
        return gate.read(() -> List.copyOf(tables.nodes().values()));
    }

    @Override
    public List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit) {
        checkOpen();
        PortInput.notNull(nodeId, "nodeId", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulate(false, "nodeHealthHistory");
        return gate.read(() -> tables.nodeHistory().subMap(new NodeCheck(nodeId, range.from()), true, new NodeCheck(nodeId, range.to()), false)
                .values().stream().limit(limit).toList());
    }

    // ---- audit

    @Override
    public List<AuditEntry> auditTrail(String entityType, String entityId, int limit) {
        checkOpen();
        PortInput.notNull(entityType, "entityType", BACKEND);
        PortInput.notNull(entityId, "entityId", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulate(false, "auditTrail");
        return gate.read(() -> tables.audit().subMap(new AuditKey(entityType, entityId, 0), true, new AuditKey(entityType, entityId, Long.MAX_VALUE), true)
                .descendingMap().values().stream().limit(limit).toList());
    }

    private AuditEntry audit(Actor actor, String action, String entityType, String entityId, Object before, Object after) {
        return new AuditEntry(actor, action, entityType, entityId,
                Optional.ofNullable(before).map(AuditJson::of), Optional.ofNullable(after).map(AuditJson::of), clock.instant());
    }

    // ---- plumbing

    private void checkOpen() {
        if (!open) {
            throw DbException.of(DbErrorKind.CLOSED, BACKEND, "the transaction is over: use these operations only inside the work given to inTransaction");
        }
    }

    private void simulate(boolean write, String operation) {
        try {
            if (write) {
                simulation.beforeWrite(operation);
            } else {
                simulation.beforeRead(operation);
            }
        } catch (DbException e) {
            if (transactional && abortedBy == null) {
                abortedBy = e;
            }
            throw e;
        }
    }

    /** Runs a domain computation on caller input, turning its validation error into INVALID_INPUT. */
    private static <T> T domain(java.util.function.Supplier<T> computation) {
        try {
            return computation.get();
        } catch (DomainValidationException e) {
            throw DbException.invalidInput(BACKEND, e.getMessage(), e);
        }
    }
}
