package io.soltrade.data.memory;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.TokenMetadata;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The configuration "tables" of {@link MemoryConfigStore}. Values are immutable records, so a transaction's
 * private copy only copies the maps; committing it swaps the maps in. Not thread-safe: the store's lock guards it.
 */
final class ConfigTables {

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

    NavigableMap<Pubkey, TokenMetadata> tokens = new TreeMap<>();
    Map<TraderId, TraderConfig> traderConfigs = new HashMap<>();
    Map<UUID, OrderRule> rules = new HashMap<>();
    NavigableMap<String, NodeHealth> nodes = new TreeMap<>();
    NavigableMap<NodeCheck, NodeHealth> nodeHistory = new TreeMap<>();
    NavigableMap<AuditKey, AuditEntry> audit = new TreeMap<>();
    long auditSequence;

    ConfigTables copy() {
        ConfigTables copy = new ConfigTables();
        copy.tokens = new TreeMap<>(tokens);
        copy.traderConfigs = new HashMap<>(traderConfigs);
        copy.rules = new HashMap<>(rules);
        copy.nodes = new TreeMap<>(nodes);
        copy.nodeHistory = new TreeMap<>(nodeHistory);
        copy.audit = new TreeMap<>(audit);
        copy.auditSequence = auditSequence;
        return copy;
    }

    /** Takes over the state of {@code committed}, a copy this was the origin of. */
    void replaceWith(ConfigTables committed) {
        tokens = committed.tokens;
        traderConfigs = committed.traderConfigs;
        rules = committed.rules;
        nodes = committed.nodes;
        nodeHistory = committed.nodeHistory;
        audit = committed.audit;
        auditSequence = committed.auditSequence;
    }
}
