package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractFixtures.liveTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.TradeQueriesContract;
import org.junit.jupiter.api.Test;

class MemoryTradeQueriesTest extends TradeQueriesContract {
    private final MemoryTradeStore store = new MemoryTradeStore();

    @Override
    protected TradeStore tradeStore() {
        return store;
    }

    @Test
    void aFailedCommitmentUpdateChangesNothing() {
        Trade trade = liveTrade(pubkey(), windowStart()).withCommitment(Commitment.PROCESSED);
        store.save(trade);
        store.withFailure(FailurePlan.alwaysTransient().onWritesOnly());

        assertFailsWith(DbErrorKind.CONNECTION, () -> store.updateCommitment(trade.id(), Commitment.FINALIZED));
        assertThat(store.findById(trade.id())).contains(trade);
    }
}
