package io.soltrade.data.app.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.BreakerPolicy;
import io.soltrade.data.app.config.ResiliencePolicy;
import io.soltrade.data.app.config.RetryPolicy;
import io.soltrade.data.app.metrics.PortCallMeter;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.Idempotency;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps each port in its resilience decorator: {@code retry(circuitBreaker(timeLimiter(call)))}, timed, with one
 * {@link BackendGuard} per backend built from the {@link ResiliencePolicy} (so every port on a struggling server
 * fails fast together). The Resilience4j registries are bound to Micrometer (retry counts, breaker state and failure
 * rate, time-limiter outcomes; the breaker's call meters are recorded by {@link BreakerCalls}, not from its events). Owns the scheduler that async retries and time limits run on; {@link #close()}
 * stops it. Which failures each operation retries is read from the ports' {@code PortOperation} table, and for the
 * operations an adapter retries by itself from its {@link AdapterRetries}.
 */
public final class ResilientPorts implements AutoCloseable {
    private final Map<Backend, BackendGuard> guards = new EnumMap<>(Backend.class);
    private final ScheduledExecutorService scheduler;

    /** Guards for {@code backends}, whose adapters retry nothing by themselves; metrics go to {@code meters}. */
    public ResilientPorts(ResiliencePolicy policy, Collection<Backend> backends, MeterRegistry meters) {
        this(policy, noAdapterRetries(backends), meters);
    }

    /**
     * Guards for the backends of {@code adapterRetries} (the keys), each knowing what its adapter retries by itself,
     * publishing retry, breaker, time-limiter and port-call metrics to {@code meters}. An async call of an operation
     * the adapter retries is time-limited at the adapter's bound plus {@code async-timeout}, never at less.
     */
    public ResilientPorts(ResiliencePolicy policy, Map<Backend, AdapterRetries> adapterRetries, MeterRegistry meters) {
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "soltrade-resilience-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig(policy.circuitBreaker()));
        RetryRegistry retries = RetryRegistry.ofDefaults();
        TimeLimiterRegistry limiters = TimeLimiterRegistry.of(timeLimiterConfig(policy.asyncTimeout()));
        for (Map.Entry<Backend, AdapterRetries> entry : adapterRetries.entrySet()) {
            Backend backend = entry.getKey();
            AdapterRetries adapter = entry.getValue();
            String name = backend.key();
            guards.put(backend, new BackendGuard(backend,
                    BreakerCalls.bind(breakers.circuitBreaker(name), meters),
                    new BackendGuard.Retries(
                            retries.retry(name + ".idempotent", retryConfig(policy.retry(), Idempotency.IDEMPOTENT)),
                            retries.retry(name + ".not-idempotent", retryConfig(policy.retry(), Idempotency.NOT_IDEMPOTENT)),
                            retries.retry(name + ".after-adapter-retries", afterAdapterRetriesConfig(policy.retry()))),
                    limiters.timeLimiter(name),
                    limiters.timeLimiter(name + ".adapter-retries", timeLimiterConfig(adapterTimeLimit(policy, adapter))),
                    adapter,
                    scheduler,
                    new PortCallMeter(meters, backend)));
        }
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(limiters).bindTo(meters);
    }

    private static Map<Backend, AdapterRetries> noAdapterRetries(Collection<Backend> backends) {
        Map<Backend, AdapterRetries> none = new EnumMap<>(Backend.class);
        backends.forEach(backend -> none.put(backend, AdapterRetries.none()));
        return none;
    }

    /**
     * The time limit of an async call the adapter retries by itself: the adapter's own bound plus the policy's
     * {@code async-timeout}, so the outer deadline is never the shorter one.
     */
    static Duration adapterTimeLimit(ResiliencePolicy policy, AdapterRetries adapter) {
        return adapter.timeLimit().plus(policy.asyncTimeout());
    }

    private static TimeLimiterConfig timeLimiterConfig(Duration timeout) {
        return TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build();
    }

    public TradeStore trades(Backend backend, TradeStore trades) {
        return new ResilientTradeStore(trades, of(backend));
    }

    public PositionStore positions(Backend backend, PositionStore positions) {
        return new ResilientPositionStore(positions, of(backend));
    }

    public MetricsStore metrics(Backend backend, MetricsStore metrics) {
        return new ResilientMetricsStore(metrics, of(backend));
    }

    public MevEventStore mevEvents(Backend backend, MevEventStore mevEvents) {
        return new ResilientMevEventStore(mevEvents, of(backend));
    }

    public ConfigStore configStore(Backend backend, ConfigStore configStore) {
        return new ResilientConfigStore(configStore, of(backend));
    }

    public PriceCache prices(Backend backend, PriceCache prices) {
        return new ResilientPriceCache(prices, of(backend));
    }

    public PoolStateCache pools(Backend backend, PoolStateCache pools) {
        return new ResilientPoolStateCache(pools, of(backend));
    }

    public EventStream streams(Backend backend, EventStream streams) {
        return new ResilientEventStream(streams, of(backend));
    }

    public LiveFeed feed(Backend backend, LiveFeed feed) {
        return new ResilientLiveFeed(feed, of(backend));
    }

    /** The circuit breaker of {@code backend}: what its health check folds in. */
    public CircuitBreaker breaker(Backend backend) {
        return of(backend).breaker();
    }

    BackendGuard of(Backend backend) {
        BackendGuard guard = guards.get(backend);
        if (guard == null) {
            throw new IllegalArgumentException("no guard for backend " + backend + "; guarded: " + guards.keySet());
        }
        return guard;
    }

    static CircuitBreakerConfig breakerConfig(BreakerPolicy policy) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(policy.failureRateThreshold())
                .slidingWindowSize(policy.slidingWindowSize())
                .minimumNumberOfCalls(policy.minimumCalls())
                .waitDurationInOpenState(policy.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                .recordException(failure -> BackendGuard.unwrap(failure) instanceof DbException db && db.isTransient())
                .ignoreException(failure -> BackendGuard.unwrap(failure) instanceof DbException db && db.isPermanent())
                .build();
    }

    /**
     * Retries of the operations an adapter retries itself: only after {@code BACKPRESSURE}, a full buffer that took
     * nothing and that the adapter does not retry. Any other failure (a connection failure, a timeout, no pooled
     * connection for its id lookups) the adapter already retried until its own deadline; retrying it here would
     * multiply that deadline.
     */
    static RetryConfig afterAdapterRetriesConfig(RetryPolicy policy) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        policy.initialBackoff(), policy.multiplier(), policy.randomization(), policy.maxBackoff()))
                .retryOnException(failure -> BackendGuard.unwrap(failure) instanceof DbException db && db.isTransient()
                        && db.kind() == DbErrorKind.BACKPRESSURE)
                .build();
    }

    /** Retries of the operations of {@code idempotency}: any transient failure, or only those that prove nothing was applied. */
    static RetryConfig retryConfig(RetryPolicy policy, Idempotency idempotency) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        policy.initialBackoff(), policy.multiplier(), policy.randomization(), policy.maxBackoff()))
                .retryOnException(failure -> idempotency.allowsRetryAfter(BackendGuard.unwrap(failure)))
                .build();
    }

    /**
     * Stops the scheduler of async retries and time limits (calls still running fail as they complete) and removes
     * the port-call timers from the registry.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        guards.values().forEach(guard -> guard.meter().remove());
    }
}
