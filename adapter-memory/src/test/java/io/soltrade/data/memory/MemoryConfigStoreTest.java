package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.actor;
import static io.soltrade.data.ports.contract.ContractFixtures.splToken;
import static io.soltrade.data.ports.contract.ContractFixtures.stopLoss;
import static io.soltrade.data.ports.contract.ContractFixtures.traderConfig;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.contract.ConfigStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryConfigStoreTest extends ConfigStoreContract {
    private static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");

    private final MemoryConfigStore store = new MemoryConfigStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Override
    protected ConfigStore configStore() {
        return store;
    }

    private OrderRule storedRule() {
        TraderConfig config = store.saveTraderConfig(traderConfig(traderId()), actor());
        TokenMetadata token = splToken();
        store.upsertToken(token, actor());
        OrderRule rule = stopLoss(config.trader(), token.mint(), NOW);
        store.saveOrderRule(rule, actor());
        return rule;
    }

    @Test
    void auditEntriesAreStampedByTheInjectedClock() {
        TokenMetadata token = splToken();
        store.upsertToken(token, actor());

        assertThat(store.auditTrail(TOKEN, token.mint().base58(), 10)).extracting(AuditEntry::at).containsExactly(NOW);
    }

    @Test
    void aFailedTriggerLeavesTheRuleActive() {
        OrderRule rule = storedRule();
        store.withFailure(FailurePlan.always(DbErrorKind.LOCK_NOT_AVAILABLE).onWritesOnly());

        assertFailsWith(DbErrorKind.LOCK_NOT_AVAILABLE, () -> store.trigger(rule.id(), NOW, actor()));
        assertThat(store.findOrderRule(rule.id())).contains(rule);
        assertThat(store.auditTrail(ORDER_RULE, rule.id().toString(), 10)).extracting(AuditEntry::action).containsExactly(CREATE);
    }

    @Test
    void badInputIsRejectedBeforeTheFailurePlanIsConsulted() {
        store.withFailure(FailurePlan.alwaysTransient());

        assertInvalidInput(() -> store.saveTraderConfig(null, actor()));
        assertInvalidInput(() -> store.inTransaction(null));
    }

    @Test
    void aSimulatedFailureInsideAUnitAbortsItEvenIfTheWorkCatchesIt() {
        TokenMetadata token = splToken();
        TraderConfig config = traderConfig(traderId());
        // call 1: inTransaction itself, call 2: upsertToken, call 3: saveTraderConfig fails.
        store.withFailure(FailurePlan.everyNthCall(3, DbErrorKind.CONNECTION));

        assertFailsWith(DbErrorKind.CONNECTION, () -> store.inTransaction(operations -> {
            operations.upsertToken(token, actor());
            try {
                operations.saveTraderConfig(config, actor());
            } catch (DbException swallowed) {
                // a careless caller carries on
            }
            return null;
        }));
        store.withFailure(FailurePlan.never());
        assertThat(store.findToken(token.mint())).isEmpty();
        assertThat(store.findTraderConfig(config.trader())).isEmpty();
    }

    @Test
    void operationsUsedAfterTheirUnitAreRefused() {
        AtomicReference<ConfigOperations> leaked = new AtomicReference<>();
        store.inTransaction(operations -> {
            leaked.set(operations);
            return null;
        });

        assertFailsWith(DbErrorKind.CLOSED, () -> leaked.get().findToken(splToken().mint()));
    }

    @Test
    void writingThroughTheStoreInsideAUnitIsRefusedInsteadOfLost() {
        TokenMetadata token = splToken();

        assertFailsWith(DbErrorKind.UNSUPPORTED, () -> store.inTransaction(operations -> {
            store.upsertToken(token, actor());
            return null;
        }));
        assertThat(store.findToken(token.mint())).isEmpty();
    }

    @Test
    void aUnitOfWorkInProgressHoldsUpNoOtherCall() throws Exception {
        TraderConfig config = store.saveTraderConfig(traderConfig(traderId()), actor());
        java.util.concurrent.CountDownLatch workStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finishWork = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CompletableFuture<TraderConfig> unit = java.util.concurrent.CompletableFuture.supplyAsync(() -> store.inTransaction(ops -> {
            TraderConfig current = ops.findTraderConfig(config.trader()).orElseThrow();
            workStarted.countDown();
            try {
                finishWork.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ops.saveTraderConfig(current.withVersion(current.version()), actor());
        }));
        assertThat(workStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        TokenMetadata token = splToken();
        java.util.concurrent.CompletableFuture<Void> others = java.util.concurrent.CompletableFuture.runAsync(() -> {
            store.upsertToken(token, actor());
            store.recordNodeHealth(io.soltrade.data.ports.contract.ContractFixtures.nodeHealth("rpc-1", NOW));
            assertThat(store.findTraderConfig(config.trader())).contains(config);
        });
        try {
            others.get(10, java.util.concurrent.TimeUnit.SECONDS); // while the unit's work is still running
        } finally {
            finishWork.countDown();
        }
        assertThat(unit.get(10, java.util.concurrent.TimeUnit.SECONDS).version()).as("the unit read nothing others changed: it commits")
                .isEqualTo(config.version() + 1);
        assertThat(store.findToken(token.mint())).contains(token);
        assertThat(store.findNodeHealth("rpc-1")).isPresent();
    }

    @Test
    void aUnitWhoseReadsChangedBeforeItCommittedIsASerializationConflictAndLeavesNothing() throws Exception {
        TraderConfig config = store.saveTraderConfig(traderConfig(traderId()), actor());
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch changedMeanwhile = new java.util.concurrent.CountDownLatch(1);
        TokenMetadata token = splToken();
        java.util.concurrent.CompletableFuture<Object> unit = java.util.concurrent.CompletableFuture.supplyAsync(() -> store.inTransaction(ops -> {
            TraderConfig current = ops.findTraderConfig(config.trader()).orElseThrow();
            read.countDown();
            try {
                changedMeanwhile.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ops.upsertToken(token, actor());
            return ops.saveTraderConfig(current, actor());
        }));
        assertThat(read.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        TraderConfig other;
        try {
            other = java.util.concurrent.CompletableFuture.supplyAsync(() -> store.saveTraderConfig(config, actor()))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS); // while the unit's work is still running
        } finally {
            changedMeanwhile.countDown();
        }

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> unit.get(10, java.util.concurrent.TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(io.soltrade.data.ports.TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.SERIALIZATION_CONFLICT);
        assertThat(store.findTraderConfig(config.trader())).contains(other);
        assertThat(store.findToken(token.mint())).as("nothing of the conflicting unit").isEmpty();
        assertThat(store.auditTrail(TRADER_CONFIG, config.trader().value(), 10)).hasSize(2);
    }

    @Test
    void simulatedLatencyIsNotSpentUnderTheStoreLock() throws Exception {
        store.withLatency(java.time.Duration.ofMillis(800));
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            long started = System.nanoTime();
            java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> store.upsertToken(splToken(), actor())));
            }
            for (java.util.concurrent.Future<?> call : calls) {
                call.get(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            // one after the other they take 3.2 s; side by side, one latency and a little
            assertThat(tookMillis).as("four 800 ms writes on four threads").isLessThan(2_400);
        } finally {
            callers.shutdownNow();
        }
    }
}
