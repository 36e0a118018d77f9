package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.position;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Fill;
import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PnlQuery;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PositionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Positions per quote token and realized P&amp;L per period, on every {@link PositionStore}. Extend it like
 * {@link PositionStoreContract}.
 */
public abstract class PositionQueriesContract {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration HOUR = Duration.ofHours(1);

    protected abstract PositionStore positionStore();

    /** Waits until every acknowledged write is visible to queries; the default assumes it already is. */
    protected void awaitVisible() {}

    private static Fill fill(TradeSide side, String quantity, String price, String fee, Instant at, Pubkey quote) {
        return new Fill(side, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), at, quote);
    }

    private static PeriodPnl row(Instant start, Pubkey token, Pubkey quote, String realized, String fees, long fills) {
        return new PeriodPnl(start, token, quote, new BigDecimal(realized), new BigDecimal(fees), fills);
    }

    @Test
    void positionsInDifferentQuoteTokensAreSeparate() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant at = windowStart();
        Position inUsdc = Position.flat(trader, TradingMode.LIVE, token, at)
                .apply(fill(TradeSide.BUY, "2", "150", "0.1", at, QuoteTokens.USDC));
        Position inSol = Position.flat(new PositionKey(trader, TradingMode.LIVE, token, QuoteTokens.SOL), at)
                .apply(fill(TradeSide.BUY, "3", "0.9", "0.001", at.plusSeconds(1), QuoteTokens.SOL));
        Pubkey otherQuote = pubkey();
        Position inOther = Position.flat(new PositionKey(trader, TradingMode.LIVE, token, otherQuote), at)
                .apply(fill(TradeSide.SELL, "1", "42", "0", at.plusSeconds(2), otherQuote));
        Position otherToken = Position.flat(trader, TradingMode.LIVE, pubkey(), at).apply(fill(TradeSide.BUY, "1", "1", "0", at, QuoteTokens.USDC));
        positionStore().batchSave(List.of(inUsdc, inSol, inOther, otherToken));
        awaitVisible();

        assertThat(positionStore().current(inUsdc.key())).contains(inUsdc);
        assertThat(positionStore().current(inSol.key())).contains(inSol);
        assertThat(positionStore().current(inOther.key())).contains(inOther);
        assertThat(positionStore().latest(trader, TradingMode.LIVE, token)).as("the USDC position").contains(inUsdc);
        assertThat(positionStore().historyOf(inSol.key(), window(at, DAY), 10)).containsExactly(inSol);
        assertThat(positionStore().history(trader, TradingMode.LIVE, token, window(at, DAY), 10)).containsExactly(inUsdc);
        List<Position> expected = new ArrayList<>(List.of(inUsdc, inSol, inOther, otherToken));
        expected.sort(Comparator.comparing(Position::token).thenComparing(Position::quote));
        assertThat(positionStore().latestForTrader(trader, TradingMode.LIVE)).containsExactlyElementsOf(expected);
        assertThat(positionStore().current(new PositionKey(trader, TradingMode.PAPER, token, QuoteTokens.SOL))).isEmpty();
    }

    @Test
    void realizedPnlFeesAndFillsPerDayAndWeekPerPosition() {
        TraderId trader = traderId();
        Instant week = PnlPeriod.WEEK.start(windowStart());
        Pubkey a = pubkey();
        Pubkey b = pubkey();
        Position baseline = Position.flat(trader, TradingMode.PAPER, a, week.minus(DAY.multipliedBy(10)))
                .apply(fill(TradeSide.BUY, "10", "100", "1", week.minus(DAY.multipliedBy(10)), QuoteTokens.USDC));  // realized -1
        Position a1 = baseline.apply(fill(TradeSide.SELL, "2", "110", "1", week.plus(HOUR), QuoteTokens.USDC));           // 18
        Position a2 = a1.apply(fill(TradeSide.SELL, "3", "90", "1", week.plus(HOUR.multipliedBy(2)), QuoteTokens.USDC)); // -13
        Position a3 = a2.apply(fill(TradeSide.SELL, "1", "130", "1", week.plus(DAY.multipliedBy(2)).plus(HOUR), QuoteTokens.USDC)); // 16
        Position a4 = a3.apply(fill(TradeSide.BUY, "5", "100", "0.5", week.plus(DAY.multipliedBy(7)).plus(HOUR), QuoteTokens.USDC)); // 15.5
        PositionKey bKey = new PositionKey(trader, TradingMode.PAPER, b, QuoteTokens.SOL);
        Position b1 = Position.flat(bKey, week.plus(DAY)).apply(fill(TradeSide.BUY, "4", "0.5", "0.01", week.plus(DAY), QuoteTokens.SOL));
        Position b2 = b1.apply(fill(TradeSide.SELL, "4", "0.75", "0.01", week.plus(DAY).plus(HOUR), QuoteTokens.SOL));     // 0.98
        Position otherMode = position(trader, TradingMode.LIVE, a, week.plus(HOUR));
        Position otherTrader = position(traderId(), TradingMode.PAPER, a, week.plus(HOUR));
        positionStore().save(baseline);
        positionStore().save(a2);
        positionStore().save(a1);
        positionStore().batchSave(List.of(b1, b2, otherMode, otherTrader, a3));
        positionStore().save(a4);
        awaitVisible();
        TimeRange twoWeeks = window(week, DAY.multipliedBy(14));

        List<PeriodPnl> weekly = new ArrayList<>(List.of(
                row(week, a, QuoteTokens.USDC, "17", "3", 3),
                row(week, b, QuoteTokens.SOL, "0.98", "0.02", 2),
                row(week.plus(DAY.multipliedBy(7)), a, QuoteTokens.USDC, "-0.5", "0.5", 1)));
        weekly.sort(PeriodPnl.ORDER);
        assertThat(positionStore().realizedPnl(new PnlQuery(trader, TradingMode.PAPER, PnlPeriod.DAY, twoWeeks))).containsExactly(
                row(week, a, QuoteTokens.USDC, "-12", "2", 2),
                row(week.plus(DAY), b, QuoteTokens.SOL, "0.98", "0.02", 2),
                row(week.plus(DAY.multipliedBy(2)), a, QuoteTokens.USDC, "29", "1", 1),
                row(week.plus(DAY.multipliedBy(7)), a, QuoteTokens.USDC, "-0.5", "0.5", 1));
        assertThat(positionStore().realizedPnl(new PnlQuery(trader, TradingMode.PAPER, PnlPeriod.WEEK, twoWeeks))).containsExactlyElementsOf(weekly);
        assertThat(positionStore().realizedPnl(new PnlQuery(trader, TradingMode.PAPER, PnlPeriod.WEEK, window(week.plus(DAY.multipliedBy(7)), DAY.multipliedBy(7)))))
                .as("measured from the last state before the range").containsExactly(row(week.plus(DAY.multipliedBy(7)), a, QuoteTokens.USDC, "-0.5", "0.5", 1));
        assertThat(positionStore().realizedPnl(new PnlQuery(trader, TradingMode.PAPER, PnlPeriod.DAY, window(week.plus(DAY.multipliedBy(3)), DAY.multipliedBy(4)))))
                .as("no state in the range").isEmpty();
    }

    @Test
    void aPositionIdleForMonthsIsMeasuredFromItsLastState() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant day = PnlPeriod.DAY.start(windowStart());
        Position old = new Position(trader, TradingMode.LIVE, token, QuoteTokens.USDC, new BigDecimal("3"), new BigDecimal("10"), new BigDecimal("5"),
                new BigDecimal("1"), 3, day.minus(DAY.multipliedBy(60)));
        Position now = old.apply(fill(TradeSide.SELL, "1", "13", "1", day.plus(HOUR), QuoteTokens.USDC));
        positionStore().batchSave(List.of(old, now));
        awaitVisible();

        assertThat(positionStore().realizedPnl(new PnlQuery(trader, TradingMode.LIVE, PnlPeriod.DAY, window(day, DAY))))
                .containsExactly(row(day, token, QuoteTokens.USDC, "2", "1", 1));
    }

    @Test
    void badPositionQueriesAreRefused() {
        Instant week = PnlPeriod.WEEK.start(windowStart());
        TimeRange range = window(week, Duration.ofDays(7));
        assertInvalidInput(() -> positionStore().current(null));
        assertInvalidInput(() -> positionStore().historyOf(null, range, 10));
        assertInvalidInput(() -> positionStore().historyOf(PositionKey.inUsdc(traderId(), TradingMode.PAPER, pubkey()), null, 10));
        assertInvalidInput(() -> positionStore().historyOf(PositionKey.inUsdc(traderId(), TradingMode.PAPER, pubkey()), range, PortInput.MAX_LIMIT + 1));
        assertInvalidInput(() -> positionStore().realizedPnl(null));
        assertThatThrownBy(() -> new PnlQuery(traderId(), TradingMode.PAPER, PnlPeriod.WEEK, window(week.plus(Duration.ofDays(1)), Duration.ofDays(7))))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("Mondays");
        assertThatThrownBy(() -> new PnlQuery(traderId(), TradingMode.PAPER, PnlPeriod.DAY, window(week, Duration.ofHours(5))))
                .isInstanceOf(DomainValidationException.class).hasMessageStartingWith("range:");
        assertThat(positionStore().realizedPnl(new PnlQuery(traderId(), TradingMode.PAPER, PnlPeriod.WEEK, range))).isEmpty();
    }
}
