package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.resilience.AdapterRetries;
import io.soltrade.data.app.resilience.ResilientPorts;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.Idempotency;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PortOperation;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Every method of every decorated port, called through its decorator with an adapter that fails once: the decorator
 * retries exactly as the ports' {@link PortOperation} table classifies the method (an idempotent call after any
 * transient failure, a non-idempotent one only after a failure that proves nothing was applied), and times it under
 * the method's name; local methods pass straight through. On a backend whose adapter retries its writes itself
 * (QuestDB's batch writer), those writes are not retried after a failure it retried to its deadline (a connection
 * failure, a timeout, no pooled connection), only after a full buffer that took nothing.
 */
class DecoratedOperationsTest {
    private static final Map<Class<?>, Decorator> DECORATORS = Map.of(
            TradeStore.class, (ports, backend, adapter) -> ports.trades(backend, (TradeStore) adapter),
            PositionStore.class, (ports, backend, adapter) -> ports.positions(backend, (PositionStore) adapter),
            MetricsStore.class, (ports, backend, adapter) -> ports.metrics(backend, (MetricsStore) adapter),
            MevEventStore.class, (ports, backend, adapter) -> ports.mevEvents(backend, (MevEventStore) adapter),
            ConfigStore.class, (ports, backend, adapter) -> ports.configStore(backend, (ConfigStore) adapter),
            PriceCache.class, (ports, backend, adapter) -> ports.prices(backend, (PriceCache) adapter),
            PoolStateCache.class, (ports, backend, adapter) -> ports.pools(backend, (PoolStateCache) adapter),
            EventStream.class, (ports, backend, adapter) -> ports.streams(backend, (EventStream) adapter),
            LiveFeed.class, (ports, backend, adapter) -> ports.feed(backend, (LiveFeed) adapter));

    @Test
    void everyDecoratedMethodRetriesAsThePortsTableClassifiesIt() throws Exception {
        int checked = 0;
        for (Class<?> port : DECORATORS.keySet()) {
            for (Method method : operationsOf(port)) {
                PortOperation operation = PortOperation.of(method.getDeclaringClass(), method.getName());
                if (operation.isLocal()) {
                    Outcome outcome = callOnce(Backend.MEMORY, AdapterRetries.none(), port, method, DbErrorKind.CONNECTION);
                    assertThat(outcome.adapterCalls).as("%s passes straight through", operation).isEqualTo(1);
                    assertThat(outcome.timedCalls).as("%s is not timed", operation).isZero();
                    continue;
                }
                boolean idempotent = operation.idempotency() == Idempotency.IDEMPOTENT;
                Outcome afterConnection = callOnce(Backend.MEMORY, AdapterRetries.none(), port, method, DbErrorKind.CONNECTION);
                assertThat(afterConnection.adapterCalls).as("%s after CONNECTION", operation).isEqualTo(idempotent ? 2 : 1);
                assertThat(afterConnection.timedCalls).as("%s timed once under its name", operation).isEqualTo(1);
                Outcome afterPool = callOnce(Backend.MEMORY, AdapterRetries.none(), port, method, DbErrorKind.POOL_EXHAUSTED);
                assertThat(afterPool.adapterCalls).as("%s after POOL_EXHAUSTED", operation).isEqualTo(2);
                checked++;
            }
        }
        assertThat(checked).as("decorated operations checked").isGreaterThan(60);
    }

    @Test
    void writesTheQuestDbWriterRetriesAreRetriedOnlyAfterBackpressure() throws Exception {
        AdapterRetries writer = new AdapterRetries(SelfRetriedOperations.QUESTDB_WRITES, Duration.ofSeconds(5));
        List<PortOperation> writes = new ArrayList<>();
        for (Class<?> port : List.of(TradeStore.class, PositionStore.class, MetricsStore.class, MevEventStore.class)) {
            for (Method method : operationsOf(port)) {
                PortOperation operation = PortOperation.of(method.getDeclaringClass(), method.getName());
                boolean selfRetried = SelfRetriedOperations.QUESTDB_WRITES.contains(operation);
                for (DbErrorKind kind : List.of(DbErrorKind.CONNECTION, DbErrorKind.TIMEOUT, DbErrorKind.POOL_EXHAUSTED)) {
                    Outcome outcome = callOnce(Backend.QUESTDB, writer, port, method, kind);
                    assertThat(outcome.adapterCalls).as("%s after %s", operation, kind).isEqualTo(selfRetried ? 1 : 2);
                }
                assertThat(callOnce(Backend.QUESTDB, writer, port, method, DbErrorKind.BACKPRESSURE).adapterCalls)
                        .as("%s after BACKPRESSURE (nothing taken)", operation).isEqualTo(2);
                if (selfRetried) {
                    writes.add(operation);
                }
            }
        }
        assertThat(writes).containsExactlyInAnyOrderElementsOf(SelfRetriedOperations.QUESTDB_WRITES);
    }

