package io.soltrade.data.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configuration change as the audit log keeps it: who did what to which entity, with the entity's state
 * before and after as JSON (absent before a creation, or after a deletion).
 */
public record AuditEntry(
        Actor actor,
        String action,
        String entityType,
        String entityId,
        Optional<String> beforeJson,
        Optional<String> afterJson,
        Instant at) {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public AuditEntry {
        Checks.notNull(actor, "actor");
        Checks.matches(action, "action", WORD, "a lowercase action name");
        Checks.matches(entityType, "entityType", WORD, "a lowercase entity type");
        Checks.text(entityId, "entityId", 128);
        Checks.notNull(beforeJson, "beforeJson");
        Checks.notNull(afterJson, "afterJson");
        at = Checks.timestamp(at, "at");
    }
}
