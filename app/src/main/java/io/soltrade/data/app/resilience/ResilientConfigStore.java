package io.soltrade.data.app.resilience;

import static io.soltrade.data.app.resilience.Idempotency.IDEMPOTENT;
import static io.soltrade.data.app.resilience.Idempotency.NOT_IDEMPOTENT;

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
        return guard.call(PORT, "inTransaction", NOT_IDEMPOTENT, () -> delegate.inTransaction(work));
    }

    @Override
    public void upsertToken(TokenMetadata token, Actor actor) {
        guard.run(PORT, "upsertToken", IDEMPOTENT, () -> delegate.upsertToken(token, actor));
    }

    @Override
    public Optional<TokenMetadata> findToken(Pubkey mint) {
        return guard.call(PORT, "findToken", IDEMPOTENT, () -> delegate.findToken(mint));
    }

    @Override
    public List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit) {
        return guard.call(PORT, "findTokensWithExtension", IDEMPOTENT, () -> delegate.findTokensWithExtension(type, limit));
    }

    @Override
    public TraderConfig saveTraderConfig(TraderConfig config, Actor actor) {
        return guard.call(PORT, "saveTraderConfig", NOT_IDEMPOTENT, () -> delegate.saveTraderConfig(config, actor));
    }

    @Override
    public Optional<TraderConfig> findTraderConfig(TraderId trader) {
        return guard.call(PORT, "findTraderConfig", IDEMPOTENT, () -> delegate.findTraderConfig(trader));
    }

    @Override
    public void saveOrderRule(OrderRule rule, Actor actor) {
        guard.run(PORT, "saveOrderRule", IDEMPOTENT, () -> delegate.saveOrderRule(rule, actor));
    }

    @Override
    public Optional<OrderRule> findOrderRule(UUID id) {
        return guard.call(PORT, "findOrderRule", IDEMPOTENT, () -> delegate.findOrderRule(id));
    }

    @Override
    public List<OrderRule> activeRules(Pubkey token) {
        return guard.call(PORT, "activeRules", IDEMPOTENT, () -> delegate.activeRules(token));
    }

    @Override
    public List<OrderRule> rulesOf(TraderId trader, int limit) {
        return guard.call(PORT, "rulesOf", IDEMPOTENT, () -> delegate.rulesOf(trader, limit));
    }

    @Override
    public Optional<OrderRule> trigger(UUID id, Instant at, Actor actor) {
        return guard.call(PORT, "trigger", NOT_IDEMPOTENT, () -> delegate.trigger(id, at, actor));
    }

    @Override
    public Optional<OrderRule> cancel(UUID id, Instant at, Actor actor) {
        return guard.call(PORT, "cancel", NOT_IDEMPOTENT, () -> delegate.cancel(id, at, actor));
    }

    @Override
    public void recordNodeHealth(NodeHealth health) {
        guard.run(PORT, "recordNodeHealth", NOT_IDEMPOTENT, () -> delegate.recordNodeHealth(health));
    }

    @Override
    public Optional<NodeHealth> findNodeHealth(String nodeId) {
        return guard.call(PORT, "findNodeHealth", IDEMPOTENT, () -> delegate.findNodeHealth(nodeId));
    }

    @Override
    public List<NodeHealth> allNodeHealth() {
        return guard.call(PORT, "allNodeHealth", IDEMPOTENT, delegate::allNodeHealth);
    }

    @Override
    public List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit) {
        return guard.call(PORT, "nodeHealthHistory", IDEMPOTENT, () -> delegate.nodeHealthHistory(nodeId, range, limit));
    }

    @Override
    public List<AuditEntry> auditTrail(String entityType, String entityId, int limit) {
        return guard.call(PORT, "auditTrail", IDEMPOTENT, () -> delegate.auditTrail(entityType, entityId, limit));
    }

    @Override
    public List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit) {
        return guard.call(PORT, "findTokensBySymbol", IDEMPOTENT, () -> delegate.findTokensBySymbol(symbol, limit));
    }
}
