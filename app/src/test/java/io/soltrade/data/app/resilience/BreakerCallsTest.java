package io.soltrade.data.app.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.EventProcessor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.Samples;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The breaker's meters, recorded by {@link BreakerCalls} instead of from the breaker's events: the same meters a
 * host saw from Resilience4j's own binding, and no event built per successful call.
 */
class BreakerCallsTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ResilientPorts guards = new ResilientPorts(Samples.fastPolicy(), List.of(Backend.MEMORY), meters);
    private final BackendGuard guard = guards.of(Backend.MEMORY);
    private final MemoryTradeStore memoryTrades = new MemoryTradeStore();
    private final TradeStore trades = new ResilientTradeStore(memoryTrades, guard);

    @AfterEach
    void stopScheduler() {
        guards.close();
    }

    @Test
    void theBreakerBuildsNoEventPerCallUnlessAHostListens() {
        trades.save(Samples.trade(1));

        assertThat(((EventProcessor<?>) guard.breaker().getEventPublisher()).hasConsumers())
                .as("no event consumer, so the breaker builds no CircuitBreakerOnSuccessEvent per call")
                .isFalse();

        AtomicInteger heard = new AtomicInteger();
        guard.breaker().getEventPublisher().onSuccess(event -> heard.incrementAndGet());
        trades.save(Samples.trade(2));
        assertThat(heard).as("a host's own consumer still hears every call").hasValue(1);
    }

    @Test
    void everyOutcomeIsCountedUnderResilience4jsNamesAndTags() {
        trades.save(Samples.trade(1));
        trades.saveAsync(Samples.trade(2)).join();
        memoryTrades.withFailure(FailurePlan.always(DbErrorKind.CONSTRAINT));
        assertThatThrownBy(() -> trades.save(Samples.trade(3))).isInstanceOf(PermanentDbException.class);
        assertThatThrownBy(() -> trades.saveAsync(Samples.trade(4)).join()).isInstanceOf(CompletionException.class);
        memoryTrades.withFailure(FailurePlan.alwaysTransient());
        // Window of 4, at least 4 calls, opens at 75 % failed: S S F F is 50 %, S F F F opens it, so the retry's fourth
        // attempt is not permitted, nor is the next call.
        assertThatThrownBy(() -> trades.findById(Samples.trade(1).id())).isInstanceOf(TransientDbException.class);
        assertThatThrownBy(() -> trades.save(Samples.trade(5))).isInstanceOf(TransientDbException.class);

        assertThat(guard.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls("successful")).isEqualTo(2);
        assertThat(calls("ignored")).as("permanent failures: ignored by the breaker").isEqualTo(2);
        assertThat(calls("failed")).isEqualTo(3);
        assertThat(meters.get("resilience4j.circuitbreaker.not.permitted.calls").tags("name", "memory", "kind", "not_permitted")
                .counter().count()).isEqualTo(2);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "memory", "state", "open").gauge().value()).isEqualTo(1);
        assertThat(meters.get("resilience4j.circuitbreaker.failure.rate").tags("name", "memory").gauge().value()).isEqualTo(75);
        assertThat(meters.get("resilience4j.circuitbreaker.buffered.calls").tags("name", "memory", "kind", "failed").gauge().value())
                .isEqualTo(3);
    }

    private long calls(String kind) {
        return meters.get("resilience4j.circuitbreaker.calls").tags("name", "memory", "kind", kind).timer().count();
    }
}
