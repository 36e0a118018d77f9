package io.soltrade.data.cli.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.StreamEntryId;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one place that turns what the ports answer into the page's events: every event type the page understands, its
 * key (what a newer event of the same key replaces) and its JSON, in compact form. The page ({@code live.js}) reads
 * exactly these fields. Amounts leave here scaled by the token's decimals when the configuration store knows the
 * token; prices and P&amp;L as exact decimal strings.
 */
final class PageEvents {
    /** A new page is sent at most this many of the latest trades of a batch; the batch's count says how many there were. */
    static final int TRADES_PER_BATCH = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<Pubkey, Optional<TokenLabel>> tokens;

    /** {@code tokens} names a mint (symbol, decimals), or is empty for a token the configuration store does not know. */
    PageEvents(Function<Pubkey, Optional<TokenLabel>> tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens is null");
    }

    /** {@code hello}: what this page is looking at, sent first to every page. */
    PageEvent hello(Collection<Backend> backends, double feedRateHz, long streamCap) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("backends", backends.stream().map(Backend::key).toList());
        data.put("feed_rate_hz", feedRateHz);
        data.put("stream_cap", streamCap);
        return event("hello", "hello", data);
    }

    /** {@code price}: a token's latest price from the live feed; one key per token and quote token. */
    PageEvent price(PriceQuote quote) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", quote.symbol().value());
        data.put("price", plain(quote.price()));
        data.put("quote", label(quote.quote()));
        data.put("at", quote.observedAt().toEpochMilli());
        data.put("slot", quote.slot());
        data.put("source", quote.source());
        return event("price", "price:" + quote.symbol().value() + ":" + quote.quote().base58(), data);
    }

    /** {@code history}: the last minutes of a token's price, oldest first, for the chart of a page that just opened. */
    PageEvent history(TokenSymbol symbol, List<PricePoint> points) {
        List<List<Object>> rows = new ArrayList<>(points.size());
        for (PricePoint point : points) {
            rows.add(List.of(point.at().toEpochMilli(), plain(point.price())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", symbol.value());
        data.put("points", rows);
        return event("history", "history:" + symbol.value(), data);
    }

    /**
     * {@code trades}: the trades read from the trade stream up to entry {@code last}, newest first, at most
     * {@value #TRADES_PER_BATCH} of them; {@code count} is how many the batch had. Keyed by {@code last}: batches never
     * replace each other.
     */
    PageEvent trades(StreamEntryId last, List<Trade> oldestFirst, long count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = oldestFirst.size() - 1; i >= 0 && rows.size() < TRADES_PER_BATCH; i--) {
            rows.add(trade(oldestFirst.get(i)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", count);
        data.put("trades", rows);
        return event("trades", "trades:" + last, data);
    }

    private Map<String, Object> trade(Trade trade) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", trade.id().naturalKey());
        row.put("at", trade.executedAt().toEpochMilli());
        row.put("trader", trade.trader().value());
        row.put("mode", trade.mode().name());
        row.put("side", trade.side().name());
        row.put("token", label(trade.token()));
        row.put("amount", amount(trade.token(), trade.tokenAmount()));
        row.put("quote", label(trade.quote()));
        row.put("quote_amount", amount(trade.quote(), trade.quoteAmount()));
        row.put("price", plain(trade.price()));
        row.put("mev", trade.mevStatus().name());
        row.put("commitment", trade.commitment().name());
        return row;
    }

    /** {@code alert}: one entry of {@code stream:ui-events}; {@code mev} is true for MEV alerts (kinds {@code mev.*}). */
    PageEvent alert(StreamEntryId id, UiEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id.toString());
        data.put("kind", event.kind());
        data.put("mev", event.kind().startsWith("mev."));
        data.put("message", event.message());
        data.put("attributes", event.attributes());
        data.put("at", event.at().toEpochMilli());
        return event("alert", "alert:" + id, data);
    }

    /**
     * {@code positions}: a trader's latest position states with realized P&amp;L (net of fees, in the quote token) and,
     * where {@code marks} has the token's price in that quote token, unrealized P&amp;L; totals per quote token.
     */
    PageEvent positions(TraderId trader, List<Position> positions, Function<Position, Optional<BigDecimal>> marks) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        for (Position position : positions) {
            Optional<BigDecimal> mark = marks.apply(position).filter(price -> price.signum() > 0);
            Optional<BigDecimal> unrealized = mark.map(position::unrealizedPnl);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("token", label(position.token()));
            row.put("quote", label(position.quote()));
            row.put("quantity", plain(position.quantity()));
            row.put("average_entry", plain(position.averageEntryPrice()));
            row.put("mark", mark.map(PageEvents::plain).orElse(null));
            row.put("realized", plain(position.realizedPnl()));
            row.put("unrealized", unrealized.map(PageEvents::plain).orElse(null));
            row.put("fees", plain(position.feesPaid()));
            row.put("fills", position.fillCount());
            rows.add(row);
            BigDecimal[] total = totals.computeIfAbsent(label(position.quote()), quote -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            total[0] = total[0].add(position.realizedPnl());
            total[1] = total[1].add(unrealized.orElse(BigDecimal.ZERO));
        }
        List<Map<String, Object>> byQuote = new ArrayList<>();
        totals.forEach((quote, total) -> byQuote.add(Map.of("quote", quote, "realized", plain(total[0]), "unrealized", plain(total[1]))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("trader", trader.value());
        data.put("positions", rows);
        data.put("totals", byQuote);
        return event("positions", "positions:" + trader.value(), data);
    }

    /** {@code health}: each backend's state, check latency and circuit-breaker state. */
    PageEvent health(List<HealthReport> reports) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HealthReport report : reports) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("backend", report.backend());
            row.put("state", report.state().name());
            row.put("latency_ms", report.latency().toNanos() / 1e6);
            row.put("circuit", report.details().getOrDefault("circuit", "CLOSED"));
            row.put("error", report.error().orElse(null));
            rows.add(row);
        }
        return event("health", "health", Map.of("backends", rows));
    }

    /**
     * {@code system}: each stream's length against the cap, the caches' hit ratios, and the QuestDB batch writer's
     * outstanding rows against its buffer's capacity ({@code null} when no QuestDB writer runs).
     */
    PageEvent system(Map<StreamName, Long> streamLengths, long streamCap, Map<String, CacheStats> caches, OptionalLong writerOutstanding,
            OptionalLong writerCapacity) {
        List<Map<String, Object>> streams = new ArrayList<>();
        streamLengths.forEach((stream, length) -> streams.add(Map.of("name", stream.key(), "length", length, "cap", streamCap)));
        List<Map<String, Object>> cacheRows = new ArrayList<>();
        caches.forEach((name, stats) -> cacheRows.add(Map.of("name", name, "hit_ratio", stats.hitRatio(), "hits", stats.hits(),
                "misses", stats.misses(), "errors", stats.errors())));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("streams", streams);
        data.put("caches", cacheRows);
        data.put("writer", writerOutstanding.isPresent()
                ? Map.of("outstanding", writerOutstanding.getAsLong(), "capacity", writerCapacity.orElse(0)) : null);
        return event("system", "system", data);
    }

    /** {@code candles}: a token's OHLCV candles from the trade store, oldest first. */
    PageEvent candles(Pubkey token, Pubkey quote, CandleInterval interval, List<Candle> candles) {
        List<Map<String, Object>> rows = new ArrayList<>(candles.size());
        for (Candle candle : candles) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("start", candle.start().toEpochMilli());
            row.put("open", plain(candle.open()));
            row.put("high", plain(candle.high()));
            row.put("low", plain(candle.low()));
            row.put("close", plain(candle.close()));
            row.put("trades", candle.tradeCount());
            rows.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("symbol", label(token));
        data.put("quote", label(quote));
        data.put("interval", interval.label());
        data.put("interval_ms", interval.duration().toMillis());
        data.put("candles", rows);
        return event("candles", "candles:" + token.base58() + ":" + quote.base58(), data);
    }

    /** A token's symbol, or a shortened mint when the configuration store does not know it. */
    private String label(Pubkey mint) {
        if (mint.equals(QuoteTokens.USDC)) {
            return tokens.apply(mint).map(TokenLabel::symbol).orElse("USDC");
        }
        return tokens.apply(mint).map(TokenLabel::symbol).orElseGet(() -> mint.base58().substring(0, 4) + "…" + mint.base58().substring(mint.base58().length() - 4));
    }

    /** An amount in whole tokens when the token's decimals are known, else in base units. */
    private String amount(Pubkey mint, TokenAmount amount) {
        return tokens.apply(mint).map(label -> plain(amount.toUiAmount(label.decimals()))).orElseGet(() -> amount.toBigInteger().toString());
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static PageEvent event(String type, String key, Object data) {
        try {
            return new PageEvent(type, key, JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
