package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.UiEvent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamEventCodecTest {
    private final StreamEventCodec codec = new StreamEventCodec();

    /**
     * The exact text of each kind of event, as the tree-based codec before the streaming one wrote it (pinned from its
     * output, {@link TreeEventCodec}): streams already hold it and readers in other languages parse it.
     */
    @Test
    void eachEventIsWrittenExactlyAsBefore() {
        PriceUpdateEvent price = new PriceUpdateEvent(new PriceQuote(TokenSymbol.of("SOL"), new BigDecimal("187.123456789012345678"), 312_345_678,
                TestValues.BASE_TIME, "pyth"));
        TradeEvent trade = new TradeEvent(new Trade(new PaperTradeId("0001"), TestValues.BASE_TIME, TraderId.of("trader-1"), TradingMode.PAPER,
                TradeSide.BUY, QuoteTokens.SOL, QuoteTokens.USDC, TokenAmount.MAX, TokenAmount.parse("9223372036854775808"), TokenAmount.of(5_000),
                new BigDecimal("99999999999999999999.999999999999999999"), Long.MAX_VALUE, MevStatus.SANDWICHED));
        UiEvent ui = UiEvent.of("alert.price", "line one, \"two\" \\ / ✓ é 狗", Map.of("symbol", "$WIF", "note", "ünïcode ✓ \"quoted\""),
                TestValues.BASE_TIME);
        Map<StreamEvent, String> expected = new LinkedHashMap<>();
        expected.put(price, PINNED_PRICE);
        expected.put(trade, PINNED_TRADE);
        expected.put(ui, PINNED_UI);

        expected.forEach((event, text) -> {
            assertThat(new TreeEventCodec().encode(event)).as("the tree codec's text").isEqualTo(text);
            assertThat(codec.encode(event)).isEqualTo(text);
            assertThat(codec.decode(text)).isEqualTo(event);
        });
    }

    private static final String PINNED_PRICE =
            "{\"type\":\"price\",\"symbol\":\"SOL\",\"price\":\"187.123456789012345678\",\"slot\":312345678,"
            + "\"observedAt\":\"2025-06-01T12:00:00.123456Z\",\"source\":\"pyth\","
            + "\"quote\":\"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v\"}";
    private static final String PINNED_TRADE =
            "{\"type\":\"trade\",\"id\":\"paper:0001\",\"executedAt\":\"2025-06-01T12:00:00.123456Z\","
            + "\"trader\":\"trader-1\",\"mode\":\"PAPER\",\"side\":\"BUY\","
            + "\"tokenIn\":\"So11111111111111111111111111111111111111112\","
            + "\"tokenOut\":\"EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v\",\"amountIn\":\"18446744073709551615\","
            + "\"amountOut\":\"9223372036854775808\",\"fee\":\"5000\",\"price\":\"99999999999999999999.999999999999999999\","
            + "\"slot\":9223372036854775807,\"mevStatus\":\"SANDWICHED\",\"commitment\":\"FINALIZED\","
            + "\"quote\":\"So11111111111111111111111111111111111111112\"}";
    private static final String PINNED_UI =
            "{\"type\":\"ui\",\"kind\":\"alert.price\",\"message\":\"line one, \\\"two\\\" \\\\ / ✓ é 狗\","
            + "\"attributes\":{\"note\":\"ünïcode ✓ \\\"quoted\\\"\",\"symbol\":\"$WIF\"},"
            + "\"at\":\"2025-06-01T12:00:00.123456Z\"}";

    @Test
    void everyEventRoundTripsExactly() {
        for (StreamEvent event : List.of(TestValues.priceEvent(Long.MAX_VALUE), TestValues.tradeEvent(), TestValues.uiEvent("line one, \"two\" ✓"))) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    /** A live-feed subscriber decodes every price: its quote mint (base58, big-number arithmetic) is validated once. */
    @Test
    void aPricesQuoteMintIsDecodedOnceAndReused() {
        String first = codec.encode(TestValues.priceEvent(1));
        String second = codec.encode(TestValues.priceEvent(2));

        io.soltrade.data.domain.PriceQuote one = ((io.soltrade.data.domain.PriceUpdateEvent) codec.decode(first)).quote();
        io.soltrade.data.domain.PriceQuote two = ((io.soltrade.data.domain.PriceUpdateEvent) codec.decode(second)).quote();

        assertThat(two.quote()).isEqualTo(TestValues.priceEvent(2).quote().quote()).isSameAs(one.quote());
        assertThatThrownBy(() -> codec.decode(first.replace(one.quote().base58(), "not-base58-0OIl")))
                .isInstanceOf(io.soltrade.data.domain.DomainValidationException.class);
    }

    @Test
    void decimalsAndAmountsAreStringsSoNoJsonReaderRoundsThem() {
        String json = codec.encode(TestValues.tradeEvent());

        assertThat(json).contains("\"amountIn\":\"18446744073709551615\"", "\"price\":\"99999999999999999999.999999999999999999\"",
                "\"executedAt\":\"2025-06-01T12:00:00.123456Z\"", "\"type\":\"trade\"");
    }

    @Test
    void tradesCarryTheirCommitmentAndQuoteAndOlderEventsReadWithTheDefaults() {
        io.soltrade.data.domain.Trade paper = TestValues.tradeEvent().trade();
        io.soltrade.data.domain.Trade processed = new io.soltrade.data.domain.Trade(
                new io.soltrade.data.domain.OnChainTradeId(io.soltrade.data.domain.TxSignature.ofBytes(new byte[64]), 4), paper.executedAt(),
                paper.trader(), io.soltrade.data.domain.TradingMode.LIVE, paper.side(), paper.tokenIn(), paper.tokenOut(), paper.amountIn(),
                paper.amountOut(), paper.fee(), paper.price(), paper.slot(), paper.mevStatus(), io.soltrade.data.domain.Commitment.PROCESSED);
        String json = codec.encode(new io.soltrade.data.domain.TradeEvent(processed));
        String older = json.replace(",\"commitment\":\"PROCESSED\"", "").replaceAll(",\"quote\":\"[^\"]+\"", "");

        assertThat(json).contains("\"commitment\":\"PROCESSED\"", "\"quote\":\"" + processed.quote().base58() + "\"");
        assertThat(codec.decode(json)).isEqualTo(new io.soltrade.data.domain.TradeEvent(processed));
        assertThat(older).doesNotContain("commitment", "quote");
        assertThat(((io.soltrade.data.domain.TradeEvent) codec.decode(older)).trade().commitment())
                .isEqualTo(io.soltrade.data.domain.Commitment.FINALIZED);
    }

    @Test
    void textThatIsNotAnEventIsRejected() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"other\"}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other");
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ui\",\"kind\":\"a\"}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("message");
        assertThatThrownBy(() -> codec.decode("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
