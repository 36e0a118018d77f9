package io.soltrade.data.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.StreamEntryId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PageEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pubkey SOL = QuoteTokens.SOL;
    private static final Pubkey USDC = QuoteTokens.USDC;
    private static final Pubkey UNKNOWN = Pubkey.of("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN");
    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");
    private static final TraderId TRADER = TraderId.of("trader-1");

    private final PageEvents events = new PageEvents(mint -> Map.of(
            SOL, new TokenLabel(SOL, "SOL", 9),
            USDC, new TokenLabel(USDC, "USDC", 6)).entrySet().stream().filter(e -> e.getKey().equals(mint)).map(Map.Entry::getValue).findFirst());

    private static JsonNode json(PageEvent event) throws Exception {
        return JSON.readTree(event.data());
    }

    private static Trade buy(int id, Instant at, MevStatus mev) {
        return new Trade(new PaperTradeId("t-" + id), at, TRADER, TradingMode.PAPER, TradeSide.BUY, USDC, SOL,
                TokenAmount.of(150_250_000), TokenAmount.of(1_000_000_000), TokenAmount.of(5_000), new BigDecimal("150.25"), 7, mev);
    }

    @Test
    void aPriceIsKeyedByTokenAndQuoteWithTheExactDecimal() throws Exception {
        PageEvent event = events.price(new PriceQuote(TokenSymbol.of("SOL"), new BigDecimal("150.123456789"), 42, AT, "jupiter"));

        assertThat(event.type()).isEqualTo("price");
        assertThat(event.key()).isEqualTo("price:SOL:" + USDC.base58());
        JsonNode data = json(event);
        assertThat(data.get("symbol").asText()).isEqualTo("SOL");
        assertThat(data.get("price").asText()).isEqualTo("150.123456789");
        assertThat(data.get("quote").asText()).isEqualTo("USDC");
        assertThat(data.get("at").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(data.get("slot").asLong()).isEqualTo(42);
    }

    @Test
    void tradesComeNewestFirstScaledByDecimalsAndCappedWithTheirCount() throws Exception {
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            trades.add(buy(i, AT.plusMillis(i), i == 69 ? MevStatus.SANDWICHED : MevStatus.NONE));
        }

        PageEvent event = events.trades(new StreamEntryId(9, 1), trades, 70);

        assertThat(event.key()).isEqualTo("trades:9-1");
        JsonNode data = json(event);
        assertThat(data.get("count").asLong()).isEqualTo(70);
        assertThat(data.get("trades")).hasSize(PageEvents.TRADES_PER_BATCH);
        JsonNode newest = data.get("trades").get(0);
        assertThat(newest.get("id").asText()).isEqualTo("paper:t-69");
        assertThat(newest.get("side").asText()).isEqualTo("BUY");
        assertThat(newest.get("token").asText()).isEqualTo("SOL");
        assertThat(newest.get("amount").asText()).isEqualTo("1");
        assertThat(newest.get("quote").asText()).isEqualTo("USDC");
        assertThat(newest.get("quote_amount").asText()).isEqualTo("150.25");
        assertThat(newest.get("price").asText()).isEqualTo("150.25");
        assertThat(newest.get("mev").asText()).isEqualTo("SANDWICHED");
        assertThat(data.get("trades").get(49).get("id").asText()).isEqualTo("paper:t-20");
    }

    @Test
    void aTokenTheConfigurationStoreDoesNotKnowShowsAsAShortMintInBaseUnits() throws Exception {
        Trade trade = new Trade(new PaperTradeId("t-1"), AT, TRADER, TradingMode.PAPER, TradeSide.SELL, UNKNOWN, USDC,
                TokenAmount.of(123_456), TokenAmount.of(2_000_000), TokenAmount.of(5_000), new BigDecimal("0.5"), 7, MevStatus.NONE);

        JsonNode row = json(events.trades(new StreamEntryId(1, 0), List.of(trade), 1)).get("trades").get(0);

        assertThat(row.get("token").asText()).isEqualTo("JUPy…DvCN");
        assertThat(row.get("amount").asText()).isEqualTo("123456");
        assertThat(row.get("quote_amount").asText()).isEqualTo("2");
    }

    @Test
    void positionsCarryRealizedAndUnrealizedPnlAtTheMarkWithTotalsPerQuote() throws Exception {
        Position open = new Position(TRADER, TradingMode.PAPER, SOL, USDC, new BigDecimal("2"), new BigDecimal("100"),
                new BigDecimal("5.5"), new BigDecimal("0.5"), 3, AT);
        Position unmarked = new Position(TRADER, TradingMode.PAPER, UNKNOWN, USDC, new BigDecimal("10"), new BigDecimal("1"),
                new BigDecimal("-1.5"), BigDecimal.ZERO, 1, AT);

        PageEvent event = events.positions(TRADER, List.of(open, unmarked),
                position -> position.token().equals(SOL) ? Optional.of(new BigDecimal("110")) : Optional.empty());

        assertThat(event.key()).isEqualTo("positions:trader-1");
        JsonNode data = json(event);
        JsonNode sol = data.get("positions").get(0);
        assertThat(sol.get("token").asText()).isEqualTo("SOL");
        assertThat(sol.get("quantity").asText()).isEqualTo("2");
        assertThat(sol.get("mark").asText()).isEqualTo("110");
        assertThat(sol.get("realized").asText()).isEqualTo("5.5");
        assertThat(sol.get("unrealized").asText()).isEqualTo("20");
        assertThat(sol.get("fills").asLong()).isEqualTo(3);
        assertThat(data.get("positions").get(1).get("unrealized").isNull()).isTrue();
        JsonNode total = data.get("totals").get(0);
        assertThat(total.get("quote").asText()).isEqualTo("USDC");
        assertThat(total.get("realized").asText()).isEqualTo("4");
        assertThat(total.get("unrealized").asText()).isEqualTo("20");
    }

    @Test
    void uiEventsAreAlertsKeyedByEntryAndMevOnesAreMarked() throws Exception {
        PageEvent mev = events.alert(new StreamEntryId(5, 0), UiEvent.of("mev.sandwiched", "trade paper:t-1 was sandwiched",
                Map.of("trader", "trader-1", "loss_lamports", "900"), AT));
        PageEvent rule = events.alert(new StreamEntryId(6, 0), UiEvent.of("order_rule.triggered", "stop_loss sold 1 SOL", Map.of(), AT));

        assertThat(mev.key()).isEqualTo("alert:5-0");
        assertThat(json(mev).get("mev").asBoolean()).isTrue();
        assertThat(json(mev).get("attributes").get("loss_lamports").asText()).isEqualTo("900");
        assertThat(json(rule).get("mev").asBoolean()).isFalse();
        assertThat(json(rule).get("kind").asText()).isEqualTo("order_rule.triggered");
    }

    @Test
    void healthShowsStateLatencyAndTheBreakerState() throws Exception {
        TreeMap<String, String> details = new TreeMap<>(Map.of("circuit", "HALF_OPEN"));
        List<HealthReport> reports = List.of(
                new HealthReport("redis", HealthState.DEGRADED, Duration.ofMillis(3), details, Optional.empty()),
                HealthReport.down("questdb", Duration.ofMillis(2_000), "connection refused"));

        JsonNode backends = json(events.health(reports)).get("backends");

        assertThat(backends.get(0).get("state").asText()).isEqualTo("DEGRADED");
        assertThat(backends.get(0).get("latency_ms").asDouble()).isEqualTo(3.0);
        assertThat(backends.get(0).get("circuit").asText()).isEqualTo("HALF_OPEN");
        assertThat(backends.get(1).get("state").asText()).isEqualTo("DOWN");
        assertThat(backends.get(1).get("error").asText()).isEqualTo("connection refused");
    }

    @Test
    void systemFiguresHaveStreamsAgainstTheCapCacheRatiosAndTheWriterWhenThereIsOne() throws Exception {
        Map<StreamName, Long> lengths = new LinkedHashMap<>();
        lengths.put(StreamName.TRADE_EVENTS, 420L);
        Map<String, CacheStats> caches = Map.of("prices", new CacheStats(3, 1, 0, 0, 0));

        JsonNode without = json(events.system(lengths, 10_000, caches, OptionalLong.empty(), OptionalLong.empty()));
        JsonNode with = json(events.system(lengths, 10_000, caches, OptionalLong.of(12), OptionalLong.of(100_000)));

        assertThat(without.get("writer").isNull()).isTrue();
        assertThat(without.get("streams").get(0).get("name").asText()).isEqualTo("stream:trade-events");
        assertThat(without.get("streams").get(0).get("length").asLong()).isEqualTo(420);
        assertThat(without.get("streams").get(0).get("cap").asLong()).isEqualTo(10_000);
        assertThat(without.get("caches").get(0).get("hit_ratio").asDouble()).isEqualTo(0.75);
        assertThat(with.get("writer").get("outstanding").asLong()).isEqualTo(12);
        assertThat(with.get("writer").get("capacity").asLong()).isEqualTo(100_000);
    }

    @Test
    void candlesHistoryAndHelloCarryWhatTheChartsNeed() throws Exception {
        Candle candle = Candle.traded(AT, new BigDecimal("1"), new BigDecimal("3"), new BigDecimal("0.5"), new BigDecimal("2"),
                BigInteger.TEN, BigInteger.TEN, BigDecimal.TEN, 4);
        JsonNode candles = json(events.candles(SOL, USDC, CandleInterval.SECONDS_15, List.of(candle)));
        assertThat(candles.get("symbol").asText()).isEqualTo("SOL");
        assertThat(candles.get("interval").asText()).isEqualTo("15s");
        assertThat(candles.get("candles").get(0).get("high").asText()).isEqualTo("3");
        assertThat(candles.get("candles").get(0).get("trades").asLong()).isEqualTo(4);

        PageEvent history = events.history(TokenSymbol.of("SOL"), List.of(new PricePoint(AT, new BigDecimal("150.10"))));
        assertThat(history.key()).isEqualTo("history:SOL");
        assertThat(json(history).get("points").get(0).get(0).asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(json(history).get("points").get(0).get(1).asText()).isEqualTo("150.1");

        JsonNode hello = json(events.hello(List.of(Backend.MEMORY), 10, 10_000));
        assertThat(hello.get("backends").get(0).asText()).isEqualTo("memory");
        assertThat(hello.get("feed_rate_hz").asDouble()).isEqualTo(10);
    }

    @Test
    void anEventIsOneDataLineOnTheWire() {
        PageEvent event = events.alert(new StreamEntryId(5, 0), UiEvent.of("mev.sandwiched", "sandwiched", Map.of("note", "a\u2028b"), AT));

        assertThat(new String(event.wireFormat(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("event: alert\ndata: " + event.data() + "\n\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PageEvent("alert", "k", "{\n}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
    }
}
