package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeriodPnlTest {
    private static final Pubkey TOKEN = Samples.KEY_A;
    private static final Instant MONDAY = Instant.parse("2024-04-29T00:00:00Z");

    @Test
    void periodsAreUtcDaysAndIsoWeeks() {
        Instant thursday = Instant.parse("2024-05-02T13:00:00Z");

        assertThat(PnlPeriod.DAY.start(thursday)).isEqualTo(Instant.parse("2024-05-02T00:00:00Z"));
        assertThat(PnlPeriod.WEEK.start(thursday)).isEqualTo(MONDAY);
        assertThat(PnlPeriod.WEEK.start(MONDAY)).isEqualTo(MONDAY);
        assertThat(PnlPeriod.WEEK.next(MONDAY)).isEqualTo(MONDAY.plusSeconds(7 * 86_400));
        assertThat(PnlPeriod.DAY.isStart(thursday)).isFalse();
    }

    @Test
    void eachPeriodReportsWhatItsFillsRealized() {
        Position state = Position.flat(Samples.TRADER, TradingMode.PAPER, TOKEN, MONDAY.minusSeconds(3_600));
        state = state.apply(fill(TradeSide.BUY, "10", "100", MONDAY.minusSeconds(3_600)));
        Position before = state;
        List<Position> states = new ArrayList<>();
        states.add(state = state.apply(fill(TradeSide.SELL, "2", "110", MONDAY.plusSeconds(3_600))));          // +20 - 1 fee
        states.add(state = state.apply(fill(TradeSide.SELL, "3", "90", MONDAY.plusSeconds(7_200))));           // -30 - 1
        states.add(state = state.apply(fill(TradeSide.SELL, "1", "130", MONDAY.plusSeconds(2 * 86_400))));     // +30 - 1
        TimeRange week = TimeRange.of(MONDAY, MONDAY.plusSeconds(7 * 86_400));

        List<PeriodPnl> daily = PeriodPnl.of(PnlPeriod.DAY, week, Map.of(before.key(), before), states);
        List<PeriodPnl> weekly = PeriodPnl.of(PnlPeriod.WEEK, week, Map.of(before.key(), before), states);
        List<PeriodPnl> lastStatesOfEachDay = PeriodPnl.of(PnlPeriod.DAY, week, Map.of(before.key(), before), List.of(states.get(1), states.get(2)));

        assertThat(daily).containsExactly(
                new PeriodPnl(MONDAY, TOKEN, QuoteTokens.USDC, new BigDecimal("-12"), new BigDecimal("2"), 2),
                new PeriodPnl(MONDAY.plusSeconds(2 * 86_400), TOKEN, QuoteTokens.USDC, new BigDecimal("29"), BigDecimal.ONE, 1));
        assertThat(weekly).containsExactly(new PeriodPnl(MONDAY, TOKEN, QuoteTokens.USDC, new BigDecimal("17"), new BigDecimal("3"), 3));
        assertThat(lastStatesOfEachDay).as("the last state of each day gives the same answer").isEqualTo(daily);
        assertThat(PeriodPnl.of(PnlPeriod.DAY, week, Map.of(), states).get(0).fills()).as("opened in the range").isEqualTo(3);
    }

    private static Fill fill(TradeSide side, String quantity, String price, Instant at) {
        return new Fill(side, new BigDecimal(quantity), new BigDecimal(price), BigDecimal.ONE, at);
    }
}
