package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.CONFIG_ACTIVE_RULES;
import static io.soltrade.data.ports.PortOperation.CONFIG_ALL_NODE_HEALTH;
import static io.soltrade.data.ports.PortOperation.CONFIG_AUDIT_TRAIL;
import static io.soltrade.data.ports.PortOperation.CONFIG_CANCEL;
import static io.soltrade.data.ports.PortOperation.CONFIG_FIND_NODE_HEALTH;
import static io.soltrade.data.ports.PortOperation.CONFIG_FIND_ORDER_RULE;
import static io.soltrade.data.ports.PortOperation.CONFIG_FIND_TOKEN;
import static io.soltrade.data.ports.PortOperation.CONFIG_FIND_TOKENS_BY_SYMBOL;
import static io.soltrade.data.ports.PortOperation.CONFIG_FIND_TOKENS_WITH_EXTENSION;
import static io.soltrade.data.ports.PortOperation.CONFIG_FIND_TRADER_CONFIG;
import static io.soltrade.data.ports.PortOperation.CONFIG_NODE_HEALTH_HISTORY;
import static io.soltrade.data.ports.PortOperation.CONFIG_RECORD_NODE_HEALTH;
import static io.soltrade.data.ports.PortOperation.CONFIG_RULES_OF;
import static io.soltrade.data.ports.PortOperation.CONFIG_SAVE_ORDER_RULE;
import static io.soltrade.data.ports.PortOperation.CONFIG_SAVE_TRADER_CONFIG;
import static io.soltrade.data.ports.PortOperation.CONFIG_STORE_IN_TRANSACTION;
import static io.soltrade.data.ports.PortOperation.CONFIG_TRIGGER;
import static io.soltrade.data.ports.PortOperation.CONFIG_UPSERT_TOKEN;

import io.soltrade.data.app.config.Port;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Token upserts, order-rule saves (the same rule twice is a no-op) and reads are idempotent. Not idempotent,
 * so retried only when the server proves nothing was applied: trader-config saves (optimistic locking: a
 * repeat after a lost reply would report a version conflict against our own write), rule triggers and
 * cancels (exactly once: a repeat would answer "already triggered"), node-health records (each appends to the
 * history) and whole transactions (the work is re-run; an aborted transaction left nothing behind). The
 * operations handed to a transaction's work are the adapter's own, undecorated: the transaction is the unit
 * that is retried.
 */
final class ResilientConfigStore implements ConfigStore {
    private static final Port PORT = Port.CONFIG;
    private final ConfigStore delegate;
    private final BackendGuard guard;

    ResilientConfigStore(ConfigStore delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public <T> T inTransaction(Function<ConfigOperations, T> work) {
        return guard.call(PORT, CONFIG_STORE_IN_TRANSACTION, () -> delegate.inTransaction(work));
    }

    @Override
    public void upsertToken(TokenMetadata token, Actor actor) {
        guard.run(PORT, CONFIG_UPSERT_TOKEN, () -> delegate.upsertToken(token, actor));
    }

    @Override
    public Optional<TokenMetadata> findToken(Pubkey mint) {
        return guard.call(PORT, CONFIG_FIND_TOKEN, () -> delegate.findToken(mint));
    }

    @Override
    public List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit) {
        return guard.call(PORT, CONFIG_FIND_TOKENS_WITH_EXTENSION, () -> delegate.findTokensWithExtension(type, limit));
    }

    @Override
    public TraderConfig saveTraderConfig(TraderConfig config, Actor actor) {
        return guard.call(PORT, CONFIG_SAVE_TRADER_CONFIG, () -> delegate.saveTraderConfig(config, actor));
    }

    @Override
    public Optional<TraderConfig> findTraderConfig(TraderId trader) {
        return guard.call(PORT, CONFIG_FIND_TRADER_CONFIG, () -> delegate.findTraderConfig(trader));
    }

    @Override
    public void saveOrderRule(OrderRule rule, Actor actor) {
        guard.run(PORT, CONFIG_SAVE_ORDER_RULE, () -> delegate.saveOrderRule(rule, actor));
    }

    @Override
    public Optional<OrderRule> findOrderRule(UUID id) {
        return guard.call(PORT, CONFIG_FIND_ORDER_RULE, () -> delegate.findOrderRule(id));
    }

    @Override
    public List<OrderRule> activeRules(Pubkey token) {
        return guard.call(PORT, CONFIG_ACTIVE_RULES, () -> delegate.activeRules(token));
    }

    @Override
    public List<OrderRule> rulesOf(TraderId trader, int limit) {
        return guard.call(PORT, CONFIG_RULES_OF, () -> delegate.rulesOf(trader, limit));
    }

    @Override
    public Optional<OrderRule> trigger(UUID id, Instant at, Actor actor) {
        return guard.call(PORT, CONFIG_TRIGGER, () -> delegate.trigger(id, at, actor));
    }

    @Override
    public Optional<OrderRule> cancel(UUID id, Instant at, Actor actor) {
        return guard.call(PORT, CONFIG_CANCEL, () -> delegate.cancel(id, at, actor));
    }

    @Override
    public void recordNodeHealth(NodeHealth health) {
        guard.run(PORT, CONFIG_RECORD_NODE_HEALTH, () -> delegate.recordNodeHealth(health));
    }

    @Override
    public Optional<NodeHealth> findNodeHealth(String nodeId) {
        return guard.call(PORT, CONFIG_FIND_NODE_HEALTH, () -> delegate.findNodeHealth(nodeId));
    }

    @Override
    public List<NodeHealth> allNodeHealth() {
        return guard.call(PORT, CONFIG_ALL_NODE_HEALTH, delegate::allNodeHealth);
    }

    @Override
    public List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit) {
        return guard.call(PORT, CONFIG_NODE_HEALTH_HISTORY, () -> delegate.nodeHealthHistory(nodeId, range, limit));
    }

    @Override
    public List<AuditEntry> auditTrail(String entityType, String entityId, int limit) {
        return guard.call(PORT, CONFIG_AUDIT_TRAIL, () -> delegate.auditTrail(entityType, entityId, limit));
    }

    @Override
    public List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit) {
        return guard.call(PORT, CONFIG_FIND_TOKENS_BY_SYMBOL, () -> delegate.findTokensBySymbol(symbol, limit));
    }
}
