package io.soltrade.data.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Stream events as JSON, the same text in a stream entry's {@code event} field and in a live-feed message. The
 * mapping is written out field by field (no reflection over domain types), so the stored format is this file:
 * decimals and u64 amounts are strings (exact in every JSON reader), instants ISO-8601 with microseconds, and
 * {@code type} says which event it is. A trade's {@code quote} is written for readers and derived again on decode; an
 * event written before {@code quote} and {@code commitment} existed reads as USDC-priced and FINALIZED.
 *
 * <p>Written with a streaming generator and read with a streaming parser (no tree of nodes, no serializer look-ups):
 * the live feed encodes and decodes every message at a rate too low for the JIT to compile this path, so each call
 * saved counts. The text is byte for byte what the earlier tree-based writer produced (same generator, same field
 * order; {@code StreamEventCodecTest} pins it), and reading accepts and rejects what it did ({@link EventFields}).
 */
final class StreamEventCodec {
    private static final JsonFactory JSON = new JsonFactory();

    private final QuoteMints mints = new QuoteMints();

    String encode(StreamEvent event) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (event instanceof PriceUpdateEvent price) {
                writePrice(json, price.quote());
            } else if (event instanceof TradeEvent trade) {
                writeTrade(json, trade.trade());
            } else if (event instanceof UiEvent ui) {
                writeUi(json, ui);
            } else {
                throw new IllegalArgumentException("unknown stream event " + event.getClass().getName());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("stream event cannot be written as JSON", e);
        }
        return out.toString();
    }

    private static void writePrice(JsonGenerator json, PriceQuote quote) throws IOException {
        json.writeStringField("type", "price");
        json.writeStringField("symbol", quote.symbol().value());
        json.writeStringField("price", quote.price().toPlainString());
        json.writeNumberField("slot", quote.slot());
        json.writeStringField("observedAt", IsoInstant.format(quote.observedAt()));
        json.writeStringField("source", quote.source());
        json.writeStringField("quote", quote.quote().base58());
    }

    private static void writeTrade(JsonGenerator json, Trade trade) throws IOException {
        json.writeStringField("type", "trade");
        json.writeStringField("id", trade.id().naturalKey());
        json.writeStringField("executedAt", IsoInstant.format(trade.executedAt()));
        json.writeStringField("trader", trade.trader().value());
        json.writeStringField("mode", trade.mode().name());
        json.writeStringField("side", trade.side().name());
        json.writeStringField("tokenIn", trade.tokenIn().base58());
        json.writeStringField("tokenOut", trade.tokenOut().base58());
        json.writeStringField("amountIn", trade.amountIn().toString());
        json.writeStringField("amountOut", trade.amountOut().toString());
        json.writeStringField("fee", trade.fee().toString());
        json.writeStringField("price", trade.price().toPlainString());
        json.writeNumberField("slot", trade.slot());
        json.writeStringField("mevStatus", trade.mevStatus().name());
        json.writeStringField("commitment", trade.commitment().name());
        json.writeStringField("quote", trade.quote().base58());
    }

    private static void writeUi(JsonGenerator json, UiEvent ui) throws IOException {
        json.writeStringField("type", "ui");
        json.writeStringField("kind", ui.kind());
        json.writeStringField("message", ui.message());
        json.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : ui.attributes().entrySet()) {
            json.writeStringField(attribute.getKey(), attribute.getValue());
        }
        json.writeEndObject();
        json.writeStringField("at", IsoInstant.format(ui.at()));
    }

    /** The event back; throws {@link IllegalArgumentException} (or a domain validation error) on text it cannot read. */
    StreamEvent decode(String text) {
        EventFields fields;
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            fields = EventFields.read(parser);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        String type = fields.text("type");
        return switch (type) {
            case "price" -> new PriceUpdateEvent(new PriceQuote(TokenSymbol.of(fields.text("symbol")), PlainDecimal.parse(fields.text("price")),
                    fields.number("slot"), IsoInstant.parse(fields.text("observedAt")), fields.text("source"),
                    fields.has("quote") ? mints.of(fields.text("quote")) : QuoteTokens.USDC));
            case "trade" -> new TradeEvent(new Trade(TradeId.parse(fields.text("id")), IsoInstant.parse(fields.text("executedAt")),
                    TraderId.of(fields.text("trader")), TradingMode.valueOf(fields.text("mode")), TradeSide.valueOf(fields.text("side")),
                    Pubkey.of(fields.text("tokenIn")), Pubkey.of(fields.text("tokenOut")), TokenAmount.parse(fields.text("amountIn")),
                    TokenAmount.parse(fields.text("amountOut")), TokenAmount.parse(fields.text("fee")), PlainDecimal.parse(fields.text("price")),
                    fields.number("slot"), MevStatus.valueOf(fields.text("mevStatus")),
                    fields.optionalText("commitment").map(Commitment::valueOf).orElse(Commitment.FINALIZED)));
            case "ui" -> new UiEvent(fields.text("kind"), fields.text("message"), fields.attributes(), IsoInstant.parse(fields.text("at")));
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }
}
