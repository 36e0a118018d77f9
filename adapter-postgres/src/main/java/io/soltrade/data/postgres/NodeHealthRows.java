package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.NODE_HEALTH;
import static io.soltrade.data.postgres.schema.Tables.NODE_HEALTH_HISTORY;

import io.soltrade.data.domain.CircuitState;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.TimeRange;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record7;

/**
 * {@code node_health} (the latest check per node) and {@code node_health_history} (every check). A check
 * older than the stored current one goes to history only, so a late writer never turns the clock back.
 */
final class NodeHealthRows {
    private NodeHealthRows() {}

    static void record(DSLContext dsl, NodeHealth health) {
        OffsetDateTime checkedAt = Timestamps.toColumn(health.checkedAt());
        dsl.insertInto(NODE_HEALTH)
                .set(NODE_HEALTH.NODE_ID, health.nodeId())
                .set(NODE_HEALTH.ENDPOINT, health.endpoint().toString())
                .set(NODE_HEALTH.LATENCY_NANOS, health.latency().toNanos())
                .set(NODE_HEALTH.SLOT_LAG, health.slotLag())
                .set(NODE_HEALTH.ERROR_COUNT, health.errorCount())
                .set(NODE_HEALTH.CIRCUIT, health.circuit().name())
                .set(NODE_HEALTH.CHECKED_AT, checkedAt)
                .onConflict(NODE_HEALTH.NODE_ID)
                .doUpdate()
                .set(NODE_HEALTH.ENDPOINT, health.endpoint().toString())
                .set(NODE_HEALTH.LATENCY_NANOS, health.latency().toNanos())
                .set(NODE_HEALTH.SLOT_LAG, health.slotLag())
                .set(NODE_HEALTH.ERROR_COUNT, health.errorCount())
                .set(NODE_HEALTH.CIRCUIT, health.circuit().name())
                .set(NODE_HEALTH.CHECKED_AT, checkedAt)
                .where(NODE_HEALTH.CHECKED_AT.le(checkedAt))
                .execute();
        dsl.insertInto(NODE_HEALTH_HISTORY)
                .set(NODE_HEALTH_HISTORY.NODE_ID, health.nodeId())
                .set(NODE_HEALTH_HISTORY.ENDPOINT, health.endpoint().toString())
                .set(NODE_HEALTH_HISTORY.LATENCY_NANOS, health.latency().toNanos())
                .set(NODE_HEALTH_HISTORY.SLOT_LAG, health.slotLag())
                .set(NODE_HEALTH_HISTORY.ERROR_COUNT, health.errorCount())
                .set(NODE_HEALTH_HISTORY.CIRCUIT, health.circuit().name())
                .set(NODE_HEALTH_HISTORY.CHECKED_AT, checkedAt)
                .onConflictDoNothing()
                .execute();
    }

    static Optional<NodeHealth> find(DSLContext dsl, String nodeId) {
        return dsl.select(NODE_HEALTH.NODE_ID, NODE_HEALTH.ENDPOINT, NODE_HEALTH.LATENCY_NANOS, NODE_HEALTH.SLOT_LAG,
                        NODE_HEALTH.ERROR_COUNT, NODE_HEALTH.CIRCUIT, NODE_HEALTH.CHECKED_AT)
                .from(NODE_HEALTH)
                .where(NODE_HEALTH.NODE_ID.eq(nodeId))
                .fetchOptional(NodeHealthRows::toHealth);
    }

    static List<NodeHealth> all(DSLContext dsl) {
        return dsl.select(NODE_HEALTH.NODE_ID, NODE_HEALTH.ENDPOINT, NODE_HEALTH.LATENCY_NANOS, NODE_HEALTH.SLOT_LAG,
                        NODE_HEALTH.ERROR_COUNT, NODE_HEALTH.CIRCUIT, NODE_HEALTH.CHECKED_AT)
                .from(NODE_HEALTH)
                .orderBy(NODE_HEALTH.NODE_ID)
                .fetch(NodeHealthRows::toHealth);
    }

    static List<NodeHealth> history(DSLContext dsl, String nodeId, TimeRange range, int limit) {
        return dsl.select(NODE_HEALTH_HISTORY.NODE_ID, NODE_HEALTH_HISTORY.ENDPOINT, NODE_HEALTH_HISTORY.LATENCY_NANOS,
                        NODE_HEALTH_HISTORY.SLOT_LAG, NODE_HEALTH_HISTORY.ERROR_COUNT, NODE_HEALTH_HISTORY.CIRCUIT,
                        NODE_HEALTH_HISTORY.CHECKED_AT)
                .from(NODE_HEALTH_HISTORY)
                .where(NODE_HEALTH_HISTORY.NODE_ID.eq(nodeId))
                .and(NODE_HEALTH_HISTORY.CHECKED_AT.ge(Timestamps.toColumn(range.from())))
                .and(NODE_HEALTH_HISTORY.CHECKED_AT.lt(Timestamps.toColumn(range.to())))
                .orderBy(NODE_HEALTH_HISTORY.CHECKED_AT)
                .limit(limit)
                .fetch(NodeHealthRows::toHealth);
    }

    private static NodeHealth toHealth(Record7<String, String, Long, Long, Long, String, OffsetDateTime> row) {
        return StoredRows.decode("node health of " + row.value1(), () -> new NodeHealth(
                row.value1(),
                URI.create(row.value2()),
                Duration.ofNanos(row.value3()),
                row.value4(),
                row.value5(),
                CircuitState.valueOf(row.value6()),
                Timestamps.fromColumn(row.value7())));
    }
}
