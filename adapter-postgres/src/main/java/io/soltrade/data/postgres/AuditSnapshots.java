package io.soltrade.data.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.TrailingStop;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.token.TokenMetadata;
import org.jooq.JSONB;

/**
 * The JSON an audit entry keeps of an entity before and after a change. Amounts and decimals are strings, so
 * u64 values and 18-digit prices survive any JSON reader; the shape is for people and tools reading the log,
 * nothing reads it back into domain values.
 */
final class AuditSnapshots {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSnapshots() {}

    static JSONB token(TokenMetadata token) {
        ObjectNode node = JSON.createObjectNode()
                .put("mint", token.mint().base58())
                .put("symbol", token.symbol().value())
                .put("name", token.name())
                .put("decimals", token.decimals())
                .put("program", token.program().name());
        node.set("extensions", read(TokenExtensionJson.toJsonb(token.extensions())));
        return write(node);
    }

    static JSONB traderConfig(TraderConfig config) {
        ObjectNode node = JSON.createObjectNode()
                .put("trader", config.trader().value())
                .put("mode", config.mode().name())
                .put("version", config.version());
        node.putObject("limits")
                .put("maxPositionLamports", config.limits().maxPositionLamports().toString())
                .put("maxDailyLossLamports", config.limits().maxDailyLossLamports().toString())
                .put("maxSlippageBps", config.limits().maxSlippageBps())
                .put("maxOpenOrders", config.limits().maxOpenOrders());
        node.putObject("mevProtection")
                .put("enabled", config.mevProtection().enabled())
                .put("sandwichProbabilityThreshold", config.mevProtection().sandwichProbabilityThreshold())
                .put("maxTipLamports", config.mevProtection().maxTipLamports().toString())
                .put("privateSubmission", config.mevProtection().privateSubmission());
        ObjectNode settings = node.putObject("settings");
        config.settings().forEach(settings::put);
        return write(node);
    }

    static JSONB orderRule(OrderRule rule) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", rule.id().toString())
                .put("trader", rule.trader().value())
                .put("token", rule.token().base58())
                .put("kind", rule.trigger().kind().name())
                .put("triggerPrice", OrderRuleRows.triggerPrice(rule.trigger()).toPlainString())
                .put("quantity", rule.quantity().toString())
                .put("status", rule.status().name())
                .put("createdAt", rule.createdAt().toString());
        if (rule.trigger() instanceof TrailingStop trailing) {
            node.put("trailBps", trailing.trailBps());
        }
        rule.closedAt().ifPresent(at -> node.put("closedAt", at.toString()));
        return write(node);
    }

    private static JsonNode read(JSONB json) {
        try {
            return JSON.readTree(json.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read JSON the adapter wrote", e);
        }
    }

    private static JSONB write(ObjectNode node) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit snapshot", e);
        }
    }
}
