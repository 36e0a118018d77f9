package io.soltrade.data.app.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.micrometer.tagged.CircuitBreakerMetricNames;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetricsPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One backend's circuit breaker around a call, as Resilience4j's {@code CircuitBreaker.decorateSupplier} and
 * {@code decorateCompletionStage} would put it, and the breaker's call meters recorded here rather than from its
 * events.
 *
 * <p>Why: Resilience4j's Micrometer binding records {@code resilience4j.circuitbreaker.calls} and
 * {@code ...not.permitted.calls} from the breaker's events, and a breaker with any event consumer builds an event
 * (with a {@code ZonedDateTime.now()}) for every successful call: a measurable share of the cheapest reads
 * (docs/bench.md). So the gauges (state, buffered and slow calls, failure and slow-call rates) are bound as
 * Resilience4j binds them, through a view of the breaker that accepts no event consumer, and the four call meters,
 * same names, tags and descriptions, are recorded by {@link #call} and {@link #callAsync}, classified as the breaker
 * classifies the outcome: ignored exception, recorded exception (failed), anything else successful. A host that adds
 * its own event consumer to the breaker still gets every event.
 */
final class BreakerCalls {
    private static final CircuitBreakerMetricNames NAMES = CircuitBreakerMetricNames.ofDefaults();

    private final CircuitBreaker breaker;
    /**
     * The view the gauges were bound to. Micrometer gauges hold their object weakly: were nothing else to reference
     * this view, the first collection would turn every state gauge into NaN (a host's {@code /metrics} would show no
     * breaker state at all, as a drill in CI did).
     */
    private final CircuitBreaker gaugedView;
    private final CircuitBreakerConfig config;
    private final TimeUnit unit;
    private final Timer successful;
    private final Timer failed;
    private final Timer ignored;
    private final Counter notPermitted;

    private BreakerCalls(CircuitBreaker breaker, CircuitBreaker gaugedView, MeterRegistry registry) {
        this.breaker = breaker;
        this.gaugedView = gaugedView;
        this.config = breaker.getCircuitBreakerConfig();
        this.unit = breaker.getTimestampUnit();
        Tags tags = Tags.of("name", breaker.getName());
        for (var tag : breaker.getTags().entrySet()) {
            tags = tags.and(Tag.of(tag.getKey(), tag.getValue()));
        }
        // Registering an id again returns the meter Resilience4j registered (or a no-op one, if a filter denies it).
        this.successful = callTimer(registry, tags, "successful", "Total number of successful calls");
        this.failed = callTimer(registry, tags, "failed", "Total number of failed calls");
        this.ignored = callTimer(registry, tags, "ignored", "Total number of calls which failed but the exception was ignored");
        this.notPermitted = Counter.builder(NAMES.getNotPermittedCallsMetricName())
                .description("Total number of not permitted calls")
                .tags(tags).tag("kind", "not_permitted")
                .register(registry);
    }

    /** {@code breaker} with its meters bound to {@code registry}: Resilience4j's gauges, and the call meters fed by this. */
    static BreakerCalls bind(CircuitBreaker breaker, MeterRegistry registry) {
        CircuitBreaker view = withoutEventConsumers(breaker);
        new TaggedCircuitBreakerMetricsPublisher(NAMES, registry).publishMetrics(view);
        return new BreakerCalls(breaker, view, registry);
    }

    private static Timer callTimer(MeterRegistry registry, Tags tags, String kind, String description) {
        return Timer.builder(NAMES.getCallsMetricName()).description(description).tags(tags).tag("kind", kind).register(registry);
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * Runs {@code call} if the breaker permits it, recording its outcome in the breaker and the meters.
     *
     * @throws CallNotPermittedException if the breaker is open
     */
    <T> T call(Supplier<T> call) {
        long start = permit();
        T result;
        try {
            result = call.get();
        } catch (Throwable failure) {
            failed(start, failure);
            throw failure;
        }
        succeeded(start);
        return result;
    }

    /**
     * {@code call}'s stage if the breaker permits it, its outcome recorded as it completes; a stage failed with
     * {@link CallNotPermittedException} if the breaker is open. {@code call} is expected not to throw (a throw is
     * recorded and becomes the stage's failure).
     */
    <T> CompletionStage<T> callAsync(Supplier<CompletionStage<T>> call) {
        long start;
        try {
            start = permit();
        } catch (CallNotPermittedException open) {
            return CompletableFuture.failedFuture(open);
        }
        CompletableFuture<T> promise = new CompletableFuture<>();
        try {
            call.get().whenComplete((result, failure) -> {
                if (failure == null) {
                    succeeded(start);
                    promise.complete(result);
                } else {
                    failed(start, failure);
                    promise.completeExceptionally(failure);
                }
            });
        } catch (Throwable failure) {
            failed(start, failure);
            promise.completeExceptionally(failure);
        }
        return promise;
    }

    private long permit() {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException open) {
            notPermitted.increment();
            throw open;
        }
        return breaker.getCurrentTimestamp();
    }

    /** No result is recorded as a failure here (the configuration sets no result predicate), so success is onSuccess. */
    private void succeeded(long start) {
        long duration = breaker.getCurrentTimestamp() - start;
        breaker.onSuccess(duration, unit);
        successful.record(duration, unit);
    }

    private void failed(long start, Throwable failure) {
        long duration = breaker.getCurrentTimestamp() - start;
        breaker.onError(duration, unit, failure);
        // The breaker's own classification (CircuitBreakerStateMachine.onError): one level of wrapper taken off, then
        // ignored, recorded, or else counted as a success.
        Throwable cause = (failure instanceof CompletionException || failure instanceof ExecutionException) && failure.getCause() != null
                ? failure.getCause() : failure;
        Timer kind = config.getIgnoreExceptionPredicate().test(cause) ? ignored
                : config.getRecordExceptionPredicate().test(cause) ? failed
                : successful;
        kind.record(duration, unit);
    }

    /** {@code breaker} as the metrics binding sees it: everything delegated, except that its event publisher takes no consumer. */
    private static CircuitBreaker withoutEventConsumers(CircuitBreaker breaker) {
        ClassLoader loader = CircuitBreaker.class.getClassLoader();
        Object publisher = Proxy.newProxyInstance(loader, new Class<?>[] {CircuitBreaker.EventPublisher.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "the event publisher of " + breaker.getName() + " as the metrics binding sees it (takes no consumer)";
                    default -> proxy; // every registration (onSuccess, onError, onEvent, ...) returns the publisher, registering nothing
                });
        return (CircuitBreaker) Proxy.newProxyInstance(loader, new Class<?>[] {CircuitBreaker.class}, (proxy, method, args) -> {
            if (method.getName().equals("getEventPublisher") && method.getParameterCount() == 0) {
                return publisher;
            }
            try {
                return method.invoke(breaker, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
