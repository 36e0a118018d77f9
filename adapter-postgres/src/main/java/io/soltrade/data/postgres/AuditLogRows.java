package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.AUDIT_LOG;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.postgres.schema.tables.records.AuditLogRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The append-only {@code audit_log}: written by the statement after each change, in the change's transaction. */
final class AuditLogRows {
    private AuditLogRows() {}

    static void append(DSLContext dsl, Actor actor, String action, String entityType, String entityId, JSONB before, JSONB after, Instant at) {
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, actor.name())
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.ENTITY_TYPE, entityType)
                .set(AUDIT_LOG.ENTITY_ID, entityId)
                .set(AUDIT_LOG.BEFORE_STATE, before)
                .set(AUDIT_LOG.AFTER_STATE, after)
                .set(AUDIT_LOG.AT, Timestamps.toColumn(at))
                .execute();
    }

    static List<AuditEntry> trail(DSLContext dsl, String entityType, String entityId, int limit) {
        return dsl.selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_TYPE.eq(entityType))
                .and(AUDIT_LOG.ENTITY_ID.eq(entityId))
                .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
                .limit(limit)
                .fetch(AuditLogRows::toEntry);
    }

    private static AuditEntry toEntry(AuditLogRecord row) {
        return StoredRows.decode("audit entry " + row.getId(), () -> new AuditEntry(
                Actor.of(row.getActor()),
                row.getAction(),
                row.getEntityType(),
                row.getEntityId(),
                Optional.ofNullable(row.getBeforeState()).map(JSONB::data),
                Optional.ofNullable(row.getAfterState()).map(JSONB::data),
                Timestamps.fromColumn(row.getAt())));
    }
}
