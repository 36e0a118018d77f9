package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractFixtures.mevEvent;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.contract.MevEventStoreContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryMevEventStoreTest extends MevEventStoreContract {
    private final MemoryMevEventStore store = new MemoryMevEventStore();

    @Override
    protected MevEventStore mevEventStore() {
        return store;
    }

    @Test
    void failedBatchWritesNone() {
        MevEvent event = mevEvent(MevOutcome.SANDWICHED, windowStart());
        store.withFailure(FailurePlan.alwaysPermanent());

        assertFailsWith(DbErrorKind.QUERY, () -> store.batchSave(List.of(event)));
        assertThat(store.withFailure(FailurePlan.never()).findBetween(window(event.detectedAt(), Duration.ofSeconds(1)), 10)).isEmpty();
    }
}
