package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractFixtures.position;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.contract.PositionStoreContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryPositionStoreTest extends PositionStoreContract {
    private final MemoryPositionStore store = new MemoryPositionStore();

    @Override
    protected PositionStore positionStore() {
        return store;
    }

    @Test
    void failedBatchChangesNothingAndReadsStillWorkWhenOnlyWritesFail() {
        Position position = position(traderId(), TradingMode.PAPER, pubkey(), windowStart());
        store.withFailure(FailurePlan.always(DbErrorKind.POOL_EXHAUSTED).onWritesOnly());

        assertFailsWith(DbErrorKind.POOL_EXHAUSTED, () -> store.batchSave(List.of(position)));
        assertThat(store.latest(position.trader(), position.mode(), position.token())).isEmpty();
    }

    @Test
    void readsFailWhileWritesGoThroughWhenOnlyReadsFail() {
        Position position = position(traderId(), TradingMode.PAPER, pubkey(), windowStart());
        store.withFailure(FailurePlan.always(DbErrorKind.TIMEOUT).onReadsOnly());
        store.save(position);

        assertFailsWith(DbErrorKind.TIMEOUT, () -> store.latest(position.trader(), position.mode(), position.token()));
        assertThat(store.withFailure(FailurePlan.never()).latest(position.trader(), position.mode(), position.token())).contains(position);
    }
}
