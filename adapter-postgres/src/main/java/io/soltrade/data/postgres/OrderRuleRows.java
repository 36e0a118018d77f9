package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.ORDER_RULES;

import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderRuleStatus;
import io.soltrade.data.domain.OrderTrigger;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StopLoss;
import io.soltrade.data.domain.TakeProfit;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TrailingStop;
import io.soltrade.data.postgres.schema.tables.records.OrderRulesRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The {@code order_rules} table. Closing a rule is one {@code UPDATE ... WHERE status = 'ACTIVE' RETURNING}:
 * PostgreSQL re-checks the condition on the row a concurrent closer just committed, so of many concurrent
 * callers exactly one gets the row back.
 */
final class OrderRuleRows {
    private OrderRuleRows() {}

    /** The stop price, target price or high-water mark, by kind: the one price each trigger keeps. */
    static BigDecimal triggerPrice(OrderTrigger trigger) {
        if (trigger instanceof StopLoss stop) {
            return stop.stopPrice();
        }
        if (trigger instanceof TakeProfit take) {
            return take.targetPrice();
        }
        return ((TrailingStop) trigger).highWaterMark();
    }

    static boolean insertIfAbsent(DSLContext dsl, OrderRule rule) {
        return dsl.insertInto(ORDER_RULES)
                .set(ORDER_RULES.ID, rule.id())
                .set(ORDER_RULES.TRADER_ID, rule.trader().value())
                .set(ORDER_RULES.TOKEN, rule.token().base58())
                .set(ORDER_RULES.KIND, rule.trigger().kind().name())
                .set(ORDER_RULES.TRIGGER_PRICE, triggerPrice(rule.trigger()))
                .set(ORDER_RULES.TRAIL_BPS, rule.trigger() instanceof TrailingStop trailing ? trailing.trailBps() : null)
                .set(ORDER_RULES.QUANTITY, rule.quantity().toBigInteger())
                .set(ORDER_RULES.STATUS, rule.status().name())
                .set(ORDER_RULES.CREATED_AT, Timestamps.toColumn(rule.createdAt()))
                .set(ORDER_RULES.CLOSED_AT, rule.closedAt().map(Timestamps::toColumn).orElse(null))
                .onConflictDoNothing()
                .execute() == 1;
    }

    static Optional<OrderRule> find(DSLContext dsl, UUID id) {
        return Optional.ofNullable(dsl.selectFrom(ORDER_RULES).where(ORDER_RULES.ID.eq(id)).fetchOne()).map(OrderRuleRows::toRule);
    }

    static List<OrderRule> activeOn(DSLContext dsl, Pubkey token) {
        return activeOnQuery(dsl, token).fetch(OrderRuleRows::toRule);
    }

    /**
     * Served by the partial index {@code order_rules_active_by_token}. The status is rendered as the literal
     * {@code 'ACTIVE'}, not a bind value: a generic plan (which PostgreSQL switches prepared statements to after
     * five runs) can use a partial index only when the query itself implies the index's predicate.
     */
    static ResultQuery<OrderRulesRecord> activeOnQuery(DSLContext dsl, Pubkey token) {
        return dsl.selectFrom(ORDER_RULES)
                .where(ORDER_RULES.TOKEN.eq(token.base58()))
                .and(ORDER_RULES.STATUS.eq(DSL.inline(OrderRuleStatus.ACTIVE.name())))
                .orderBy(ORDER_RULES.CREATED_AT, ORDER_RULES.ID);
    }

    static List<OrderRule> ofTrader(DSLContext dsl, TraderId trader, int limit) {
        return dsl.selectFrom(ORDER_RULES)
                .where(ORDER_RULES.TRADER_ID.eq(trader.value()))
                .orderBy(ORDER_RULES.CREATED_AT, ORDER_RULES.ID)
                .limit(limit)
                .fetch(OrderRuleRows::toRule);
    }

    /** Moves an active rule to {@code status}; the closed rule, or empty if it was not active (or does not exist). */
    static Optional<OrderRule> closeIfActive(DSLContext dsl, UUID id, OrderRuleStatus status, Instant at) {
        return dsl.update(ORDER_RULES)
                .set(ORDER_RULES.STATUS, status.name())
                .set(ORDER_RULES.CLOSED_AT, Timestamps.toColumn(at))
                .where(ORDER_RULES.ID.eq(id))
                .and(ORDER_RULES.STATUS.eq(OrderRuleStatus.ACTIVE.name()))
                .returning()
                .fetchOptional()
                .map(OrderRuleRows::toRule);
    }

    static boolean exists(DSLContext dsl, UUID id) {
        return dsl.fetchExists(ORDER_RULES, ORDER_RULES.ID.eq(id));
    }

    private static OrderRule toRule(OrderRulesRecord row) {
        return StoredRows.decode("order rule " + row.getId(), () -> new OrderRule(
                row.getId(),
                TraderId.of(row.getTraderId()),
                Pubkey.of(row.getToken()),
                toTrigger(OrderTrigger.Kind.valueOf(row.getKind()), row.getTriggerPrice(), row.getTrailBps()),
                TokenAmount.of(row.getQuantity()),
                OrderRuleStatus.valueOf(row.getStatus()),
                Timestamps.fromColumn(row.getCreatedAt()),
                Optional.ofNullable(row.getClosedAt()).map(Timestamps::fromColumn)));
    }

    private static OrderTrigger toTrigger(OrderTrigger.Kind kind, BigDecimal price, Integer trailBps) {
        return switch (kind) {
            case STOP_LOSS -> new StopLoss(price);
            case TAKE_PROFIT -> new TakeProfit(price);
            case TRAILING_STOP -> new TrailingStop(trailBps, price);
        };
    }
}
