package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.badLimits;
import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Every entry point of {@link TradeStore} with arguments it must refuse. */
public abstract class TradeStoreBadInput extends BadInputKit<TradeStore> {

    @Override
    protected Arbitrary<RejectedCall<TradeStore>> rejectedCalls() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<TradeStore>ofVoid("save(null)", store -> store.save(null)),
                        RejectedCall.<TradeStore>of("saveAsync(null)", store -> store.saveAsync(null)),
                        RejectedCall.<TradeStore>ofVoid("batchSave(null)", store -> store.batchSave(null)),
                        RejectedCall.<TradeStore>of("findById(null)", store -> store.findById(null)),
                        RejectedCall.<TradeStore>of("findByToken(null, 10)", store -> store.findByToken(null, 10)),
                        RejectedCall.<TradeStore>of("findBetween(null, 10)", store -> store.findBetween(null, 10)),
                        RejectedCall.<TradeStore>of("findByTrader(null)", store -> store.findByTrader(null)),
                        RejectedCall.<TradeStore>of("candles(null)", store -> store.candles(null)),
                        RejectedCall.<TradeStore>of("updateCommitment(null, CONFIRMED)",
                                store -> store.updateCommitment(null, io.soltrade.data.domain.Commitment.CONFIRMED)),
                        RejectedCall.<TradeStore>of("updateCommitment(id, null)", store -> store.updateCommitment(ContractFixtures.onChainTradeId(), null))),
                batchWithNullElement(),
                oversizedBatch(),
                badLimits().map(limit -> RejectedCall.<TradeStore>of("findByToken(token, " + limit + ")",
                        store -> store.findByToken(ContractFixtures.pubkey(), limit))),
                badLimits().map(limit -> RejectedCall.<TradeStore>of("findBetween(range, " + limit + ")",
                        store -> store.findBetween(ContractFixtures.window(ContractFixtures.windowStart(), Duration.ofHours(1)), limit))));
    }

    private static Arbitrary<RejectedCall<TradeStore>> batchWithNullElement() {
        return Arbitraries.create(ContractFixtures::pubkey).flatMap(token -> {
            Instant at = ContractFixtures.windowStart();
            return BadArguments.batchWithNull(() -> ContractFixtures.paperTrade(token, at), 30)
                    .map(batch -> RejectedCall.<TradeStore>ofVoid("batchSave(" + describe(batch) + ")", store -> store.batchSave(batch),
                            store -> assertThat(store.findByToken(token, 100)).as("trades of a refused batch").isEmpty()));
        });
    }

    private static Arbitrary<RejectedCall<TradeStore>> oversizedBatch() {
        return Arbitraries.create(() -> ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart()))
                .flatMap(trade -> BadArguments.oversizedBatch(() -> trade).map(batch -> RejectedCall.<TradeStore>ofVoid(
                        "batchSave(" + batch.size() + " copies)", store -> store.batchSave(batch),
                        store -> assertThat(store.findById(trade.id())).as("the trade of a refused batch").isEmpty())));
    }

    @Override
    protected void validReadSucceeds(TradeStore store) {
        assertThat(store.findById(ContractFixtures.paperTradeId())).isEmpty();
    }

    @Override
    protected void validWriteSucceeds(TradeStore store) {
        Pubkey token = ContractFixtures.pubkey();
        Trade trade = ContractFixtures.liveTrade(token, ContractFixtures.windowStart());
        store.save(trade);
        assertThat(store.findById(trade.id())).contains(trade);
    }
}
