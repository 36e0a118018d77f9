package io.soltrade.data.ports;

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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The configuration reads and writes, usable alone or inside {@link ConfigStore#inTransaction}. Every write
 * that changes configuration (tokens, trader config, order rules) appends an {@link AuditEntry} in the same
 * transaction, with the entity before and after as JSON.
 *
 * <p><b>Which reads may lag.</b> An adapter may serve these reads from replicas of its store: {@link #findToken},
 * {@link #findTokensBySymbol}, {@link #findTokensWithExtension}, {@link #activeRules}, {@link #rulesOf}, {@link #findNodeHealth},
 * {@link #allNodeHealth}, {@link #nodeHealthHistory}, {@link #auditTrail}. They see every write acknowledged through the
 * same store object before they started, and others' writes within the replication lag; so a rule closed elsewhere may
 * still be listed as active for a moment (triggering it then returns empty: the exactly-once decision is never taken on
 * a replica). {@link #findTraderConfig} and {@link #findOrderRule}, whose result a caller acts on at once (the version
 * for the next optimistic-lock update, the status before a trigger or cancel), always see every acknowledged write.
 * Inside {@link ConfigStore#inTransaction} every read sees every acknowledged write and the unit's own.
 */
public interface ConfigOperations {

    /** Inserts or replaces a token's metadata. */
    void upsertToken(TokenMetadata token, Actor actor);

    Optional<TokenMetadata> findToken(Pubkey mint);

    /**
     * The tokens whose symbol is exactly {@code symbol} (case and every character count; several mints may share a
     * symbol, real or impostor), ordered by mint, at most {@code limit} (1..10,000).
     */
    List<TokenMetadata> findTokensBySymbol(TokenSymbol symbol, int limit);

    /** Tokens that carry an extension of {@code type}, ordered by mint, at most {@code limit} (1..10,000). */
    List<TokenMetadata> findTokensWithExtension(ExtensionType type, int limit);

    /**
     * Creates ({@code version == 0}) or updates a trader's configuration with optimistic locking and returns
     * what is now stored, with its new version. Creating one that exists, or updating with a version that is
     * not the stored one, throws a {@link PermanentDbException} of kind {@link DbErrorKind#VERSION_CONFLICT}.
     */
    TraderConfig saveTraderConfig(TraderConfig config, Actor actor);

    Optional<TraderConfig> findTraderConfig(TraderId trader);

    /**
     * Stores a new order rule. Saving the same rule again is a no-op; saving a different rule under an id that
     * exists is a {@link DbErrorKind#CONSTRAINT} error. The rule's trader must have a configuration and its
     * token must be known (else {@link DbErrorKind#CONSTRAINT}).
     */
    void saveOrderRule(OrderRule rule, Actor actor);

    Optional<OrderRule> findOrderRule(UUID id);

    /** Active rules on a token, oldest first. */
    List<OrderRule> activeRules(Pubkey token);

    /** All rules of a trader, any status, oldest first, at most {@code limit} (1..10,000). */
    List<OrderRule> rulesOf(TraderId trader, int limit);

    /**
     * Moves an active rule to TRIGGERED, exactly once: among concurrent callers one gets the triggered rule,
     * every other gets empty (as does a caller for a rule that is not active). Unknown id: {@link DbErrorKind#NOT_FOUND}.
     */
    Optional<OrderRule> trigger(UUID id, Instant at, Actor actor);

    /** Moves an active rule to CANCELLED, with the same exactly-once rule as {@link #trigger}. */
    Optional<OrderRule> cancel(UUID id, Instant at, Actor actor);

    /** Records a node's latest check: replaces its current state and appends to its history. */
    void recordNodeHealth(NodeHealth health);

    Optional<NodeHealth> findNodeHealth(String nodeId);

    /** The current state of every node, ordered by node id. */
    List<NodeHealth> allNodeHealth();

    /** A node's checks in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<NodeHealth> nodeHealthHistory(String nodeId, TimeRange range, int limit);

    /** The audit trail of one entity, newest first, at most {@code limit} (1..10,000). */
    List<AuditEntry> auditTrail(String entityType, String entityId, int limit);
}
