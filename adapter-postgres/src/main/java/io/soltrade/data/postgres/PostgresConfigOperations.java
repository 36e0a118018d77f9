package io.soltrade.data.postgres;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderRuleStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The configuration operations on one {@link TransactionScope}: every argument is checked before the first
 * statement, and every change appends its audit entry through the same connection, so the change and its entry
 * commit or roll back together.
 */
final class PostgresConfigOperations implements ConfigOperations {
    static final String TOKEN = "token";
    static final String TRADER_CONFIG = "trader_config";
    static final String ORDER_RULE = "order_rule";
    private static final String BACKEND = PostgresErrorTranslator.BACKEND;
    private static final Duration MAX_LATENCY = Duration.ofNanos(Long.MAX_VALUE);

    private final TransactionScope scope;
    private final Clock clock;
    private final TraderConfigRead traderConfigRead;

    PostgresConfigOperations(TransactionScope scope, Clock clock, TraderConfigRead traderConfigRead) {
        this.scope = scope;
        this.clock = clock;
        this.traderConfigRead = traderConfigRead;
    }

    private DSLContext dsl() {
        return scope.dsl();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void upsertToken(TokenMetadata token, Actor actor) {
        notNull(token, "token");
        notNull(actor, "actor");
        scope.requireOpen();
        Instant now = now();
        String mint = token.mint().base58();
        if (TokenRows.insertIfAbsent(dsl(), token, now)) {
            AuditLogRows.append(dsl(), actor, "create", TOKEN, mint, null, AuditSnapshots.token(token), now);
            return;
        }
        TokenMetadata before = TokenRows.find(dsl(), token.mint(), true).orElseThrow();
        if (!before.equals(token)) {
            TokenRows.update(dsl(), token, now);
            AuditLogRows.append(dsl(), actor, "update", TOKEN, mint, AuditSnapshots.token(before), AuditSnapshots.token(token), now);
        }
    }

    @Override
    public Optional<TokenMetadata> findToken(Pubkey mint) {
        notNull(mint, "mint");
        return TokenRows.find(dsl(), mint, false);
    }

    @Override
    public List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit) {
        notNull(symbol, "symbol");
        PortInput.limit(limit, BACKEND);
        return TokenRows.bySymbol(dsl(), symbol, limit);
    }

