package io.soltrade.data.app;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedTimeLimiterMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.soltrade.data.ports.DbException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link BackendGuard} per backend, built from the {@link ResiliencePolicy}, with the Resilience4j
 * registries bound to Micrometer (retry counts, breaker state and failure rate, time-limiter outcomes). Owns the
 * scheduler that async retries and time limits run on; {@link #close()} stops it.
 */
final class BackendGuards implements AutoCloseable {
    private final Map<Backend, BackendGuard> guards = new EnumMap<>(Backend.class);
    private final ScheduledExecutorService scheduler;

    BackendGuards(ResiliencePolicy policy, Collection<Backend> backends, MeterRegistry meters) {
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "soltrade-resilience-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(breakerConfig(policy.circuitBreaker()));
        RetryRegistry retries = RetryRegistry.ofDefaults();
        TimeLimiterRegistry limiters = TimeLimiterRegistry.of(TimeLimiterConfig.custom()
                .timeoutDuration(policy.asyncTimeout())
                .cancelRunningFuture(true)
                .build());
        for (Backend backend : backends) {
            guards.put(backend, new BackendGuard(backend,
                    breakers.circuitBreaker(backend.key()),
                    retries.retry(backend.key() + ".idempotent", retryConfig(policy.retry(), Idempotency.IDEMPOTENT)),
                    retries.retry(backend.key() + ".not-idempotent", retryConfig(policy.retry(), Idempotency.NOT_IDEMPOTENT)),
                    limiters.timeLimiter(backend.key()),
                    scheduler,
                    new PortCallMeter(meters, backend)));
        }
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedTimeLimiterMetrics.ofTimeLimiterRegistry(limiters).bindTo(meters);
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

    static RetryConfig retryConfig(RetryPolicy policy, Idempotency idempotency) {
        return RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(
                        policy.initialBackoff(), policy.multiplier(), policy.randomization(), policy.maxBackoff()))
                .retryOnException(failure -> idempotency.allowsRetryAfter(BackendGuard.unwrap(failure)))
                .build();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
