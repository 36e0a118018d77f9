package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertAsyncInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.await;
import static io.soltrade.data.ports.contract.ContractFixtures.mevEvent;
import static io.soltrade.data.ports.contract.ContractFixtures.micros;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PortInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MevEventStore} does. Extend it and implement {@link #mevEventStore()}; override
 * {@link #awaitVisible()} if reads may lag acknowledged writes. Queries are by time, so every test writes in a
 * fresh time window.
 */
public abstract class MevEventStoreContract {

    protected abstract MevEventStore mevEventStore();

    /** Waits until every acknowledged write is visible to queries; the default assumes it already is. */
    protected void awaitVisible() {}

    private List<MevEvent> all(Instant start) {
        return mevEventStore().findBetween(window(start, Duration.ofDays(1)), PortInput.MAX_LIMIT);
    }

    @Test
    void savedEventReadsBackWithEveryField() {
        Instant at = windowStart().plusNanos(1_000);
        MevEvent event = mevEvent(MevOutcome.SANDWICHED, at);
        mevEventStore().save(event);
        awaitVisible();

        List<MevEvent> found = all(at);
        assertThat(found).containsExactly(event);
        assertThat(found.get(0).actualLoss()).isEqualTo(TokenAmount.MAX);
        assertThat(found.get(0).sandwichProbability()).isEqualTo(event.sandwichProbability());
    }

    @Test
    void eventWithoutVictimSignatureAndEdgeProbabilitiesRoundTrips() {
        Instant start = windowStart();
        MevEvent base = mevEvent(MevOutcome.UNDETERMINED, start);
        MevEvent certain = new MevEvent(UUID.randomUUID(), start, base.trader(), base.token(), Optional.empty(), 1.0,
                TokenAmount.MAX, TokenAmount.ZERO, MevOutcome.AVOIDED);
        MevEvent impossible = new MevEvent(UUID.randomUUID(), micros(start, 1), base.trader(), base.token(), Optional.empty(), 0.0,
                TokenAmount.ZERO, TokenAmount.ZERO, MevOutcome.NOT_ATTACKED);
        mevEventStore().batchSave(List.of(certain, impossible));
        awaitVisible();

        assertThat(all(start)).containsExactly(certain, impossible);
    }

    @Test
    void savingTheSameEventTwiceStoresItOnce() {
        MevEvent event = mevEvent(MevOutcome.AVOIDED, windowStart());
        mevEventStore().save(event);
        mevEventStore().save(event);
        awaitVisible();

        assertThat(all(event.detectedAt())).containsExactly(event);
    }

    @Test
    void saveAsyncCompletesWhenTheEventIsStored() {
        MevEvent event = mevEvent(MevOutcome.NOT_ATTACKED, windowStart());
        await(mevEventStore().saveAsync(event));
        awaitVisible();

        assertThat(all(event.detectedAt())).containsExactly(event);
    }

    @Test
    void retriedBatchAddsNoDuplicates() {
        Instant start = windowStart();
        List<MevEvent> events = IntStream.range(0, 20)
                .mapToObj(i -> mevEvent(MevOutcome.values()[i % MevOutcome.values().length], start.plusSeconds(i))).toList();
        mevEventStore().batchSave(events.subList(0, 5));
        mevEventStore().batchSave(events);
        mevEventStore().batchSave(events);
        awaitVisible();

        assertThat(all(start)).containsExactlyElementsOf(events);
    }

    @Test
    void batchWithANullEventIsRejectedAndWritesNothing() {
        Instant start = windowStart();
        List<MevEvent> batch = new ArrayList<>(List.of(mevEvent(MevOutcome.AVOIDED, start), mevEvent(MevOutcome.SANDWICHED, start.plusSeconds(1))));
        batch.add(null);
        assertInvalidInput(() -> mevEventStore().batchSave(batch));
        awaitVisible();

        assertThat(all(start)).isEmpty();
    }

    @Test
    void emptyBatchIsANoOp() {
        Instant start = windowStart();
        MevEvent stored = mevEvent(MevOutcome.AVOIDED, start);
        mevEventStore().save(stored);

        mevEventStore().batchSave(List.of());
        awaitVisible();

        assertThat(all(start)).as("nothing added, nothing lost").containsExactly(stored);
    }

    @Test
    void findByOutcomeReturnsOnlyThatOutcomeOldestFirst() {
        Instant start = windowStart();
        MevEvent sandwichedLate = mevEvent(MevOutcome.SANDWICHED, start.plusSeconds(30));
        MevEvent avoided = mevEvent(MevOutcome.AVOIDED, start.plusSeconds(10));
        MevEvent sandwichedEarly = mevEvent(MevOutcome.SANDWICHED, start.plusSeconds(5));
        MevEvent undetermined = mevEvent(MevOutcome.UNDETERMINED, start.plusSeconds(1));
        mevEventStore().batchSave(List.of(sandwichedLate, avoided, sandwichedEarly, undetermined));
        awaitVisible();
        TimeRange range = window(start, Duration.ofMinutes(1));

        assertThat(mevEventStore().findByOutcome(MevOutcome.SANDWICHED, range, 100)).containsExactly(sandwichedEarly, sandwichedLate);
        assertThat(mevEventStore().findByOutcome(MevOutcome.SANDWICHED, range, 1)).containsExactly(sandwichedEarly);
        assertThat(mevEventStore().findByOutcome(MevOutcome.AVOIDED, range, 100)).containsExactly(avoided);
        assertThat(mevEventStore().findByOutcome(MevOutcome.NOT_ATTACKED, range, 100)).isEmpty();
        assertThat(mevEventStore().findBetween(range, 100)).containsExactly(undetermined, sandwichedEarly, avoided, sandwichedLate);
    }

    @Test
    void queriesAreHalfOpenAndLimited() {
        Instant from = windowStart();
        Instant to = from.plusSeconds(60);
        List<MevEvent> events = new ArrayList<>();
        for (Instant at : List.of(micros(from, -1), from, from.plusSeconds(30), micros(to, -1), to)) {
            events.add(mevEvent(MevOutcome.SANDWICHED, at));
        }
        mevEventStore().batchSave(events);
        awaitVisible();
        TimeRange range = TimeRange.of(from, to);

        assertThat(mevEventStore().findBetween(range, 100)).containsExactlyElementsOf(events.subList(1, 4));
        assertThat(mevEventStore().findByOutcome(MevOutcome.SANDWICHED, range, 100)).containsExactlyElementsOf(events.subList(1, 4));
        assertThat(mevEventStore().findBetween(range, 2)).containsExactlyElementsOf(events.subList(1, 3));
        assertThat(mevEventStore().findBetween(range, PortInput.MAX_LIMIT)).hasSize(3);
        assertThat(mevEventStore().findBetween(TimeRange.of(from, from), 100)).isEmpty();
    }

    @Test
    void limitsOutsideOneToTenThousandAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        IntStream.of(0, -1, PortInput.MAX_LIMIT + 1).forEach(limit -> {
            assertInvalidInput(() -> mevEventStore().findBetween(range, limit));
            assertInvalidInput(() -> mevEventStore().findByOutcome(MevOutcome.AVOIDED, range, limit));
        });
    }

    @Test
    void nullArgumentsAreRejectedAsInvalidInput() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        assertInvalidInput(() -> mevEventStore().save(null));
        assertAsyncInvalidInput(() -> mevEventStore().saveAsync(null));
        assertInvalidInput(() -> mevEventStore().batchSave(null));
        assertInvalidInput(() -> mevEventStore().findBetween(null, 10));
        assertInvalidInput(() -> mevEventStore().findByOutcome(null, range, 10));
        assertInvalidInput(() -> mevEventStore().findByOutcome(MevOutcome.AVOIDED, null, 10));
    }

    @Test
    void eventsOfATraderAreOldestFirstWithinTheRange() {
        Instant from = windowStart();
        MevEvent template = mevEvent(MevOutcome.AVOIDED, from);
        List<MevEvent> mine = new ArrayList<>();
        for (Instant at : List.of(micros(from, -1), from, from.plusSeconds(10), micros(from.plusSeconds(60), -1), from.plusSeconds(60))) {
            MevEvent base = mevEvent(MevOutcome.NOT_ATTACKED, at);
            mine.add(new MevEvent(base.id(), at, template.trader(), base.token(), base.victimSignature(), base.sandwichProbability(),
                    base.predictedLoss(), base.actualLoss(), base.outcome(), base.tradeId()));
        }
        MevEvent someoneElse = mevEvent(MevOutcome.SANDWICHED, from.plusSeconds(5));
        mevEventStore().batchSave(List.of(mine.get(3), mine.get(0), someoneElse, mine.get(4), mine.get(2), mine.get(1)));
        awaitVisible();
        TimeRange range = window(from, Duration.ofSeconds(60));

        assertThat(mevEventStore().findByTrader(template.trader(), range, 100)).containsExactlyElementsOf(mine.subList(1, 4));
        assertThat(mevEventStore().findByTrader(template.trader(), range, 2)).containsExactlyElementsOf(mine.subList(1, 3));
        assertThat(mevEventStore().findByTrader(ContractFixtures.traderId(), range, 100)).isEmpty();
    }

    @Test
    void eventsOfOneTradeNameItAndComeOldestFirst() {
        Instant at = windowStart();
        io.soltrade.data.domain.TradeId trade = ContractFixtures.onChainTradeId();
        MevEvent predicted = mevEvent(MevOutcome.UNDETERMINED, at).forTrade(trade);
        MevEvent assessed = mevEvent(MevOutcome.SANDWICHED, at.plusSeconds(2)).forTrade(trade);
        MevEvent otherTrade = mevEvent(MevOutcome.SANDWICHED, at.plusSeconds(1));
        MevEvent noTrade = new MevEvent(UUID.randomUUID(), at.plusSeconds(3), predicted.trader(), predicted.token(), Optional.empty(), 0.5,
                TokenAmount.ZERO, TokenAmount.ZERO, MevOutcome.NOT_ATTACKED);
        mevEventStore().batchSave(List.of(assessed, otherTrade, predicted, noTrade));
        awaitVisible();

        assertThat(mevEventStore().findByTrade(trade, 10)).containsExactly(predicted, assessed);
        assertThat(mevEventStore().findByTrade(trade, 1)).containsExactly(predicted);
        assertThat(mevEventStore().findByTrade(otherTrade.tradeId().orElseThrow(), 10)).containsExactly(otherTrade);
        assertThat(mevEventStore().findByTrade(new io.soltrade.data.domain.PaperTradeId("none-" + ContractFixtures.word(10)), 10)).isEmpty();
        assertThat(all(at)).contains(noTrade);
        assertThat(all(at).stream().filter(noTrade::equals).findFirst().orElseThrow().tradeId()).isEmpty();
    }

    @Test
    void badTraderAndTradeQueriesAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        assertInvalidInput(() -> mevEventStore().findByTrader(null, range, 10));
        assertInvalidInput(() -> mevEventStore().findByTrader(ContractFixtures.traderId(), null, 10));
        assertInvalidInput(() -> mevEventStore().findByTrader(ContractFixtures.traderId(), range, 0));
        assertInvalidInput(() -> mevEventStore().findByTrade(null, 10));
        assertInvalidInput(() -> mevEventStore().findByTrade(ContractFixtures.onChainTradeId(), PortInput.MAX_LIMIT + 1));
    }
}
