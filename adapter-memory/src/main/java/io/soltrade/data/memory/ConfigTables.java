package io.soltrade.data.memory;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.TokenMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The configuration "tables" of {@link MemoryConfigStore}: the store's own, or a unit of work's private draft.
 * Values are immutable records, so a draft only copies the maps.
 *
 * <p>For optimistic units of work, the store's tables count, per table, the commit that last changed it, and a
 * draft remembers which tables its unit read and every change it made: the unit commits only if no table it read
 * changed since its snapshot, by replaying its changes on the store's tables (so changes other units committed
 * meanwhile to tables it did not read are kept). Appends (audit entries, node checks) and the node's current state
 * are written without being read, so they never conflict.
 *
 * <p>Not thread-safe: the store's lock guards its own tables; a draft belongs to one unit.
 */
final class ConfigTables {

    enum Table { TOKENS, TRADER_CONFIGS, RULES, NODES, NODE_HISTORY, AUDIT }

    /** A node's check, keyed by node then time. */
    record NodeCheck(String nodeId, Instant checkedAt) implements Comparable<NodeCheck> {
        @Override
        public int compareTo(NodeCheck other) {
            int byNode = nodeId.compareTo(other.nodeId);
            return byNode != 0 ? byNode : checkedAt.compareTo(other.checkedAt);
        }
    }

    /** An audit row, keyed by entity then by the order it was written in. */
    record AuditKey(String entityType, String entityId, long sequence) implements Comparable<AuditKey> {
        @Override
        public int compareTo(AuditKey other) {
            int byType = entityType.compareTo(other.entityType);
            if (byType != 0) {
                return byType;
            }
            int byId = entityId.compareTo(other.entityId);
            return byId != 0 ? byId : Long.compare(sequence, other.sequence);
        }
    }

    private NavigableMap<Pubkey, TokenMetadata> tokens = new TreeMap<>();
    private Map<TraderId, TraderConfig> traderConfigs = new HashMap<>();
    private Map<UUID, OrderRule> rules = new HashMap<>();
    private NavigableMap<String, NodeHealth> nodes = new TreeMap<>();
    private NavigableMap<NodeCheck, NodeHealth> nodeHistory = new TreeMap<>();
    private NavigableMap<AuditKey, AuditEntry> audit = new TreeMap<>();
    private long auditSequence;

    /** The store's tables: every change is numbered; the number of the last change of each table. */
    private final Map<Table, Long> changedAt = new EnumMap<>(Table.class);
    private long commits;

    /** A draft's: the commit its snapshot was taken at, the tables its unit read, and its changes in order. */
    private final boolean draft;
    private long snapshotAt;
    private final Set<Table> read = EnumSet.noneOf(Table.class);
    private final List<Consumer<ConfigTables>> changes = new ArrayList<>();

    ConfigTables() {
        this(false);
    }

    private ConfigTables(boolean draft) {
        this.draft = draft;
    }

    /** A private copy for a unit of work, remembering what it reads and changes. */
    ConfigTables draft() {
        ConfigTables copy = new ConfigTables(true);
        copy.tokens = new TreeMap<>(tokens);
        copy.traderConfigs = new HashMap<>(traderConfigs);
        copy.rules = new HashMap<>(rules);
        copy.nodes = new TreeMap<>(nodes);
        copy.nodeHistory = new TreeMap<>(nodeHistory);
        copy.audit = new TreeMap<>(audit);
        copy.auditSequence = auditSequence;
        copy.snapshotAt = commits;
        return copy;
    }

    /** The first table {@code draft}'s unit read that another commit changed after its snapshot, if any. */
    Optional<Table> conflictWith(ConfigTables draft) {
        return draft.read.stream().filter(table -> changedAt.getOrDefault(table, 0L) > draft.snapshotAt).findFirst();
    }

    /** Applies {@code draft}'s changes, in order. */
    void commit(ConfigTables draft) {
        for (Consumer<ConfigTables> change : draft.changes) {
            change.accept(this);
        }
    }

    // ---- reads (a draft remembers the table)

    NavigableMap<Pubkey, TokenMetadata> tokens() {
        return reading(Table.TOKENS, tokens);
    }

    Map<TraderId, TraderConfig> traderConfigs() {
        return reading(Table.TRADER_CONFIGS, traderConfigs);
    }

    Map<UUID, OrderRule> rules() {
        return reading(Table.RULES, rules);
    }

    NavigableMap<String, NodeHealth> nodes() {
        return reading(Table.NODES, nodes);
    }

    NavigableMap<NodeCheck, NodeHealth> nodeHistory() {
        return reading(Table.NODE_HISTORY, nodeHistory);
    }

    NavigableMap<AuditKey, AuditEntry> audit() {
        return reading(Table.AUDIT, audit);
    }

    private <M> M reading(Table table, M map) {
        if (draft) {
            read.add(table);
        }
        return map;
    }

    // ---- changes (a draft logs each, to replay it on commit; the store's tables note the commit)

    void putToken(TokenMetadata token) {
        change(Table.TOKENS, tables -> tables.tokens.put(token.mint(), token));
    }

    void putTraderConfig(TraderConfig config) {
        change(Table.TRADER_CONFIGS, tables -> tables.traderConfigs.put(config.trader(), config));
    }

    void putRule(OrderRule rule) {
        change(Table.RULES, tables -> tables.rules.put(rule.id(), rule));
    }

    void putNodeHealth(NodeHealth health) {
        change(Table.NODES, tables -> tables.nodes.put(health.nodeId(), health));
        change(Table.NODE_HISTORY, tables -> tables.nodeHistory.put(new NodeCheck(health.nodeId(), health.checkedAt()), health));
    }

    void appendAudit(AuditEntry entry) {
        change(Table.AUDIT, tables -> {
            tables.auditSequence++;
            tables.audit.put(new AuditKey(entry.entityType(), entry.entityId(), tables.auditSequence), entry);
        });
    }

    private void change(Table table, Consumer<ConfigTables> change) {
        change.accept(this);
        if (draft) {
            changes.add(change);
        } else {
            changedAt.put(table, ++commits);
        }
    }
}