    @Test
    void anAsyncWriteTheAdapterRetriesIsNotTimedOutBeforeTheAdaptersOwnBound() {
        // The app's async timeout (100 ms) is shorter than the writer's bound (2 s): the writer's answer at 600 ms wins.
        CompletableFuture<Void> late = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();
        TradeStore adapter = (TradeStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TradeStore.class},
                (proxy, method, args) -> {
                    calls.incrementAndGet();
                    CompletableFuture.delayedExecutor(600, TimeUnit.MILLISECONDS).execute(() -> late.complete(null));
                    return late;
                });
        try (ResilientPorts ports = new ResilientPorts(Samples.fastPolicy(),
                Map.of(Backend.QUESTDB, new AdapterRetries(SelfRetriedOperations.QUESTDB_WRITES, Duration.ofSeconds(2))), new SimpleMeterRegistry())) {
            ports.trades(Backend.QUESTDB, adapter).saveAsync(Samples.trade(1)).join();
        }
        assertThat(calls).as("one offer to the writer, never a second copy").hasValue(1);

        try (ResilientPorts ports = new ResilientPorts(Samples.fastPolicy(), List.of(Backend.MEMORY), new SimpleMeterRegistry())) {
            TradeStore alwaysLate = (TradeStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TradeStore.class},
                    (proxy, method, args) -> new CompletableFuture<Void>());
            assertThatThrownBy(() -> ports.trades(Backend.MEMORY, alwaysLate).saveAsync(Samples.trade(2)).join())
                    .as("the app's own limit applies where the adapter retries nothing itself")
                    .hasCauseInstanceOf(TransientDbException.class).hasMessageContaining("did not complete within PT0.1S");
        }
    }

    private record Outcome(int adapterCalls, long timedCalls) {}

    /** Calls {@code method} of a decorated {@code port} whose adapter fails with {@code kind} once, then succeeds. */
    private static Outcome callOnce(Backend backend, AdapterRetries adapterRetries, Class<?> port, Method method, DbErrorKind kind)
            throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AtomicInteger calls = new AtomicInteger();
        Object adapter = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            if (called.getDeclaringClass() == Object.class) {
                return called.getName().equals("toString") ? "adapter" : null;
            }
            boolean first = calls.getAndIncrement() == 0;
            TransientDbException failure = new TransientDbException(kind, backend.key(), "fails once", null, null);
            if (called.getReturnType() == CompletableFuture.class) {
                return first ? CompletableFuture.failedFuture(failure) : CompletableFuture.completedFuture(null);
            }
            if (first) {
                throw failure;
            }
            return defaultOf(called.getReturnType());
        });
        try (ResilientPorts ports = new ResilientPorts(Samples.fastPolicy(), Map.of(backend, adapterRetries), meters)) {
            Object decorated = DECORATORS.get(port).decorate(ports, backend, adapter);
            Object[] args = Arrays.stream(method.getParameterTypes()).map(DecoratedOperationsTest::defaultOf).toArray();
            try {
                Object result = method.invoke(decorated, args);
                if (result instanceof CompletableFuture<?> future) {
                    future.handle((value, failure) -> null).get(10, TimeUnit.SECONDS);
                }
            } catch (InvocationTargetException e) {
                assertThat(e.getCause()).as("%s.%s", port.getSimpleName(), method.getName()).isInstanceOf(TransientDbException.class);
            }
            long timed = meters.find("soltrade.port.calls").tag("operation", method.getName()).timers().stream()
                    .mapToLong(timer -> timer.count()).sum();
            return new Outcome(calls.get(), timed);
        }
    }

    private static Object defaultOf(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == double.class) {
            return type == int.class ? (Object) 0 : type == long.class ? (Object) 0L : (Object) 0.0;
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null;
    }

    @FunctionalInterface
    private interface Decorator {
        Object decorate(ResilientPorts ports, Backend backend, Object adapter);
    }

    /** The port's operations: its public instance methods, inherited ones included. */
    private static List<Method> operationsOf(Class<?> port) {
        return Arrays.stream(port.getMethods()).filter(method -> !Modifier.isStatic(method.getModifiers())).toList();
    }
}
