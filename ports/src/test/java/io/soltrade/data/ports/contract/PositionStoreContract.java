package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertAsyncInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.await;
import static io.soltrade.data.ports.contract.ContractFixtures.micros;
import static io.soltrade.data.ports.contract.ContractFixtures.position;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Fill;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PositionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PositionStore} does. Extend it and implement {@link #positionStore()}; override
 * {@link #awaitVisible()} if reads may lag acknowledged writes. Every test uses fresh trader ids and mints.
 */
public abstract class PositionStoreContract {

    protected abstract PositionStore positionStore();

    /** Waits until every acknowledged write is visible to queries; the default assumes it already is. */
    protected void awaitVisible() {}

    /** States of one position after successive fills, one second apart. */
    private static List<Position> states(TraderId trader, TradingMode mode, Pubkey token, Instant start, int count) {
        List<Position> states = new ArrayList<>();
        Position current = Position.flat(trader, mode, token, start);
        for (int i = 1; i <= count; i++) {
            TradeSide side = i % 3 == 0 ? TradeSide.SELL : TradeSide.BUY;
            current = current.apply(new Fill(side, new BigDecimal("1.5").multiply(BigDecimal.valueOf(i)),
                    new BigDecimal("100.000000001").add(BigDecimal.valueOf(i)), new BigDecimal("0.000005"), start.plusSeconds(i)));
            states.add(current);
        }
        return states;
    }

    @Test
    void savedPositionReadsBackWithEveryField() {
        Position position = position(traderId(), TradingMode.LIVE, pubkey(), windowStart());
        positionStore().save(position);
        awaitVisible();

        assertThat(positionStore().latest(position.trader(), position.mode(), position.token())).contains(position);
    }

    @Test
    void shortPositionWithExtremeDecimalsRoundTripsExactly() {
        Position position = new Position(traderId(), TradingMode.PAPER, pubkey(), new BigDecimal("-99999999999999999999.999999999999999999"),
                ContractFixtures.SMALLEST_PRICE, new BigDecimal("-0.000000000000000001"), new BigDecimal("12345678901234567890.123456789012345678"),
                Long.MAX_VALUE, windowStart().plusNanos(999_999_000));
        positionStore().save(position);
        awaitVisible();

        Position readBack = positionStore().latest(position.trader(), position.mode(), position.token()).orElseThrow();
        assertThat(readBack).isEqualTo(position);
        assertThat(readBack.quantity()).isEqualTo(new BigDecimal("-99999999999999999999.999999999999999999"));
    }

    @Test
    void unknownPositionIsEmpty() {
        assertThat(positionStore().latest(traderId(), TradingMode.PAPER, pubkey())).isEmpty();
        assertThat(positionStore().latestForTrader(traderId(), TradingMode.PAPER)).isEmpty();
    }

    @Test
    void latestIsTheNewestStateWhateverTheOrderOfWrites() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        List<Position> states = states(trader, TradingMode.PAPER, token, windowStart(), 6);
        positionStore().save(states.get(5));
        positionStore().save(states.get(0));
        positionStore().batchSave(states.subList(1, 5));
        awaitVisible();

        assertThat(positionStore().latest(trader, TradingMode.PAPER, token)).contains(states.get(5));
    }

    @Test
    void savingTheSameStateTwiceKeepsOneHistoryRow() {
        Position position = position(traderId(), TradingMode.PAPER, pubkey(), windowStart());
        positionStore().save(position);
        positionStore().save(position);
        awaitVisible();

        assertThat(positionStore().history(position.trader(), position.mode(), position.token(),
                window(position.updatedAt(), Duration.ofSeconds(1)), 10)).containsExactly(position);
    }

    @Test
    void saveAsyncCompletesWhenThePositionIsStored() {
        Position position = position(traderId(), TradingMode.LIVE, pubkey(), windowStart());
        await(positionStore().saveAsync(position));
        awaitVisible();

        assertThat(positionStore().latest(position.trader(), position.mode(), position.token())).contains(position);
    }

    @Test
    void retriedBatchAddsNoDuplicates() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant start = windowStart();
        List<Position> states = states(trader, TradingMode.LIVE, token, start, 8);
        positionStore().batchSave(states.subList(0, 3));
        positionStore().batchSave(states);
        positionStore().batchSave(states);
        awaitVisible();

        assertThat(positionStore().history(trader, TradingMode.LIVE, token, window(start, Duration.ofHours(1)), 100))
                .containsExactlyElementsOf(states);
    }

    @Test
    void batchWithANullPositionIsRejectedAndWritesNothing() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        List<Position> batch = new ArrayList<>(states(trader, TradingMode.PAPER, token, windowStart(), 2));
        batch.add(null);
        assertInvalidInput(() -> positionStore().batchSave(batch));
        awaitVisible();

        assertThat(positionStore().latest(trader, TradingMode.PAPER, token)).isEmpty();
    }

    @Test
    void emptyBatchIsANoOp() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant start = windowStart();
        Position stored = position(trader, TradingMode.PAPER, token, start);
        positionStore().save(stored);

        positionStore().batchSave(List.of());
        awaitVisible();

        assertThat(positionStore().history(trader, TradingMode.PAPER, token, TimeRange.of(start, start.plus(Duration.ofDays(1))), 100))
                .as("nothing added, nothing lost").containsExactly(stored);
        assertThat(positionStore().latestForTrader(trader, TradingMode.PAPER)).containsExactly(stored);
    }

    @Test
    void modesAndTradersAreSeparatePositions() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant at = windowStart();
        Position paper = position(trader, TradingMode.PAPER, token, at);
        Position live = position(trader, TradingMode.LIVE, token, at.plusSeconds(1));
        Position otherTrader = position(traderId(), TradingMode.PAPER, token, at.plusSeconds(2));
        positionStore().batchSave(List.of(paper, live, otherTrader));
        awaitVisible();

        assertThat(positionStore().latest(trader, TradingMode.PAPER, token)).contains(paper);
        assertThat(positionStore().latest(trader, TradingMode.LIVE, token)).contains(live);
        assertThat(positionStore().latestForTrader(trader, TradingMode.PAPER)).containsExactly(paper);
    }

    @Test
    void latestForTraderHasTheLatestStateOfEachTokenFlatOnesIncludedOrderedByToken() {
        TraderId trader = traderId();
        Instant start = windowStart();
        List<Position> latest = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Position> states = states(trader, TradingMode.PAPER, pubkey(), start.plusSeconds(100L * i), 3 + i);
            positionStore().batchSave(states);
            latest.add(states.get(states.size() - 1));
        }
        Position flat = Position.flat(trader, TradingMode.PAPER, pubkey(), start);
        positionStore().save(flat);
        latest.add(flat);
        awaitVisible();

        latest.sort(Comparator.comparing(Position::token));
        assertThat(positionStore().latestForTrader(trader, TradingMode.PAPER)).containsExactlyElementsOf(latest);
        assertThat(positionStore().latestForTrader(trader, TradingMode.LIVE)).isEmpty();
    }

    @Test
    void historyIsHalfOpenOldestFirstAndLimited() {
        TraderId trader = traderId();
        Pubkey token = pubkey();
        Instant from = windowStart();
        Instant to = from.plusSeconds(60);
        List<Position> states = new ArrayList<>();
        for (Instant at : List.of(micros(from, -1), from, from.plusSeconds(10), micros(to, -1), to)) {
            states.add(position(trader, TradingMode.LIVE, token, at));
        }
        positionStore().batchSave(states);
        awaitVisible();
        TimeRange range = TimeRange.of(from, to);

        assertThat(positionStore().history(trader, TradingMode.LIVE, token, range, 100)).containsExactlyElementsOf(states.subList(1, 4));
        assertThat(positionStore().history(trader, TradingMode.LIVE, token, range, 1)).containsExactly(states.get(1));
        assertThat(positionStore().history(trader, TradingMode.LIVE, token, range, PortInput.MAX_LIMIT)).hasSize(3);
        assertThat(positionStore().history(trader, TradingMode.LIVE, token, TimeRange.of(to, to), 100)).isEmpty();
    }

    @Test
    void limitsOutsideOneToTenThousandAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        IntStream.of(0, -1, PortInput.MAX_LIMIT + 1).forEach(limit ->
                assertInvalidInput(() -> positionStore().history(traderId(), TradingMode.PAPER, pubkey(), range, limit)));
    }

    @Test
    void nullArgumentsAreRejectedAsInvalidInput() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        assertInvalidInput(() -> positionStore().save(null));
        assertAsyncInvalidInput(() -> positionStore().saveAsync(null));
        assertInvalidInput(() -> positionStore().batchSave(null));
        assertInvalidInput(() -> positionStore().latest(null, TradingMode.PAPER, pubkey()));
        assertInvalidInput(() -> positionStore().latest(traderId(), null, pubkey()));
        assertInvalidInput(() -> positionStore().latest(traderId(), TradingMode.PAPER, null));
        assertInvalidInput(() -> positionStore().latestForTrader(null, TradingMode.PAPER));
        assertInvalidInput(() -> positionStore().latestForTrader(traderId(), null));
        assertInvalidInput(() -> positionStore().history(null, TradingMode.PAPER, pubkey(), range, 10));
        assertInvalidInput(() -> positionStore().history(traderId(), null, pubkey(), range, 10));
        assertInvalidInput(() -> positionStore().history(traderId(), TradingMode.PAPER, null, range, 10));
        assertInvalidInput(() -> positionStore().history(traderId(), TradingMode.PAPER, pubkey(), null, 10));
    }
}
