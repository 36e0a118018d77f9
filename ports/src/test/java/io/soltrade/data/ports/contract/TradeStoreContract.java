package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertAsyncInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.await;
import static io.soltrade.data.ports.contract.ContractFixtures.extremeTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.liveTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.micros;
import static io.soltrade.data.ports.contract.ContractFixtures.paperTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradeStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TradeStore} does. Extend it and implement {@link #tradeStore()}; override
 * {@link #awaitVisible()} if reads may lag acknowledged writes. Every test uses fresh token mints and a fresh
 * time window, so the kit can run against a shared server without cleanup.
 */
public abstract class TradeStoreContract {

    /** The store under test; may return the same instance on every call. */
    protected abstract TradeStore tradeStore();

    /** Waits until every acknowledged write is visible to queries; the default assumes it already is. */
    protected void awaitVisible() {}

    private static List<Instant> ascending(Instant start, int count) {
        return IntStream.range(0, count).mapToObj(i -> micros(start, 1_000L * i + 1)).toList();
    }

    @Test
    void savedPaperTradeReadsBackWithEveryField() {
        Trade trade = paperTrade(pubkey(), windowStart());
        tradeStore().save(trade);
        awaitVisible();

        assertThat(tradeStore().findById(trade.id())).contains(trade);
    }

    @Test
    void liveTradeAtTheEdgesOfEveryFieldRoundTripsExactly() {
        Instant at = windowStart().plusNanos(123_456_000);
        Trade extreme = extremeTrade(pubkey(), at);
        Trade smallest = new Trade(ContractFixtures.onChainTradeId(), at.plusNanos(1_000), ContractFixtures.traderId(), TradingMode.LIVE,
                TradeSide.SELL, pubkey(), pubkey(), TokenAmount.of(1), TokenAmount.of(1), TokenAmount.ZERO,
                ContractFixtures.SMALLEST_PRICE, 0, MevStatus.SUSPECTED);
        tradeStore().save(extreme);
        tradeStore().save(smallest);
        awaitVisible();

        Trade readBack = tradeStore().findById(extreme.id()).orElseThrow();
        assertThat(readBack).isEqualTo(extreme);
        assertThat(readBack.amountIn()).isEqualTo(TokenAmount.MAX);
        assertThat(readBack.amountOut().toBigInteger()).isEqualTo(ContractFixtures.ABOVE_LONG_MAX.toBigInteger());
        assertThat(readBack.price()).isEqualByComparingTo(ContractFixtures.LARGEST_PRICE);
        assertThat(readBack.executedAt()).isEqualTo(at);
        assertThat(tradeStore().findById(smallest.id())).contains(smallest);
    }

    @Test
    void priceKeepsEighteenFractionalDigits() {
        Pubkey token = pubkey();
        Trade base = paperTrade(token, windowStart());
        Trade precise = new Trade(base.id(), base.executedAt(), base.trader(), base.mode(), base.side(), base.tokenIn(), base.tokenOut(),
                base.amountIn(), base.amountOut(), base.fee(), new BigDecimal("123.456789012345678901"), base.slot(), base.mevStatus());
        tradeStore().save(precise);
        awaitVisible();

        assertThat(tradeStore().findById(precise.id()).orElseThrow().price()).isEqualTo(new BigDecimal("123.456789012345678901"));
    }

    @Test
    void unknownIdFindsNothing() {
        assertThat(tradeStore().findById(ContractFixtures.paperTradeId())).isEmpty();
        assertThat(tradeStore().findById(ContractFixtures.onChainTradeId())).isEmpty();
        assertThat(tradeStore().findByToken(pubkey(), 10)).isEmpty();
    }

    @Test
    void savingTheSameTradeTwiceStoresItOnce() {
        Trade trade = liveTrade(pubkey(), windowStart());
        tradeStore().save(trade);
        tradeStore().save(trade);
        awaitVisible();

        assertThat(tradeStore().findByToken(trade.token(), 10)).containsExactly(trade);
    }

    @Test
    void savingAnotherTradeUnderAStoredIdKeepsTheFirstOnEveryRead() {
        Pubkey token = pubkey();
        Pubkey otherToken = pubkey();
        Trade first = paperTrade(token, windowStart());
        Trade other = paperTrade(otherToken, first.executedAt().plusSeconds(1));
        Trade sameId = new Trade(first.id(), other.executedAt(), other.trader(), other.mode(), other.side(), other.tokenIn(),
                other.tokenOut(), other.amountIn(), other.amountOut(), other.fee(), other.price(), other.slot(), other.mevStatus());
        tradeStore().save(first);
        tradeStore().save(sameId);
        tradeStore().batchSave(List.of(sameId));
        awaitVisible();

        assertThat(tradeStore().findById(first.id())).contains(first);
        assertThat(tradeStore().findByToken(token, 10)).containsExactly(first);
        assertThat(tradeStore().findByToken(otherToken, 10)).isEmpty();
        assertThat(tradeStore().findBetween(window(first.executedAt(), Duration.ofMinutes(1)), 10)).containsExactly(first);
        assertThat(tradeStore().findBetween(window(sameId.executedAt(), Duration.ofMinutes(1)), 10)).isEmpty();
    }

    @Test
    void savingAnotherTradeUnderAStoredIdAtTheSameTimeKeepsTheFirst() {
        Pubkey token = pubkey();
        Trade first = liveTrade(token, windowStart());
        Trade sameIdAndTime = new Trade(first.id(), first.executedAt(), first.trader(), first.mode(), first.side(), first.tokenIn(),
                first.tokenOut(), first.amountOut(), first.amountIn(), TokenAmount.ZERO, first.price().add(BigDecimal.ONE), first.slot() + 1,
                MevStatus.SANDWICHED);
        tradeStore().save(first);
        tradeStore().save(sameIdAndTime);
        awaitVisible();

        assertThat(tradeStore().findById(first.id())).contains(first);
        assertThat(tradeStore().findBetween(window(first.executedAt(), Duration.ofSeconds(1)), 10)).containsExactly(first);
    }

    @Test
    void saveAsyncCompletesWhenTheTradeIsStored() {
        Trade trade = paperTrade(pubkey(), windowStart());
        await(tradeStore().saveAsync(trade));
        awaitVisible();

        assertThat(tradeStore().findById(trade.id())).contains(trade);
    }

    @Test
    void batchSaveStoresEveryTrade() {
        Pubkey token = pubkey();
        List<Trade> trades = ascending(windowStart(), 50).stream().map(at -> paperTrade(token, at)).toList();
        tradeStore().batchSave(trades);
        awaitVisible();

        assertThat(tradeStore().findByToken(token, 100)).containsExactlyElementsOf(reversed(trades));
    }

    @Test
    void retriedBatchAddsNoDuplicates() {
        Pubkey token = pubkey();
        List<Trade> trades = ascending(windowStart(), 20).stream().map(at -> liveTrade(token, at)).toList();
        tradeStore().batchSave(trades.subList(0, 10));
        tradeStore().batchSave(trades);
        tradeStore().batchSave(trades);
        awaitVisible();

        assertThat(tradeStore().findByToken(token, 100)).containsExactlyElementsOf(reversed(trades));
    }

    @Test
    void batchRepeatingOneTradeStoresItOnce() {
        Trade trade = paperTrade(pubkey(), windowStart());
        tradeStore().batchSave(List.of(trade, trade, trade));
        awaitVisible();

        assertThat(tradeStore().findByToken(trade.token(), 10)).containsExactly(trade);
    }

    @Test
    void batchWithANullTradeIsRejectedAndWritesNothing() {
        Pubkey token = pubkey();
        Instant start = windowStart();
        List<Trade> batch = new ArrayList<>(List.of(paperTrade(token, start), paperTrade(token, start.plusSeconds(1))));
        batch.add(null);
        assertInvalidInput(() -> tradeStore().batchSave(batch));
        awaitVisible();

        assertThat(tradeStore().findByToken(token, 10)).isEmpty();
        assertThat(tradeStore().findBetween(window(start, Duration.ofMinutes(1)), 10)).isEmpty();
    }

    @Test
    void emptyBatchIsANoOp() {
        Instant start = windowStart();
        Trade stored = paperTrade(pubkey(), start);
        tradeStore().save(stored);

        tradeStore().batchSave(List.of());
        awaitVisible();

        assertThat(tradeStore().findBetween(TimeRange.of(start, start.plus(Duration.ofDays(1))), 100)).as("nothing added, nothing lost")
                .containsExactly(stored);
    }

    @Test
    void findByTokenReturnsNewestFirst() {
        Pubkey token = pubkey();
        List<Instant> times = ascending(windowStart(), 5);
        List<Trade> trades = List.of(paperTrade(token, times.get(2)), paperTrade(token, times.get(0)), liveTrade(token, times.get(4)),
                paperTrade(token, times.get(1)), liveTrade(token, times.get(3)));
        trades.forEach(tradeStore()::save);
        awaitVisible();

        assertThat(tradeStore().findByToken(token, 10)).extracting(Trade::executedAt).containsExactlyElementsOf(reversed(times));
    }

    @Test
    void findByTokenMatchesTheTradedTokenOfBuysAndSellsOnly() {
        Pubkey token = pubkey();
        Instant start = windowStart();
        Trade buy = paperTrade(token, start);
        Trade sell = liveTrade(token, start.plusSeconds(1));
        Trade other = paperTrade(pubkey(), start.plusSeconds(2));
        Trade quotedInToken = new Trade(ContractFixtures.paperTradeId(), start.plusSeconds(3), other.trader(), TradingMode.PAPER,
                TradeSide.BUY, token, pubkey(), other.amountIn(), other.amountOut(), other.fee(), other.price(), other.slot(), MevStatus.NONE);
        tradeStore().batchSave(List.of(buy, sell, other, quotedInToken));
        awaitVisible();

        assertThat(buy.side()).isEqualTo(TradeSide.BUY);
        assertThat(sell.side()).isEqualTo(TradeSide.SELL);
        assertThat(tradeStore().findByToken(token, 10)).containsExactly(sell, buy);
    }

    @Test
    void findByTokenKeepsTheNewestUpToTheLimit() {
        Pubkey token = pubkey();
        List<Trade> trades = ascending(windowStart(), 12).stream().map(at -> paperTrade(token, at)).toList();
        tradeStore().batchSave(trades);
        awaitVisible();

        assertThat(tradeStore().findByToken(token, 1)).containsExactly(trades.get(11));
        assertThat(tradeStore().findByToken(token, 3)).containsExactly(trades.get(11), trades.get(10), trades.get(9));
        assertThat(tradeStore().findByToken(token, PortInput.MAX_LIMIT)).hasSize(12);
    }

    @Test
    void findBetweenIsHalfOpenAndOldestFirst() {
        Pubkey token = pubkey();
        Instant from = windowStart();
        Instant to = from.plusSeconds(60);
        Trade before = paperTrade(token, micros(from, -1));
        Trade atStart = paperTrade(token, from);
        Trade inside = liveTrade(token, from.plusSeconds(30));
        Trade lastInside = paperTrade(token, micros(to, -1));
        Trade atEnd = paperTrade(token, to);
        tradeStore().batchSave(List.of(atEnd, inside, before, lastInside, atStart));
        awaitVisible();

        assertThat(tradeStore().findBetween(TimeRange.of(from, to), 100)).containsExactly(atStart, inside, lastInside);
        assertThat(tradeStore().findBetween(TimeRange.of(from, from), 100)).isEmpty();
    }

    @Test
    void findBetweenKeepsTheOldestUpToTheLimit() {
        Pubkey token = pubkey();
        Instant start = windowStart();
        List<Trade> trades = ascending(start, 12).stream().map(at -> paperTrade(token, at)).toList();
        tradeStore().batchSave(trades);
        awaitVisible();
        TimeRange range = window(start, Duration.ofHours(1));

        assertThat(tradeStore().findBetween(range, 1)).containsExactly(trades.get(0));
        assertThat(tradeStore().findBetween(range, 5)).containsExactlyElementsOf(trades.subList(0, 5));
        assertThat(tradeStore().findBetween(range, PortInput.MAX_LIMIT)).containsExactlyElementsOf(trades);
    }

    @Test
    void limitsOutsideOneToTenThousandAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        for (int limit : new int[] {0, -1, PortInput.MAX_LIMIT + 1, Integer.MIN_VALUE}) {
            assertInvalidInput(() -> tradeStore().findByToken(pubkey(), limit));
            assertInvalidInput(() -> tradeStore().findBetween(range, limit));
        }
    }

    @Test
    void nullArgumentsAreRejectedAsInvalidInput() {
        assertInvalidInput(() -> tradeStore().save(null));
        assertAsyncInvalidInput(() -> tradeStore().saveAsync(null));
        assertInvalidInput(() -> tradeStore().batchSave(null));
        assertInvalidInput(() -> tradeStore().findById(null));
        assertInvalidInput(() -> tradeStore().findByToken(null, 10));
        assertInvalidInput(() -> tradeStore().findBetween(null, 10));
    }

    @Test
    void concurrentSavesOfOneTradeStoreItOnce() throws Exception {
        Trade trade = paperTrade(pubkey(), windowStart());
        Concurrently.run(8, i -> tradeStore().save(trade));
        awaitVisible();

        assertThat(tradeStore().findByToken(trade.token(), 10)).containsExactly(trade);
    }

    @Test
    void paperAndLiveIdsNeverCollide() {
        Pubkey token = pubkey();
        Instant start = windowStart();
        Trade paper = new Trade(new PaperTradeId("same-client-id-" + ContractFixtures.word(8)), start, ContractFixtures.traderId(),
                TradingMode.PAPER, TradeSide.BUY, pubkey(), token, TokenAmount.of(1), TokenAmount.of(2), TokenAmount.ZERO, BigDecimal.ONE, 1,
                MevStatus.NONE);
        Trade live = liveTrade(token, start.plusSeconds(1));
        tradeStore().batchSave(List.of(paper, live));
        awaitVisible();

        assertThat(tradeStore().findByToken(token, 10)).containsExactly(live, paper);
    }

    private static <T> List<T> reversed(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        Collections.reverse(copy);
        return copy;
    }
}
