package io.soltrade.data.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.Samples;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.health.BackendHealth;
import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderRuleStatus;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.StopLoss;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryConfigStore;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The decorators against memory stores with injected failures. */
class ResilientPortsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ResilientPorts guards = new ResilientPorts(Samples.fastPolicy(), List.of(Backend.MEMORY), meters);
    private final BackendGuard guard = guards.of(Backend.MEMORY);
    private final MemoryTradeStore memoryTrades = new MemoryTradeStore();
    private final CountingTradeStore counted = new CountingTradeStore(memoryTrades);
    private final TradeStore trades = new ResilientTradeStore(counted, guard);

    @AfterEach
    void stopScheduler() {
        guards.close();
    }

    @Test
    void aTransientFailureOnEverySecondCallIsRetriedAndEveryWriteLands() {
        memoryTrades.withFailure(FailurePlan.everyNthCall(2, DbErrorKind.CONNECTION).onWritesOnly());

        IntStream.rangeClosed(1, 10).forEach(n -> trades.save(Samples.trade(n)));

        assertThat(counted.calls).hasValue(19);
        assertThat(memoryTrades.findBetween(TimeRange.of(Samples.START, Samples.START.plusSeconds(1)), 100)).hasSize(10);
    }

    @Test
    void everyCallIsTimedByPortOperationAndOutcome() {
        trades.save(Samples.trade(1));
        memoryTrades.withFailure(FailurePlan.always(DbErrorKind.CONSTRAINT));
        assertThatThrownBy(() -> trades.save(Samples.trade(2))).isInstanceOf(PermanentDbException.class);
        memoryTrades.withFailure(FailurePlan.always(DbErrorKind.TIMEOUT));
        assertThatThrownBy(() -> trades.findById(Samples.trade(1).id())).isInstanceOf(TransientDbException.class);

        assertThat(meters.get("soltrade.port.calls").tags("backend", "memory", "port", "trades", "operation", "save", "outcome", "ok", "kind", "none")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get("soltrade.port.calls").tags("operation", "save", "outcome", "permanent", "kind", "constraint").timer().count()).isEqualTo(1);
        assertThat(meters.get("soltrade.port.calls").tags("operation", "findById", "outcome", "transient").timers())
                .as("one call as the caller saw it, its retries included (the breaker may open on the last: kind timeout or unavailable)")
                .singleElement().satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
    }

    @Test
    void aPermanentFailureIsTriedExactlyOnce() {
        memoryTrades.withFailure(FailurePlan.always(DbErrorKind.CONSTRAINT));

        assertThatThrownBy(() -> trades.save(Samples.trade(1)))
                .isInstanceOf(PermanentDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CONSTRAINT);
        assertThat(counted.calls).hasValue(1);
    }

    @Test
    void aLastingTransientFailureIsTriedMaxAttemptsTimesThenThrown() {
        memoryTrades.withFailure(FailurePlan.alwaysTransient());

        assertThatThrownBy(() -> trades.findById(Samples.trade(1).id()))
                .isInstanceOf(TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CONNECTION);
        assertThat(counted.calls).hasValue(4);
    }

    @Test
    void anOpenBreakerFailsFastWithoutReachingTheStoreAndMakesTheBackendDown() {
        memoryTrades.withFailure(FailurePlan.alwaysTransient());
        assertThatThrownBy(() -> trades.save(Samples.trade(1))).isInstanceOf(TransientDbException.class);
        assertThat(guard.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        int callsWhenOpened = counted.calls.get();

        assertThatThrownBy(() -> trades.save(Samples.trade(2)))
                .isInstanceOf(TransientDbException.class)
                .hasMessageContaining("circuit breaker of memory is OPEN")
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.UNAVAILABLE);
        assertThat(counted.calls).hasValue(callsWhenOpened);

        HealthReport report = BackendHealth.of(Backend.MEMORY, List.of(alwaysUp()), guard.breaker()).check();
        assertThat(report.state()).isEqualTo(HealthState.DOWN);
        assertThat(report.details()).containsEntry("circuit", "OPEN");
        assertThat(report.error()).hasValueSatisfying(error -> assertThat(error).contains("circuit breaker open"));
    }

    @Test
    void permanentFailuresNeverOpenTheBreaker() {
        memoryTrades.withFailure(FailurePlan.always(DbErrorKind.QUERY));

        for (int n = 0; n < 20; n++) {
            assertThatThrownBy(() -> trades.save(Samples.trade(1))).isInstanceOf(PermanentDbException.class);
        }

        assertThat(guard.breaker().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(BackendHealth.of(Backend.MEMORY, List.of(alwaysUp()), guard.breaker()).check().state()).isEqualTo(HealthState.UP);
    }

    @Test
    void anAsyncWriteThatNeverCompletesTimesOutAsTransientAndIsRetried() {
        counted.hangingAsync();

        CompletableFuture<Void> saved = trades.saveAsync(Samples.trade(1));

        assertThatThrownBy(saved::join)
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.TIMEOUT);
        assertThat(counted.calls).hasValue(4);
    }

    @Test
    void anAsyncWriteFailingTransientlyIsRetriedAndCompletes() {
        memoryTrades.withFailure(FailurePlan.firstCalls(2, DbErrorKind.POOL_EXHAUSTED));

        trades.saveAsync(Samples.trade(1)).join();

        assertThat(counted.calls).hasValue(3);
        assertThat(memoryTrades.findById(Samples.trade(1).id())).isPresent();
    }

    @Test
    void anAsyncPermanentFailureIsTriedOnceAndSurfacesUnwrapped() {
        memoryTrades.withFailure(FailurePlan.always(DbErrorKind.CONSTRAINT));

        assertThatThrownBy(() -> trades.saveAsync(Samples.trade(1)).join())
                .cause().isInstanceOf(PermanentDbException.class);
        assertThat(counted.calls).hasValue(1);
    }

    @Test
    void aTriggerIsNotRetriedAfterAFailureThatMayHaveApplied() {
        MemoryConfigStore memoryConfig = new MemoryConfigStore();
        ResilientConfigStore config = new ResilientConfigStore(memoryConfig, guard);
        OrderRule rule = ruleReadyToTrigger(config);
        memoryConfig.withFailure(FailurePlan.firstCalls(1, DbErrorKind.CONNECTION).onWritesOnly());

        assertThatThrownBy(() -> config.trigger(rule.id(), Instant.now(), Actor.of("test")))
                .isInstanceOf(TransientDbException.class);

        assertThat(config.findOrderRule(rule.id())).map(OrderRule::status).hasValue(OrderRuleStatus.ACTIVE);
        assertThat(config.trigger(rule.id(), Instant.now(), Actor.of("test"))).isPresent();
    }

    @Test
    void aTriggerIsRetriedAfterTheServerAbortedIt() {
        MemoryConfigStore memoryConfig = new MemoryConfigStore();
        ResilientConfigStore config = new ResilientConfigStore(memoryConfig, guard);
        OrderRule rule = ruleReadyToTrigger(config);
        memoryConfig.withFailure(FailurePlan.firstCalls(2, DbErrorKind.SERIALIZATION_CONFLICT).onWritesOnly());

        Optional<OrderRule> triggered = config.trigger(rule.id(), Instant.now(), Actor.of("test"));

        assertThat(triggered).map(OrderRule::status).hasValue(OrderRuleStatus.TRIGGERED);
    }

    @Test
    void anErrorThrownByTheAdapterCompletesTheFutureAndIsNotRetried() {
        counted.throwingAsync(() -> new AssertionError("adapter bug"));

        CompletableFuture<Void> saved = trades.saveAsync(Samples.trade(1));

        assertThat(saved).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(PermanentDbException.class).withCauseInstanceOf(AssertionError.class);
        assertThat(counted.calls).hasValue(1);
    }

    @Test
    void anErrorCompletingTheAdaptersFutureCompletesTheCallersFuture() {
        counted.failingAsyncWith(new StackOverflowError("in a completion callback"));

        CompletableFuture<Void> saved = trades.saveAsync(Samples.trade(1));

        assertThat(saved).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(PermanentDbException.class).withCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void anErrorOnARetryOnTheSchedulerThreadCompletesTheCallersFuture() {
        memoryTrades.withFailure(FailurePlan.firstCalls(1, DbErrorKind.CONNECTION));
        counted.throwingAsyncFromCall(2, () -> new OutOfMemoryError("simulated, on the retry"));

        CompletableFuture<Void> saved = trades.saveAsync(Samples.trade(1));

        assertThat(saved).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(PermanentDbException.class).withCauseInstanceOf(OutOfMemoryError.class);
        assertThat(counted.calls).hasValue(2);
    }

    private static OrderRule ruleReadyToTrigger(ResilientConfigStore config) {
        Actor actor = Actor.of("test");
        TraderId trader = TraderId.of("trader-" + UUID.randomUUID());
        config.upsertToken(new TokenMetadata(Samples.SOL, TokenSymbol.of("SOL"), "Wrapped SOL", 9, TokenProgram.SPL_TOKEN, List.of()), actor);
        config.saveTraderConfig(TraderConfig.of(trader, TradingMode.PAPER,
                new RiskLimits(TokenAmount.of(1_000_000_000_000L), TokenAmount.of(10_000_000_000L), 100, 10),
                MevProtection.disabled(), Map.of()), actor);
        OrderRule rule = OrderRule.active(UUID.randomUUID(), trader, Samples.SOL, new StopLoss(new BigDecimal("140")),
                TokenAmount.of(1_000_000_000L), Instant.now());
        config.saveOrderRule(rule, actor);
        return rule;
    }

    private static HealthCheck alwaysUp() {
        return new HealthCheck() {
            @Override
            public String backend() {
                return "memory";
            }

            @Override
            public HealthReport check() {
                return HealthReport.up("memory", Duration.ofMillis(1), Map.of());
            }
        };
    }
}
