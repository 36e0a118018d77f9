package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.badLimits;
import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Every entry point of {@link MevEventStore} with arguments it must refuse. */
public abstract class MevEventStoreBadInput extends BadInputKit<MevEventStore> {

    @Override
    protected Arbitrary<RejectedCall<MevEventStore>> rejectedCalls() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<MevEventStore>ofVoid("save(null)", store -> store.save(null)),
                        RejectedCall.<MevEventStore>of("saveAsync(null)", store -> store.saveAsync(null)),
                        RejectedCall.<MevEventStore>ofVoid("batchSave(null)", store -> store.batchSave(null)),
                        RejectedCall.<MevEventStore>of("findByOutcome(null, range, 10)", store -> store.findByOutcome(null, window(), 10)),
                        RejectedCall.<MevEventStore>of("findByOutcome(outcome, null, 10)", store -> store.findByOutcome(MevOutcome.AVOIDED, null, 10)),
                        RejectedCall.<MevEventStore>of("findBetween(null, 10)", store -> store.findBetween(null, 10)),
                        RejectedCall.<MevEventStore>of("findByTrade(null, 10)", store -> store.findByTrade(null, 10)),
                        RejectedCall.<MevEventStore>of("findByTrader(null, range, 10)",
                                store -> store.findByTrader(null, ContractFixtures.window(ContractFixtures.windowStart(), java.time.Duration.ofHours(1)), 10))),
                Arbitraries.create(ContractFixtures::windowStart).flatMap(start -> BadArguments.batchWithNull(
                                () -> ContractFixtures.mevEvent(MevOutcome.SANDWICHED, start), 30)
                        .map(batch -> RejectedCall.<MevEventStore>ofVoid("batchSave(" + describe(batch) + ")", store -> store.batchSave(batch),
                                store -> assertThat(store.findBetween(ContractFixtures.window(start, Duration.ofSeconds(1)), PortInput.MAX_LIMIT))
                                        .as("events of a refused batch").isEmpty()))),
                Arbitraries.create(ContractFixtures::windowStart).flatMap(start -> BadArguments.oversizedBatch(
                                () -> ContractFixtures.mevEvent(MevOutcome.AVOIDED, start))
                        .map(batch -> RejectedCall.<MevEventStore>ofVoid("batchSave(" + batch.size() + " copies)", store -> store.batchSave(batch),
                                store -> assertThat(store.findBetween(ContractFixtures.window(start, Duration.ofSeconds(1)), 10)).isEmpty()))),
                badLimits().map(limit -> RejectedCall.<MevEventStore>of("findByOutcome(outcome, range, " + limit + ")",
                        store -> store.findByOutcome(MevOutcome.SANDWICHED, window(), limit))),
                badLimits().map(limit -> RejectedCall.<MevEventStore>of("findBetween(range, " + limit + ")",
                        store -> store.findBetween(window(), limit))));
    }

    private static TimeRange window() {
        return ContractFixtures.window(ContractFixtures.windowStart(), Duration.ofHours(1));
    }

    @Override
    protected void validReadSucceeds(MevEventStore store) {
        assertThat(store.findByOutcome(MevOutcome.NOT_ATTACKED, ContractFixtures.window(ContractFixtures.windowStart(), Duration.ofMillis(1)), 1))
                .isEmpty();
    }

    @Override
    protected void validWriteSucceeds(MevEventStore store) {
        Instant at = ContractFixtures.windowStart();
        MevEvent event = ContractFixtures.mevEvent(MevOutcome.SANDWICHED, at);
        store.save(event);
        assertThat(store.findBetween(ContractFixtures.window(at, Duration.ofMillis(1)), 10)).containsExactly(event);
    }
}
