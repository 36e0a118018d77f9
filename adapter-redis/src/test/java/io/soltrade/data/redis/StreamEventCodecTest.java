package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.StreamEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEventCodecTest {
    private final StreamEventCodec codec = new StreamEventCodec();

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
