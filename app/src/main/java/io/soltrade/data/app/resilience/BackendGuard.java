package io.soltrade.data.app.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.Port;
import io.soltrade.data.app.metrics.PortCallMeter;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TransientDbException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Every call to one backend goes through here: {@code retry(circuitBreaker(timeLimiter(call)))}, timed.
 *
 * <p>The breaker is per backend, so all ports on a struggling server fail fast together; it counts only
 * transient failures (a rejected input says nothing about the server). An open breaker is not retried: the
 * call fails at once with a {@link TransientDbException} of kind {@link DbErrorKind#UNAVAILABLE}. Which failures
 * are retried depends on the operation's {@link Idempotency}. Async calls also get a time limit, since a future
 * that never completes would otherwise hold its caller forever; sync calls are bounded by the drivers' own
 * socket and statement timeouts, which (unlike a thread interrupt) leave the connection usable.
 */
final class BackendGuard {
    private final Backend backend;
    private final CircuitBreaker breaker;
    private final Retry idempotentRetry;
    private final Retry notIdempotentRetry;
    private final TimeLimiter timeLimiter;
    private final ScheduledExecutorService scheduler;
    private final PortCallMeter meter;

    BackendGuard(Backend backend, CircuitBreaker breaker, Retry idempotentRetry, Retry notIdempotentRetry,
            TimeLimiter timeLimiter, ScheduledExecutorService scheduler, PortCallMeter meter) {
        this.backend = backend;
        this.breaker = breaker;
        this.idempotentRetry = idempotentRetry;
        this.notIdempotentRetry = notIdempotentRetry;
        this.timeLimiter = timeLimiter;
        this.scheduler = scheduler;
        this.meter = meter;
    }

    Backend backend() {
        return backend;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    PortCallMeter meter() {
        return meter;
    }

    <T> T call(Port port, String operation, Idempotency idempotency, Supplier<T> call) {
        Supplier<T> guarded = Retry.decorateSupplier(retryFor(idempotency), CircuitBreaker.decorateSupplier(breaker, call));
        long start = System.nanoTime();
        try {
            T result = guarded.get();
            meter.record(port, operation, null, System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            RuntimeException translated = translate(e);
            meter.record(port, operation, translated, System.nanoTime() - start);
            throw translated;
        }
    }

    void run(Port port, String operation, Idempotency idempotency, Runnable call) {
        call(port, operation, idempotency, () -> {
            call.run();
            return null;
        });
    }

    /** An async write: time-limited, breaker-guarded and retried; the returned future completes with a DbException on failure. */
    <T> CompletableFuture<T> callAsync(Port port, String operation, Idempotency idempotency, Supplier<? extends CompletionStage<T>> call) {
        Supplier<CompletionStage<T>> attempt = () -> normalised(timeLimiter.executeCompletionStage(scheduler, () -> started(call)));
        Supplier<CompletionStage<T>> guarded = Retry.decorateCompletionStage(retryFor(idempotency), scheduler,
                CircuitBreaker.decorateCompletionStage(breaker, attempt));
        long start = System.nanoTime();
        CompletableFuture<T> result = new CompletableFuture<>();
        guarded.get().whenComplete((value, failure) -> {
            if (failure == null) {
                meter.record(port, operation, null, System.nanoTime() - start);
                result.complete(value);
            } else {
                RuntimeException translated = translate(failure);
                meter.record(port, operation, translated, System.nanoTime() - start);
                result.completeExceptionally(translated);
            }
        });
        return result;
    }

    private Retry retryFor(Idempotency idempotency) {
        return idempotency == Idempotency.IDEMPOTENT ? idempotentRetry : notIdempotentRetry;
    }

    /** Calls {@code call}, turning a synchronous throw into a failed stage. */
    private static <T> CompletionStage<T> started(Supplier<? extends CompletionStage<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A stage that fails with the bare cause (no CompletionException wrapper) and with a timeout as TIMEOUT. */
    private <T> CompletionStage<T> normalised(CompletionStage<T> stage) {
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
            } else {
                Throwable cause = unwrap(failure);
                out.completeExceptionally(cause instanceof TimeoutException
                        ? new TransientDbException(DbErrorKind.TIMEOUT, backend.key(), "async call did not complete within " + timeLimiter.getTimeLimiterConfig().getTimeoutDuration(), null, cause)
                        : cause);
            }
        });
        return out;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private RuntimeException translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof CallNotPermittedException open) {
            return new TransientDbException(DbErrorKind.UNAVAILABLE, backend.key(),
                    "circuit breaker of " + backend.key() + " is " + breaker.getState() + ": failing fast", null, open);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return DbException.of(DbErrorKind.QUERY, backend.key(), "unexpected checked exception: " + cause, null, cause);
    }
}
