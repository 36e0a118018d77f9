package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A stop-loss, take-profit or trailing-stop rule on one trader's holding of one token. A rule triggers at most
 * once: stores make the ACTIVE to TRIGGERED transition exactly once even under concurrent evaluators.
 */
public record OrderRule(
        UUID id,
        TraderId trader,
        Pubkey token,
        OrderTrigger trigger,
        TokenAmount quantity,
        OrderRuleStatus status,
        Instant createdAt,
        Optional<Instant> closedAt) {

    public OrderRule {
        Checks.notNull(id, "id");
        Checks.notNull(trader, "trader");
        Checks.notNull(token, "token");
        Checks.notNull(trigger, "trigger");
        Checks.notNull(quantity, "quantity");
        if (quantity.isZero()) {
            throw new DomainValidationException("quantity", "is zero");
        }
        Checks.notNull(status, "status");
        createdAt = Checks.timestamp(createdAt, "createdAt");
        Checks.notNull(closedAt, "closedAt");
        closedAt = closedAt.map(at -> Checks.timestamp(at, "closedAt"));
        if ((status == OrderRuleStatus.ACTIVE) != closedAt.isEmpty()) {
            throw new DomainValidationException("closedAt", status == OrderRuleStatus.ACTIVE
                    ? "is set on an active rule" : "is missing on a " + status.name().toLowerCase() + " rule");
        }
        if (closedAt.isPresent() && closedAt.get().isBefore(createdAt)) {
            throw new DomainValidationException("closedAt", closedAt.get() + " is before createdAt " + createdAt);
        }
    }

    public static OrderRule active(UUID id, TraderId trader, Pubkey token, OrderTrigger trigger, TokenAmount quantity, Instant createdAt) {
        return new OrderRule(id, trader, token, trigger, quantity, OrderRuleStatus.ACTIVE, createdAt, Optional.empty());
    }

    public boolean isActive() {
        return status == OrderRuleStatus.ACTIVE;
    }

    /** Whether an active rule fires at {@code price}; a closed rule never does. */
    public boolean firesAt(BigDecimal price) {
        return isActive() && trigger.firesAt(price);
    }

    /** The rule after a price was seen (a trailing stop raises its mark). */
    public OrderRule observe(BigDecimal price) {
        OrderTrigger next = trigger.observe(price);
        return next.equals(trigger) ? this : new OrderRule(id, trader, token, next, quantity, status, createdAt, closedAt);
    }

    public OrderRule triggered(Instant at) {
        Checks.notNull(at, "closedAt");
        requireActive();
        return new OrderRule(id, trader, token, trigger, quantity, OrderRuleStatus.TRIGGERED, createdAt, Optional.of(at));
    }

    public OrderRule cancelled(Instant at) {
        Checks.notNull(at, "closedAt");
        requireActive();
        return new OrderRule(id, trader, token, trigger, quantity, OrderRuleStatus.CANCELLED, createdAt, Optional.of(at));
    }

    private void requireActive() {
        if (!isActive()) {
            throw new DomainValidationException("status", "rule " + id + " is " + status + ", only an active rule can change");
        }
    }
}