    @Override
    public List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit) {
        notNull(type, "type");
        PortInput.limit(limit, BACKEND);
        return TokenRows.withExtension(dsl(), type, limit);
    }

    @Override
    public TraderConfig saveTraderConfig(TraderConfig config, Actor actor) {
        notNull(config, "config");
        notNull(actor, "actor");
        scope.requireOpen();
        Instant now = now();
        String trader = config.trader().value();
        if (config.version() == 0) {
            if (!TraderConfigRows.insertIfAbsent(dsl(), config, now)) {
                throw versionConflict(config, "a configuration exists already; read it and update its version");
            }
            TraderConfig stored = config.withVersion(1);
            AuditLogRows.append(dsl(), actor, "create", TRADER_CONFIG, trader, null, AuditSnapshots.traderConfig(stored), now);
            return stored;
        }
        Optional<TraderConfig> before = TraderConfigRows.findForUpdate(dsl(), config.trader());
        if (before.isEmpty() || before.get().version() != config.version() || !TraderConfigRows.updateIfVersion(dsl(), config, now)) {
            throw versionConflict(config, before.map(b -> "the stored version is " + b.version()).orElse("none is stored"));
        }
        TraderConfig stored = config.withVersion(config.version() + 1);
        AuditLogRows.append(dsl(), actor, "update", TRADER_CONFIG, trader, AuditSnapshots.traderConfig(before.get()),
                AuditSnapshots.traderConfig(stored), now);
        return stored;
    }

    private static DbException versionConflict(TraderConfig config, String why) {
        return DbException.of(DbErrorKind.VERSION_CONFLICT, BACKEND,
                "trader config of " + config.trader() + " at version " + config.version() + " is stale: " + why);
    }

    @Override
    public Optional<TraderConfig> findTraderConfig(TraderId trader) {
        notNull(trader, "trader");
        scope.requireOpen();
        return traderConfigRead.find(scope, trader);
    }

    @Override
    public void saveOrderRule(OrderRule rule, Actor actor) {
        notNull(rule, "rule");
        notNull(actor, "actor");
        scope.requireOpen();
        if (OrderRuleRows.insertIfAbsent(dsl(), rule)) {
            AuditLogRows.append(dsl(), actor, "create", ORDER_RULE, rule.id().toString(), null, AuditSnapshots.orderRule(rule), now());
            return;
        }
        OrderRule stored = OrderRuleRows.find(dsl(), rule.id()).orElseThrow();
        if (!stored.equals(rule)) {
            throw DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "a different order rule is stored under id " + rule.id());
        }
    }

    @Override
    public Optional<OrderRule> findOrderRule(UUID id) {
        notNull(id, "id");
        return OrderRuleRows.find(dsl(), id);
    }

    @Override
    public List<OrderRule> activeRules(Pubkey token) {
        notNull(token, "token");
        return OrderRuleRows.activeOn(dsl(), token);
    }

    @Override
    public List<OrderRule> rulesOf(TraderId trader, int limit) {
        notNull(trader, "trader");
        PortInput.limit(limit, BACKEND);
        return OrderRuleRows.ofTrader(dsl(), trader, limit);
    }

    @Override
    public Optional<OrderRule> trigger(UUID id, Instant at, Actor actor) {
        return close(id, at, actor, OrderRuleStatus.TRIGGERED, "trigger");
    }

    @Override
    public Optional<OrderRule> cancel(UUID id, Instant at, Actor actor) {
        return close(id, at, actor, OrderRuleStatus.CANCELLED, "cancel");
    }

    private Optional<OrderRule> close(UUID id, Instant at, Actor actor, OrderRuleStatus status, String action) {
        notNull(id, "id");
        Instant closedAt = timestamp(at, "at");
        notNull(actor, "actor");
        scope.requireOpen();
        Optional<OrderRule> closed = OrderRuleRows.closeIfActive(dsl(), id, status, closedAt);
        if (closed.isEmpty()) {
            if (!OrderRuleRows.exists(dsl(), id)) {
                throw DbException.of(DbErrorKind.NOT_FOUND, BACKEND, "no order rule " + id);
            }
            return Optional.empty();
        }
        OrderRule after = closed.get();
        OrderRule before = new OrderRule(after.id(), after.trader(), after.token(), after.trigger(), after.quantity(),
                OrderRuleStatus.ACTIVE, after.createdAt(), Optional.empty());
        AuditLogRows.append(dsl(), actor, action, ORDER_RULE, id.toString(), AuditSnapshots.orderRule(before), AuditSnapshots.orderRule(after), now());
        return closed;
    }

    @Override
    public void recordNodeHealth(NodeHealth health) {
        notNull(health, "health");
        if (health.latency().compareTo(MAX_LATENCY) > 0) {
            throw DbException.invalidInput(BACKEND, "health.latency " + health.latency() + " is longer than " + MAX_LATENCY, null);
        }
        NodeHealthRows.record(dsl(), health);
    }

    @Override
    public Optional<NodeHealth> findNodeHealth(String nodeId) {
        notNull(nodeId, "nodeId");
        if (holdsNul(nodeId)) {
            return Optional.empty();
        }
        return NodeHealthRows.find(dsl(), nodeId);
    }

    @Override
    public List<NodeHealth> allNodeHealth() {
        return NodeHealthRows.all(dsl());
    }

    @Override
    public List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit) {
        notNull(nodeId, "nodeId");
        notNull(range, "range");
        PortInput.limit(limit, BACKEND);
        if (holdsNul(nodeId)) {
            return List.of();
        }
        return NodeHealthRows.history(dsl(), nodeId, range, limit);
    }

    @Override
    public List<AuditEntry> auditTrail(String entityType, String entityId, int limit) {
        notNull(entityType, "entityType");
        notNull(entityId, "entityId");
        PortInput.limit(limit, BACKEND);
        if (holdsNul(entityType) || holdsNul(entityId)) {
            return List.of();
        }
        return AuditLogRows.trail(dsl(), entityType, entityId, limit);
    }

    /**
     * PostgreSQL text cannot hold U+0000 (the server refuses it with 22021), so no stored key holds it either: a
     * lookup by such a key finds nothing, as on every other backend, without asking the server.
     */
    private static boolean holdsNul(String key) {
        return key.indexOf('\0') >= 0;
    }

    private static void notNull(Object value, String argument) {
        PortInput.notNull(value, argument, BACKEND);
    }

    private static Instant timestamp(Instant value, String argument) {
        notNull(value, argument);
        try {
            return Checks.timestamp(value, argument);
        } catch (DomainValidationException e) {
            throw DbException.invalidInput(BACKEND, e.getMessage(), e);
        }
    }
}
