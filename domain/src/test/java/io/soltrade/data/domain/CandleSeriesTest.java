package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandleSeriesTest {
    private static final Pubkey TOKEN = Samples.KEY_A;
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    private static Trade trade(String id, Instant at, TradeSide side, long tokenUnits, long quoteUnits, String price) {
        Pubkey in = side == TradeSide.BUY ? QuoteTokens.USDC : TOKEN;
        Pubkey out = side == TradeSide.BUY ? TOKEN : QuoteTokens.USDC;
        TokenAmount amountIn = TokenAmount.of(side == TradeSide.BUY ? quoteUnits : tokenUnits);
        TokenAmount amountOut = TokenAmount.of(side == TradeSide.BUY ? tokenUnits : quoteUnits);
        return new Trade(new PaperTradeId(id), at, Samples.TRADER, TradingMode.PAPER, side, in, out, amountIn, amountOut, TokenAmount.ZERO,
                new BigDecimal(price), 1, MevStatus.NONE);
    }

    @Test
    void candlesFoldTradesInTimeOrderPerInterval() {
        List<Trade> trades = List.of(
                trade("c", T0.plusSeconds(59), TradeSide.SELL, 1, 3, "3"),
                trade("a", T0.plusSeconds(1), TradeSide.BUY, 2, 4, "2"),
                trade("b", T0.plusSeconds(30), TradeSide.BUY, 1, 5, "5"),
                trade("d", T0.plusSeconds(125), TradeSide.BUY, 4, 4, "1"));

        List<Candle> candles = CandleSeries.of(trades, CandleInterval.MINUTE_1);

        assertThat(candles).containsExactly(
                new Candle(T0, new BigDecimal("2"), new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("3"), BigInteger.valueOf(4),
                        BigInteger.valueOf(12), Optional.of(new BigDecimal("3")), 3),
                new Candle(T0.plusSeconds(120), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigInteger.valueOf(4),
                        BigInteger.valueOf(4), Optional.of(BigDecimal.ONE), 1));
    }

    @Test
    void vwapIsRoundedHalfEvenToEighteenDecimals() {
        Candle candle = Candle.traded(T0, BigDecimal.ONE, new BigDecimal("2"), BigDecimal.ONE, new BigDecimal("2"), BigInteger.valueOf(3),
                BigInteger.ONE, new BigDecimal("4"), 2);

        assertThat(candle.vwap()).contains(new BigDecimal("1.333333333333333333"));
    }

    @Test
    void emptyIntervalsAreOmittedOrCarriedAtThePreviousClose() {
        List<Candle> traded = CandleSeries.of(List.of(trade("a", T0.plusSeconds(61), TradeSide.BUY, 1, 1, "7")), CandleInterval.MINUTE_1);
        TimeRange range = TimeRange.of(T0.plusSeconds(10), T0.plusSeconds(240));

        assertThat(CandleSeries.withEmptyIntervals(traded, CandleInterval.MINUTE_1, range, EmptyIntervals.OMIT, Optional.of(BigDecimal.TEN)))
                .isEqualTo(traded);
        assertThat(CandleSeries.withEmptyIntervals(traded, CandleInterval.MINUTE_1, range, EmptyIntervals.FILL, Optional.empty()))
                .containsExactly(traded.get(0), Candle.filled(T0.plusSeconds(120), new BigDecimal("7")), Candle.filled(T0.plusSeconds(180), new BigDecimal("7")));
        assertThat(CandleSeries.withEmptyIntervals(traded, CandleInterval.MINUTE_1, range, EmptyIntervals.FILL, Optional.of(BigDecimal.TEN)))
                .first().isEqualTo(Candle.filled(T0, BigDecimal.TEN));
    }

    @Test
    void intervalsStartAtMultiplesOfTheirLengthSinceMidnight() {
        Instant at = Instant.parse("2024-05-01T12:07:31.250Z");

        assertThat(CandleInterval.MINUTES_5.start(at)).isEqualTo(Instant.parse("2024-05-01T12:05:00Z"));
        assertThat(CandleInterval.HOURS_4.start(at)).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(CandleInterval.DAY_1.start(at)).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
        assertThat(CandleInterval.SECOND_1.start(Instant.parse("1970-01-01T00:00:00.5Z"))).isEqualTo(Instant.EPOCH);
        assertThat(CandleInterval.MINUTE_1.count(TimeRange.of(at, at.plusSeconds(60)))).isEqualTo(2);
        assertThat(CandleInterval.MINUTE_1.count(TimeRange.of(at, at))).isZero();
        assertThat(CandleInterval.ofLabel("15m")).isEqualTo(CandleInterval.MINUTES_15);
        for (CandleInterval interval : CandleInterval.values()) {
            assertThat(86_400 % interval.duration().toSeconds()).as(interval.label()).isZero();
        }
    }
}
