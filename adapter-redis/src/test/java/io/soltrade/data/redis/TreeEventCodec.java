package io.soltrade.data.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.UiEvent;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The event codec as it was before the streaming one ({@code StreamEventCodec} at a3d2bc0: a Jackson tree written with
 * {@code ObjectMapper.writeValueAsString} and read with {@code readTree}), kept verbatim as the oracle the streaming
 * codec must match: the same text for every event, the same event or the same kind of error for every input.
 */
final class TreeEventCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuoteMints mints = new QuoteMints();

    String encode(StreamEvent event) {
        ObjectNode node = JSON.createObjectNode();
        if (event instanceof PriceUpdateEvent price) {
            PriceQuote quote = price.quote();
            node.put("type", "price");
            node.put("symbol", quote.symbol().value());
            node.put("price", quote.price().toPlainString());
            node.put("slot", quote.slot());
            node.put("observedAt", quote.observedAt().toString());
            node.put("source", quote.source());
            node.put("quote", quote.quote().base58());
        } else if (event instanceof TradeEvent tradeEvent) {
            Trade trade = tradeEvent.trade();
            node.put("type", "trade");
            node.put("id", trade.id().naturalKey());
            node.put("executedAt", trade.executedAt().toString());
            node.put("trader", trade.trader().value());
            node.put("mode", trade.mode().name());
            node.put("side", trade.side().name());
            node.put("tokenIn", trade.tokenIn().base58());
            node.put("tokenOut", trade.tokenOut().base58());
            node.put("amountIn", trade.amountIn().toString());
            node.put("amountOut", trade.amountOut().toString());
            node.put("fee", trade.fee().toString());
            node.put("price", trade.price().toPlainString());
            node.put("slot", trade.slot());
            node.put("mevStatus", trade.mevStatus().name());
            node.put("commitment", trade.commitment().name());
            node.put("quote", trade.quote().base58());
        } else if (event instanceof UiEvent ui) {
            node.put("type", "ui");
            node.put("kind", ui.kind());
            node.put("message", ui.message());
            ObjectNode attributes = node.putObject("attributes");
            ui.attributes().forEach(attributes::put);
            node.put("at", ui.at().toString());
        } else {
            throw new IllegalArgumentException("unknown stream event " + event.getClass().getName());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream event cannot be written as JSON", e);
        }
    }

    /** The event back; throws {@link IllegalArgumentException} (or a domain validation error) on text it cannot read. */
    StreamEvent decode(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String type = text(node, "type");
        return switch (type) {
            case "price" -> new PriceUpdateEvent(new PriceQuote(TokenSymbol.of(text(node, "symbol")), new BigDecimal(text(node, "price")),
                    number(node, "slot"), IsoInstant.parse(text(node, "observedAt")), text(node, "source"),
                    optionalText(node, "quote").map(mints::of).orElse(QuoteTokens.USDC)));
            case "trade" -> new TradeEvent(new Trade(TradeId.parse(text(node, "id")), IsoInstant.parse(text(node, "executedAt")),
                    TraderId.of(text(node, "trader")), TradingMode.valueOf(text(node, "mode")), TradeSide.valueOf(text(node, "side")),
                    Pubkey.of(text(node, "tokenIn")), Pubkey.of(text(node, "tokenOut")), TokenAmount.parse(text(node, "amountIn")),
                    TokenAmount.parse(text(node, "amountOut")), TokenAmount.parse(text(node, "fee")), new BigDecimal(text(node, "price")),
                    number(node, "slot"), MevStatus.valueOf(text(node, "mevStatus")),
                    optionalText(node, "commitment").map(Commitment::valueOf).orElse(Commitment.FINALIZED)));
            case "ui" -> new UiEvent(text(node, "kind"), text(node, "message"), attributes(node), IsoInstant.parse(text(node, "at")));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private static TreeMap<String, String> attributes(JsonNode node) {
        JsonNode attributes = node.get("attributes");
        if (attributes == null || !attributes.isObject()) {
            throw new IllegalArgumentException("field attributes is missing or not an object");
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new IllegalArgumentException("attribute " + field.getKey() + " is not text");
            }
            out.put(field.getKey(), field.getValue().asText());
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field " + field + " is missing or not text");
        }
        return value.asText();
    }

    /** A field events written before it existed lack ({@code quote}, {@code commitment}): their defaults apply. */
    private static java.util.Optional<String> optionalText(JsonNode node, String field) {
        return node.has(field) ? java.util.Optional.of(text(node, field)) : java.util.Optional.empty();
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("field " + field + " is missing or not a whole number");
        }
        return value.asLong();
    }
}
