package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.paperTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.TradeStoreContract;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class MemoryTradeStoreTest extends TradeStoreContract {
    private final MemoryTradeStore store = new MemoryTradeStore();

    @Override
    protected TradeStore tradeStore() {
        return store;
    }

    @Test
    void failedWriteChangesNothing() {
        Trade trade = paperTrade(pubkey(), windowStart());
        store.withFailure(FailurePlan.alwaysTransient().onWritesOnly());

        assertFailsWith(DbErrorKind.CONNECTION, () -> store.save(trade));
        assertFailsWith(DbErrorKind.CONNECTION, () -> store.batchSave(List.of(trade)));
        assertThat(store.findById(trade.id())).isEmpty();
        assertThat(store.findByToken(trade.token(), 10)).isEmpty();
    }

    @Test
    void badInputIsRejectedBeforeTheFailurePlanIsConsulted() {
        store.withFailure(FailurePlan.firstCalls(1, DbErrorKind.TIMEOUT));

        assertInvalidInput(() -> store.save(null));
        assertInvalidInput(() -> store.findByToken(pubkey(), 0));
        // The plan's one failure is still due: the rejected calls were not counted.
        assertFailsWith(DbErrorKind.TIMEOUT, () -> store.findByToken(pubkey(), 1));
        assertThat(store.findByToken(pubkey(), 1)).isEmpty();
    }

    @Test
    void everyNthCallFailsAndARetrySucceeds() {
        Pubkey token = pubkey();
        store.withFailure(FailurePlan.everyNthCall(3, DbErrorKind.TIMEOUT));
        int failures = 0;
        for (int i = 0; i < 9; i++) {
            Trade trade = paperTrade(token, windowStart());
            try {
                store.save(trade);
            } catch (TransientDbException e) {
                failures++;
                store.save(trade);
            }
        }
        assertThat(failures).isEqualTo(4);
        assertThat(store.withFailure(FailurePlan.never()).findByToken(token, 100)).hasSize(9);
    }

    @Test
    void afterCallsTheStoreGoesDownWithAPermanentKindIfAsked() {
        store.withFailure(FailurePlan.afterCalls(2, DbErrorKind.QUERY));
        store.findByToken(pubkey(), 1);
        store.findByToken(pubkey(), 1);

        assertFailsWith(DbErrorKind.QUERY, () -> store.findByToken(pubkey(), 1));
        assertFailsWith(DbErrorKind.QUERY, () -> store.save(paperTrade(pubkey(), windowStart())));
    }

    @Test
    void simulatedFailureOfAnAsyncWriteFailsItsFuture() {
        store.withFailure(FailurePlan.alwaysTransient());
        CompletableFuture<Void> future = store.saveAsync(paperTrade(pubkey(), windowStart()));

        Throwable failure = catchThrowable(future::get);
        assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransientDbException.class);
    }

    @Test
    void latencyDelaysEveryCallAndAsyncWritesStillComplete() throws Exception {
        Duration latency = Duration.ofMillis(40);
        store.withLatency(latency);
        Trade trade = paperTrade(pubkey(), windowStart());

        long started = System.nanoTime();
        store.findById(trade.id());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(latency);

        store.saveAsync(trade).get();
        assertThat(store.findById(trade.id())).contains(trade);
    }
}
