package io.soltrade.data.postgres;

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
import io.soltrade.data.ports.PortInput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * {@link ConfigStore} on PostgreSQL. Each write is one transaction holding the change and its audit entry;
 * {@link #inTransaction} makes several writes one transaction. Trader configs use optimistic locking (the
 * stored row is locked and its version compared, so of two writers of the same version one gets
 * {@code VERSION_CONFLICT}); closing an order rule is a conditional UPDATE, so it happens exactly once.
 *
 * <p>After a {@link io.soltrade.data.ports.DbException} inside {@link #inTransaction}, the server may have
 * aborted the transaction: let the work end (it is rolled back) and retry the whole unit.
 *
 * <p><b>Replicas.</b> With a read pool ({@link PostgresReplication#readUrl()}), the reads that may lag go to streaming
 * replicas through {@link ReplicaReads}: {@code findToken}, {@code findTokensWithExtension}, {@code activeRules},
 * {@code rulesOf}, {@code findNodeHealth}, {@code allNodeHealth}, {@code nodeHealthHistory}, {@code auditTrail}. They
 * still see every write this store acknowledged before they started (the replica waits to replay it, or the primary
 * serves the read). The reads a caller acts on at once stay on the primary and see every acknowledged write, from any
 * process: {@code findTraderConfig} (its version feeds the next optimistic-lock update) and {@code findOrderRule}
 * (its status decides a trigger or cancel). Every write, {@code trigger}, {@code cancel} and the whole of
 * {@link #inTransaction} run on the primary.
 *
 * <p>Thread-safe; every call borrows its own connection.
 */
public final class PostgresConfigStore implements ConfigStore {
    private final PostgresTransactions transactions;
    private final Optional<ReplicaReads> replicas;
    private final Clock clock;
    private final TraderConfigRead traderConfigRead;

    PostgresConfigStore(PostgresTransactions transactions, Clock clock) {
        this(transactions, Optional.empty(), clock);
    }

    /**
     * A store whose reads that may lag go to {@code replicas} when present; {@code transactions} must then record each
     * commit's position ({@link ReplicaReads#recordCommit}).
     */
    PostgresConfigStore(PostgresTransactions transactions, Optional<ReplicaReads> replicas, Clock clock) {
        this.transactions = transactions;
        this.replicas = replicas;
        this.clock = clock;
        this.traderConfigRead = new TraderConfigRead(transactions.renderer());
    }

    @Override
    public <T> T inTransaction(Function<ConfigOperations, T> work) {
        PortInput.notNull(work, "work", PostgresErrorTranslator.BACKEND);
        return transactions.inTransaction("unit of work", scope -> work.apply(new PostgresConfigOperations(scope, clock, traderConfigRead)));
    }

    private <T> T write(String action, Function<ConfigOperations, T> work) {
        return transactions.inTransaction(action, scope -> work.apply(new PostgresConfigOperations(scope, clock, traderConfigRead)));
    }

    /** A read that sees every write acknowledged before it started: on the primary. */
    private <T> T readCurrent(String action, Function<ConfigOperations, T> work) {
        return transactions.autoCommit(action, scope -> work.apply(new PostgresConfigOperations(scope, clock, traderConfigRead)));
    }

    /** A read that sees this store's acknowledged writes, others' after the replication lag: on a replica if there is one. */
    private <T> T readMayLag(String action, Function<ConfigOperations, T> work) {
        if (replicas.isEmpty()) {
            return readCurrent(action, work);
        }
        return replicas.get().read(action, scope -> work.apply(new PostgresConfigOperations(scope, clock, traderConfigRead)));
    }

    @Override
    public void upsertToken(TokenMetadata token, Actor actor) {
        write("upsertToken", ops -> {
            ops.upsertToken(token, actor);
            return null;
        });
    }

    @Override
    public Optional<TokenMetadata> findToken(Pubkey mint) {
        return readMayLag("findToken", ops -> ops.findToken(mint));
    }

    @Override
    public List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit) {
        return readMayLag("findTokensBySymbol", ops -> ops.findTokensBySymbol(symbol, limit));
    }

    @Override
    public List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit) {
        return readMayLag("findTokensWithExtension", ops -> ops.findTokensWithExtension(type, limit));
    }

    @Override
    public TraderConfig saveTraderConfig(TraderConfig config, Actor actor) {
        return write("saveTraderConfig", ops -> ops.saveTraderConfig(config, actor));
    }

    @Override
    public Optional<TraderConfig> findTraderConfig(TraderId trader) {
        return readCurrent("findTraderConfig", ops -> ops.findTraderConfig(trader));
    }

    @Override
    public void saveOrderRule(OrderRule rule, Actor actor) {
        write("saveOrderRule", ops -> {
            ops.saveOrderRule(rule, actor);
            return null;
        });
    }

    @Override
    public Optional<OrderRule> findOrderRule(UUID id) {
        return readCurrent("findOrderRule", ops -> ops.findOrderRule(id));
    }

    @Override
    public List<OrderRule> activeRules(Pubkey token) {
        return readMayLag("activeRules", ops -> ops.activeRules(token));
    }

    @Override
    public List<OrderRule> rulesOf(TraderId trader, int limit) {
        return readMayLag("rulesOf", ops -> ops.rulesOf(trader, limit));
    }

    @Override
    public Optional<OrderRule> trigger(UUID id, Instant at, Actor actor) {
        return write("trigger", ops -> ops.trigger(id, at, actor));
    }

    @Override
    public Optional<OrderRule> cancel(UUID id, Instant at, Actor actor) {
        return write("cancel", ops -> ops.cancel(id, at, actor));
    }

    @Override
    public void recordNodeHealth(NodeHealth health) {
        write("recordNodeHealth", ops -> {
            ops.recordNodeHealth(health);
            return null;
        });
    }

    @Override
    public Optional<NodeHealth> findNodeHealth(String nodeId) {
        return readMayLag("findNodeHealth", ops -> ops.findNodeHealth(nodeId));
    }

    @Override
    public List<NodeHealth> allNodeHealth() {
        return readMayLag("allNodeHealth", ConfigOperations::allNodeHealth);
    }

    @Override
    public List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit) {
        return readMayLag("nodeHealthHistory", ops -> ops.nodeHealthHistory(nodeId, range, limit));
    }

    @Override
    public List<AuditEntry> auditTrail(String entityType, String entityId, int limit) {
        return readMayLag("auditTrail", ops -> ops.auditTrail(entityType, entityId, limit));
    }
}
