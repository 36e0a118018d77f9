package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.micros;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.EmptyIntervals;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradeCursor;
import io.soltrade.data.ports.TradePage;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.ports.TradeStore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The questions a trading bot asks a {@link TradeStore} beyond lookups: a trader's trades page by page, candles,
 * commitment updates, and one trade per id on every one of these reads. Extend it like {@link TradeStoreContract}.
 */
public abstract class TradeQueriesContract {

    protected abstract TradeStore tradeStore();

    /** Waits until every acknowledged write is visible to queries; the default assumes it already is. */
    protected void awaitVisible() {}

    private static final Comparator<Trade> NEWEST_FIRST = Comparator.comparing(Trade::executedAt)
            .thenComparing(trade -> trade.id().naturalKey()).reversed();

    private static Trade live(TraderId trader, TradeSide side, Pubkey token, Instant at, String price, Commitment commitment) {
        return ContractFixtures.trade(trader, TradingMode.LIVE, side, token, QuoteTokens.USDC, at, price, 1_000, 2_000, commitment);
    }

    private static Trade paper(TraderId trader, Pubkey token, Instant at) {
        return ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, at, "1.5", 1_000, 1_500, Commitment.FINALIZED);
    }

    private List<Trade> allPages(TradeQuery first) {
        List<Trade> all = new ArrayList<>();
        TradePage page = tradeStore().findByTrader(first);
        all.addAll(page.trades());
        while (page.next().isPresent()) {
            assertThat(page.trades()).as("a page with a next cursor is full").hasSize(first.limit());
            page = tradeStore().findByTrader(first.withAfter(page.next().get()));
            all.addAll(page.trades());
        }
        return all;
    }

    // ---- a trader's trades, page by page

    @Test
    void aTradersTradesComeNewestFirstInPagesThatNeitherRepeatNorSkip() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant start = windowStart();
        List<Trade> mine = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Instant at = micros(start, 1_000L * i);
            mine.add(i % 2 == 0 ? paper(trader, token, at) : live(trader, TradeSide.SELL, token, at, "2", Commitment.CONFIRMED));
        }
        Instant shared = micros(start, 7_500);
        for (int i = 0; i < 3; i++) {
            mine.add(paper(trader, pubkey(), shared));
        }
        List<Trade> others = List.of(paper(traderId(), token, micros(start, 500)), paper(traderId(), token, micros(start, 30_000)));
        tradeStore().batchSave(mine.subList(0, 14));
        tradeStore().batchSave(others);
        mine.subList(14, mine.size()).forEach(tradeStore()::save);
        awaitVisible();
        mine.sort(NEWEST_FIRST);

        assertThat(allPages(TradeQuery.of(trader, 7))).containsExactlyElementsOf(mine);
        assertThat(allPages(TradeQuery.of(trader, 4))).containsExactlyElementsOf(mine);
        assertThat(allPages(TradeQuery.of(trader, PortInput.MAX_LIMIT))).containsExactlyElementsOf(mine);
        TradePage exact = tradeStore().findByTrader(TradeQuery.of(trader, mine.size()));
        assertThat(exact.trades()).hasSize(mine.size());
        assertThat(exact.next()).as("no next page when the last one is exactly full").isEmpty();
        assertThat(tradeStore().findByTrader(TradeQuery.of(traderId(), 10))).isEqualTo(new TradePage(List.of(), Optional.empty()));
    }

    @Test
    void tradesSavedBetweenPagesNeitherRepeatNorShiftTheNextPage() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant start = windowStart();
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            trades.add(paper(trader, token, start.plusSeconds(i)));
        }
        tradeStore().batchSave(trades);
        awaitVisible();

        TradePage first = tradeStore().findByTrader(TradeQuery.of(trader, 4));
        tradeStore().save(paper(trader, token, start.plusSeconds(100)));
        Trade behindTheSecondPage = paper(trader, token, micros(start.plusSeconds(1), 1));
        tradeStore().save(behindTheSecondPage);
        awaitVisible();
        TradePage second = tradeStore().findByTrader(TradeQuery.of(trader, 4).withAfter(first.next().orElseThrow()));

        assertThat(first.trades()).containsExactly(trades.get(9), trades.get(8), trades.get(7), trades.get(6));
        assertThat(first.next()).contains(TradeCursor.after(trades.get(6)));
        assertThat(second.trades()).containsExactly(trades.get(5), trades.get(4), trades.get(3), trades.get(2));
        assertThat(tradeStore().findByTrader(TradeQuery.of(trader, 4).withAfter(second.next().orElseThrow())).trades())
                .containsExactly(behindTheSecondPage, trades.get(1), trades.get(0));
    }

    @Test
    void modeAndMinimumCommitmentFilterATradersTrades() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant start = windowStart();
        Trade processed = live(trader, TradeSide.BUY, token, start, "1", Commitment.PROCESSED);
        Trade confirmed = live(trader, TradeSide.BUY, token, start.plusSeconds(1), "1", Commitment.CONFIRMED);
        Trade finalized = live(trader, TradeSide.SELL, token, start.plusSeconds(2), "1", Commitment.FINALIZED);
        Trade failed = live(trader, TradeSide.SELL, token, start.plusSeconds(3), "1", Commitment.FAILED);
        Trade paperTrade = paper(trader, token, start.plusSeconds(4));
        tradeStore().batchSave(List.of(processed, confirmed, finalized, failed, paperTrade));
        awaitVisible();
        TradeQuery all = TradeQuery.of(trader, 100);

        assertThat(tradeStore().findByTrader(all).trades()).containsExactly(paperTrade, failed, finalized, confirmed, processed);
        assertThat(tradeStore().findByTrader(all.withMode(TradingMode.LIVE)).trades()).containsExactly(failed, finalized, confirmed, processed);
        assertThat(tradeStore().findByTrader(all.withMode(TradingMode.PAPER)).trades()).containsExactly(paperTrade);
        assertThat(tradeStore().findByTrader(all.withMinimumCommitment(Commitment.PROCESSED)).trades())
                .containsExactly(paperTrade, finalized, confirmed, processed);
        assertThat(tradeStore().findByTrader(all.withMinimumCommitment(Commitment.CONFIRMED)).trades())
                .containsExactly(paperTrade, finalized, confirmed);
        assertThat(tradeStore().findByTrader(all.withMode(TradingMode.LIVE).withMinimumCommitment(Commitment.FINALIZED)).trades())
                .containsExactly(finalized);
    }

    @Test
    void badTradeQueriesAreRefused() {
        assertInvalidInput(() -> tradeStore().findByTrader(null));
        assertThatThrownBy(() -> TradeQuery.of(traderId(), 0)).isInstanceOf(DomainValidationException.class).hasMessageStartingWith("limit:");
        assertThatThrownBy(() -> TradeQuery.of(traderId(), PortInput.MAX_LIMIT + 1)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> TradeQuery.of(traderId(), 1).withMinimumCommitment(Commitment.FAILED))
                .isInstanceOf(DomainValidationException.class).hasMessageStartingWith("minimumCommitment:");
    }

    // ---- commitment

    @Test
    void commitmentUpdatesChangeTheTradeInPlaceOnEveryRead() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Trade trade = live(trader, TradeSide.BUY, token, windowStart(), "3", Commitment.PROCESSED);
        tradeStore().save(trade);
        awaitVisible();

        assertThat(tradeStore().updateCommitment(trade.id(), Commitment.CONFIRMED)).isEqualTo(trade.withCommitment(Commitment.CONFIRMED));
        awaitVisible();
        assertThat(tradeStore().updateCommitment(trade.id(), Commitment.PROCESSED)).as("a late, lower report")
                .isEqualTo(trade.withCommitment(Commitment.CONFIRMED));
        assertThat(tradeStore().updateCommitment(trade.id(), Commitment.FINALIZED)).isEqualTo(trade.withCommitment(Commitment.FINALIZED));
        assertThat(tradeStore().updateCommitment(trade.id(), Commitment.FINALIZED)).isEqualTo(trade.withCommitment(Commitment.FINALIZED));
        awaitVisible();

        Trade finalized = trade.withCommitment(Commitment.FINALIZED);
        assertThat(tradeStore().findById(trade.id())).contains(finalized);
        assertThat(tradeStore().findByToken(token, 10)).containsExactly(finalized);
        assertThat(tradeStore().findBetween(window(trade.executedAt(), Duration.ofSeconds(1)), 10)).containsExactly(finalized);
        assertThat(tradeStore().findByTrader(TradeQuery.of(trader, 10)).trades()).containsExactly(finalized);
        assertThat(tradeStore().candles(CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.MINUTE_1,
                window(trade.executedAt(), Duration.ofMinutes(1)))).get(0).tradeCount()).isEqualTo(1);
        assertFailsWith(DbErrorKind.CONSTRAINT, () -> tradeStore().updateCommitment(trade.id(), Commitment.FAILED));
        awaitVisible();
        assertThat(tradeStore().findById(trade.id())).contains(finalized);
    }

    @Test
    void aTradeWhoseSlotWasSkippedIsMarkedFailedNeverKeptAsExecuted() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant at = windowStart();
        Trade trade = live(trader, TradeSide.BUY, token, at, "3", Commitment.CONFIRMED);
        Trade kept = live(trader, TradeSide.BUY, token, at.plusSeconds(1), "4", Commitment.CONFIRMED);
        tradeStore().batchSave(List.of(trade, kept));
        awaitVisible();

        Trade failed = tradeStore().updateCommitment(trade.id(), Commitment.FAILED);
        awaitVisible();

        assertThat(failed.commitment()).isEqualTo(Commitment.FAILED);
        assertThat(tradeStore().findById(trade.id())).contains(trade.withCommitment(Commitment.FAILED));
        assertThat(tradeStore().findByTrader(TradeQuery.of(trader, 10)).trades()).containsExactly(kept, failed);
        assertThat(tradeStore().findByTrader(TradeQuery.of(trader, 10).withMinimumCommitment(Commitment.PROCESSED)).trades()).containsExactly(kept);
        List<Candle> candles = tradeStore().candles(CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.MINUTE_1, window(at, Duration.ofSeconds(2))));
        assertThat(candles).extracting(Candle::tradeCount).containsExactly(1L);
        assertThat(candles.get(0).open()).isEqualByComparingTo("4");
        assertFailsWith(DbErrorKind.CONSTRAINT, () -> tradeStore().updateCommitment(trade.id(), Commitment.CONFIRMED));
    }

    @Test
    void savingAStoredTradeAgainNeverChangesItsCommitment() {
        Trade trade = live(traderId(), TradeSide.SELL, pubkey(), windowStart(), "3", Commitment.PROCESSED);
        tradeStore().save(trade);
        tradeStore().save(trade.withCommitment(Commitment.FINALIZED));
        awaitVisible();

        assertThat(tradeStore().findById(trade.id())).contains(trade);
    }

    @Test
    void commitmentUpdatesOfUnknownOrPaperTradesAreRefused() {
        Trade paperTrade = paper(traderId(), pubkey(), windowStart());
        tradeStore().save(paperTrade);
        awaitVisible();

        assertFailsWith(DbErrorKind.NOT_FOUND, () -> tradeStore().updateCommitment(ContractFixtures.onChainTradeId(), Commitment.CONFIRMED));
        assertFailsWith(DbErrorKind.NOT_FOUND, () -> tradeStore().updateCommitment(new PaperTradeId("never-" + ContractFixtures.word(8)), Commitment.FINALIZED));
        assertFailsWith(DbErrorKind.CONSTRAINT, () -> tradeStore().updateCommitment(paperTrade.id(), Commitment.FAILED));
        assertThat(tradeStore().updateCommitment(paperTrade.id(), Commitment.CONFIRMED)).isEqualTo(paperTrade);
        assertInvalidInput(() -> tradeStore().updateCommitment(null, Commitment.CONFIRMED));
        assertInvalidInput(() -> tradeStore().updateCommitment(paperTrade.id(), null));
    }

    // ---- one trade per id on every read

    @Test
    void aTradeSavedAgainWithAnotherTimeTraderAndPriceIsOneTradeOnEveryRead() {
        TraderId trader = traderId();
        TraderId otherTrader = traderId();
        Pubkey token = pubkey();
        Instant at = windowStart();
        Trade first = live(trader, TradeSide.BUY, token, at, "10", Commitment.CONFIRMED);
        Trade moved = new Trade(first.id(), at.plusSeconds(90), otherTrader, first.mode(), first.side(), first.tokenIn(), first.tokenOut(),
                TokenAmount.of(7), TokenAmount.of(9), first.fee(), new BigDecimal("99"), first.slot() + 5, MevStatus.SANDWICHED, Commitment.PROCESSED);
        tradeStore().save(first);
        awaitVisible();
        tradeStore().save(moved);
        tradeStore().batchSave(List.of(moved, first));
        awaitVisible();
        TimeRange both = window(at, Duration.ofMinutes(3));

        assertThat(tradeStore().findById(first.id())).contains(first);
        assertThat(tradeStore().findBetween(both, 10)).containsExactly(first);
        assertThat(tradeStore().findByToken(token, 10)).containsExactly(first);
        assertThat(tradeStore().findByTrader(TradeQuery.of(trader, 10)).trades()).containsExactly(first);
        assertThat(tradeStore().findByTrader(TradeQuery.of(otherTrader, 10)).trades()).isEmpty();
        assertThat(tradeStore().candles(CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.MINUTE_1, both)))
                .extracting(Candle::start, Candle::close, Candle::tradeCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CandleInterval.MINUTE_1.start(at), new BigDecimal("10"), 1L));
    }

    // ---- candles

    @Test
    void candlesHaveOpenHighLowCloseVolumesVwapAndCountPerInterval() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant minute = CandleInterval.MINUTE_1.start(windowStart());
        // minute 0: buys at 2 (3 tokens for 6) and 5 (1 for 5), a sell at 3 (2 for 6); minute 2: a buy at 1.25 (4 for 5)
        List<Trade> trades = List.of(
                ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, micros(minute, 1), "2", 3, 6, Commitment.FINALIZED),
                ContractFixtures.trade(trader, TradingMode.LIVE, TradeSide.BUY, token, QuoteTokens.USDC, minute.plusSeconds(20), "5", 1, 5, Commitment.CONFIRMED),
                ContractFixtures.trade(traderId(), TradingMode.LIVE, TradeSide.SELL, token, QuoteTokens.USDC, micros(minute.plusSeconds(60), -1), "3", 2, 6,
                        Commitment.PROCESSED),
                ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, minute.plusSeconds(150), "1.25", 4, 5, Commitment.FINALIZED));
        tradeStore().batchSave(trades);
        awaitVisible();
        CandleQuery query = CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.MINUTE_1, window(minute, Duration.ofMinutes(3)));

        assertThat(tradeStore().candles(query)).containsExactly(
                new Candle(minute, new BigDecimal("2"), new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("3"), BigInteger.valueOf(6),
                        BigInteger.valueOf(17), Optional.of(new BigDecimal("2.833333333333333333")), 3),
                new Candle(minute.plusSeconds(120), new BigDecimal("1.25"), new BigDecimal("1.25"), new BigDecimal("1.25"), new BigDecimal("1.25"),
                        BigInteger.valueOf(4), BigInteger.valueOf(5), Optional.of(new BigDecimal("1.25")), 1));
        assertThat(tradeStore().candles(query.withEmptyIntervals(EmptyIntervals.FILL))).extracting(Candle::start, Candle::tradeCount, Candle::close)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(minute, 3L, new BigDecimal("3")),
                        org.assertj.core.groups.Tuple.tuple(minute.plusSeconds(60), 0L, new BigDecimal("3")),
                        org.assertj.core.groups.Tuple.tuple(minute.plusSeconds(120), 1L, new BigDecimal("1.25")));
        assertThat(tradeStore().candles(query.withMinimumCommitment(Commitment.CONFIRMED)).get(0))
                .extracting(Candle::close, Candle::tradeCount).containsExactly(new BigDecimal("5"), 2L);
        assertThat(tradeStore().candles(query.withMinimumCommitment(Commitment.FINALIZED))).extracting(Candle::tradeCount).containsExactly(1L, 1L);
    }

    @Test
    void candlesCountOnlyTheirQuoteTokenAndTheirRange() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant hour = CandleInterval.HOUR_1.start(windowStart());
        Instant from = hour.plusSeconds(600);
        Instant to = hour.plusSeconds(3_000);
        Trade before = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, micros(from, -1), "9", 1, 9, Commitment.FINALIZED);
        Trade atFrom = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, from, "2", 1, 2, Commitment.FINALIZED);
        Trade inSol = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.SOL, from.plusSeconds(5), "0.01", 1, 1,
                Commitment.FINALIZED);
        Trade lastIn = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.SELL, token, QuoteTokens.USDC, micros(to, -1), "4", 1, 4,
                Commitment.FINALIZED);
        Trade atTo = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.SELL, token, QuoteTokens.USDC, to, "8", 1, 8, Commitment.FINALIZED);
        tradeStore().batchSave(List.of(before, atFrom, inSol, lastIn, atTo));
        awaitVisible();

        List<Candle> usdc = tradeStore().candles(CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.HOUR_1, TimeRange.of(from, to)));
        List<Candle> sol = tradeStore().candles(CandleQuery.of(token, QuoteTokens.SOL, CandleInterval.HOUR_1, TimeRange.of(from, to)));

        assertThat(usdc).containsExactly(new Candle(hour, new BigDecimal("2"), new BigDecimal("4"), new BigDecimal("2"), new BigDecimal("4"),
                BigInteger.TWO, BigInteger.valueOf(6), Optional.of(new BigDecimal("3")), 2));
        assertThat(sol).extracting(Candle::open, Candle::tradeCount).containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("0.01"), 1L));
        assertThat(tradeStore().candles(CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.HOUR_1, TimeRange.of(from, from)))).isEmpty();
        assertThat(tradeStore().candles(CandleQuery.of(pubkey(), QuoteTokens.USDC, CandleInterval.HOUR_1, TimeRange.of(from, to)))).isEmpty();
    }

    @Test
    void aQuietRangeIsFilledFromTheCloseBeforeIt() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant minute = CandleInterval.MINUTE_1.start(windowStart());
        Trade earlier = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, minute.minusSeconds(3_600), "7.5",
                1, 1, Commitment.FINALIZED);
        Trade failedLater = ContractFixtures.trade(trader, TradingMode.LIVE, TradeSide.BUY, token, QuoteTokens.USDC, minute.minusSeconds(60), "99",
                1, 1, Commitment.FAILED);
        Trade inRange = ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.USDC, minute.plusSeconds(150), "8",
                1, 1, Commitment.FINALIZED);
        tradeStore().batchSave(List.of(earlier, failedLater, inRange));
        awaitVisible();
        CandleQuery filled = CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.MINUTE_1, window(minute, Duration.ofMinutes(4)))
                .withEmptyIntervals(EmptyIntervals.FILL);
        CandleQuery neverTraded = CandleQuery.of(pubkey(), QuoteTokens.USDC, CandleInterval.MINUTE_1, window(minute, Duration.ofMinutes(4)))
                .withEmptyIntervals(EmptyIntervals.FILL);

        assertThat(tradeStore().candles(filled)).containsExactly(
                Candle.filled(minute, new BigDecimal("7.5")),
                Candle.filled(minute.plusSeconds(60), new BigDecimal("7.5")),
                new Candle(minute.plusSeconds(120), new BigDecimal("8"), new BigDecimal("8"), new BigDecimal("8"), new BigDecimal("8"), BigInteger.ONE,
                        BigInteger.ONE, Optional.of(new BigDecimal("8")), 1),
                Candle.filled(minute.plusSeconds(180), new BigDecimal("8")));
        assertThat(tradeStore().candles(neverTraded)).isEmpty();
    }

    @Test
    void everyIntervalLengthAlignsCandlesToItsGrid() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant day = CandleInterval.DAY_1.start(windowStart());
        List<Trade> trades = new ArrayList<>();
        for (CandleInterval interval : CandleInterval.values()) {
            Instant at = day.plus(interval.duration().multipliedBy(3)).plusNanos(1_000);
            trades.add(ContractFixtures.trade(trader, TradingMode.PAPER, TradeSide.BUY, token, QuoteTokens.SOL, at, "1", 1, 1, Commitment.FINALIZED));
        }
        tradeStore().batchSave(trades);
        awaitVisible();

        for (CandleInterval interval : CandleInterval.values()) {
            Instant at = day.plus(interval.duration().multipliedBy(3)).plusNanos(1_000);
            List<Candle> candles = tradeStore().candles(CandleQuery.of(token, QuoteTokens.SOL, interval, TimeRange.of(at, at.plusNanos(1_000))));
            assertThat(candles).as(interval.label()).extracting(Candle::start).containsExactly(interval.start(at));
        }
    }

    @Test
    void candleVolumesSumWholeU64AmountsExactly() {
        Pubkey token = pubkey();
        Instant minute = CandleInterval.MINUTE_1.start(windowStart());
        List<Trade> trades = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Trade base = ContractFixtures.trade(traderId(), TradingMode.LIVE, TradeSide.SELL, token, QuoteTokens.USDC, minute.plusSeconds(i), "1", 1, 1,
                    Commitment.FINALIZED);
            trades.add(new Trade(base.id(), base.executedAt(), base.trader(), base.mode(), base.side(), base.tokenIn(), base.tokenOut(),
                    TokenAmount.MAX, TokenAmount.MAX, base.fee(), ContractFixtures.LARGEST_PRICE, base.slot(), base.mevStatus(), base.commitment()));
        }
        tradeStore().batchSave(trades);
        awaitVisible();

        Candle candle = tradeStore().candles(CandleQuery.of(token, QuoteTokens.USDC, CandleInterval.MINUTE_1, window(minute, Duration.ofMinutes(1)))).get(0);
        BigInteger threeMax = TokenAmount.MAX.toBigInteger().multiply(BigInteger.valueOf(3));
        assertThat(candle.tokenVolume()).isEqualTo(threeMax);
        assertThat(candle.quoteVolume()).isEqualTo(threeMax);
        assertThat(candle.vwap()).contains(ContractFixtures.LARGEST_PRICE);
        assertThat(candle.tradeCount()).isEqualTo(3);
    }

    @Test
    void badCandleQueriesAreRefused() {
        Instant start = windowStart();
        assertInvalidInput(() -> tradeStore().candles(null));
        assertThatThrownBy(() -> CandleQuery.of(pubkey(), QuoteTokens.USDC, CandleInterval.SECOND_1, window(start, Duration.ofHours(3))))
                .isInstanceOf(DomainValidationException.class).hasMessageContaining("at most 10000");
        assertThatThrownBy(() -> CandleQuery.of(pubkey(), QuoteTokens.USDC, CandleInterval.MINUTE_1, window(start, Duration.ofHours(1)))
                .withMinimumCommitment(Commitment.FAILED)).isInstanceOf(DomainValidationException.class);
        assertThat(new OnChainTradeId(ContractFixtures.signature(), 0).naturalKey()).endsWith(":0");
    }
}
