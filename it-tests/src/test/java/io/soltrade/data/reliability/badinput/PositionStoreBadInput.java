package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.badLimits;
import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Every entry point of {@link PositionStore} with arguments it must refuse. */
public abstract class PositionStoreBadInput extends BadInputKit<PositionStore> {

    @Override
    protected Arbitrary<RejectedCall<PositionStore>> rejectedCalls() {
        TradingMode mode = TradingMode.PAPER;
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<PositionStore>ofVoid("save(null)", store -> store.save(null)),
                        RejectedCall.<PositionStore>of("saveAsync(null)", store -> store.saveAsync(null)),
                        RejectedCall.<PositionStore>ofVoid("batchSave(null)", store -> store.batchSave(null)),
                        RejectedCall.<PositionStore>of("latest(null, mode, token)", store -> store.latest(null, mode, ContractFixtures.pubkey())),
                        RejectedCall.<PositionStore>of("latest(trader, null, token)", store -> store.latest(ContractFixtures.traderId(), null, ContractFixtures.pubkey())),
                        RejectedCall.<PositionStore>of("latest(trader, mode, null)", store -> store.latest(ContractFixtures.traderId(), mode, null)),
                        RejectedCall.<PositionStore>of("latestForTrader(null, mode)", store -> store.latestForTrader(null, mode)),
                        RejectedCall.<PositionStore>of("current(null)", store -> store.current(null)),
                        RejectedCall.<PositionStore>of("realizedPnl(null)", store -> store.realizedPnl(null)),
                        RejectedCall.<PositionStore>of("latestForTrader(trader, null)", store -> store.latestForTrader(ContractFixtures.traderId(), null)),
                        RejectedCall.<PositionStore>of("history(null, ...)", store -> store.history(null, mode, ContractFixtures.pubkey(), window(), 10)),
                        RejectedCall.<PositionStore>of("history(trader, null, ...)", store -> store.history(ContractFixtures.traderId(), null, ContractFixtures.pubkey(), window(), 10)),
                        RejectedCall.<PositionStore>of("history(trader, mode, null, ...)", store -> store.history(ContractFixtures.traderId(), mode, null, window(), 10)),
                        RejectedCall.<PositionStore>of("history(trader, mode, token, null, 10)", store -> store.history(ContractFixtures.traderId(), mode, ContractFixtures.pubkey(), null, 10))),
                batchWithNullElement(),
                Arbitraries.create(() -> position(ContractFixtures.traderId(), ContractFixtures.pubkey()))
                        .flatMap(position -> BadArguments.oversizedBatch(() -> position).map(batch -> RejectedCall.<PositionStore>ofVoid(
                                "batchSave(" + batch.size() + " copies)", store -> store.batchSave(batch),
                                store -> assertThat(store.latest(position.trader(), position.mode(), position.token())).isEmpty()))),
                badLimits().map(limit -> RejectedCall.<PositionStore>of("history(..., " + limit + ")",
                        store -> store.history(ContractFixtures.traderId(), mode, ContractFixtures.pubkey(), window(), limit))));
    }

    private static Arbitrary<RejectedCall<PositionStore>> batchWithNullElement() {
        return Arbitraries.create(ContractFixtures::traderId).flatMap(trader -> BadArguments.batchWithNull(
                        () -> position(trader, ContractFixtures.pubkey()), 30)
                .map(batch -> RejectedCall.<PositionStore>ofVoid("batchSave(" + describe(batch) + ")", store -> store.batchSave(batch),
                        store -> assertThat(store.latestForTrader(trader, TradingMode.PAPER)).as("positions of a refused batch").isEmpty())));
    }

    private static Position position(TraderId trader, Pubkey token) {
        return ContractFixtures.position(trader, TradingMode.PAPER, token, ContractFixtures.windowStart());
    }

    private static TimeRange window() {
        return ContractFixtures.window(ContractFixtures.windowStart(), Duration.ofHours(1));
    }

    @Override
    protected void validReadSucceeds(PositionStore store) {
        assertThat(store.latest(ContractFixtures.traderId(), TradingMode.LIVE, ContractFixtures.pubkey())).isEmpty();
    }

    @Override
    protected void validWriteSucceeds(PositionStore store) {
        Instant at = ContractFixtures.windowStart();
        Position position = ContractFixtures.position(ContractFixtures.traderId(), TradingMode.LIVE, ContractFixtures.pubkey(), at);
        store.save(position);
        assertThat(store.latest(position.trader(), position.mode(), position.token())).contains(position);
    }
}
