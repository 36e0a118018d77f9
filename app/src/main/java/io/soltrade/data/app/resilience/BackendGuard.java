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
import io.soltrade.data.ports.Idempotency;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PortOperation;
import io.soltrade.data.ports.TransientDbException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to one backend goes through here: {@code retry(circuitBreaker(timeLimiter(call)))}, timed.
 *
 * <p>The breaker is per backend, so all ports on a struggling server fail fast together; it counts only
 * transient failures (a rejected input says nothing about the server). An open breaker is not retried: the
 * call fails at once with a {@link TransientDbException} of kind {@link DbErrorKind#UNAVAILABLE}. Which failures
 * are retried is read from the ports' {@link PortOperation} table (its {@link Idempotency}), except for the
 * operations the adapter retries by itself ({@link AdapterRetries}): those are retried here only after a full
 * buffer that took nothing ({@code BACKPRESSURE}). Async calls also get a time limit, since a future that never completes would
 * otherwise hold its caller forever; sync calls are bounded by the drivers' own socket and statement timeouts,
 * which (unlike a thread interrupt) leave the connection usable. Every future this returns completes, whatever
 * the adapter throws (an {@link Error} included).
 */
final class BackendGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BackendGuard.class);

    private final Backend backend;
    private final BreakerCalls breaker;
    private final Retries retries;
    private final TimeLimiter timeLimiter;
    private final TimeLimiter adapterTimeLimiter;
    private final AdapterRetries adapterRetries;
    private final ScheduledExecutorService scheduler;
    private final PortCallMeter meter;

    /**
     * The three retries of one backend.
     *
     * @param idempotent          any transient failure
     * @param notIdempotent       only failures that prove nothing was applied
     * @param afterAdapterRetries for the operations the adapter retries itself: only a full buffer that took nothing
     *                            (what the adapter gave up on after its own deadline is not tried again)
     */
    record Retries(Retry idempotent, Retry notIdempotent, Retry afterAdapterRetries) {}

    BackendGuard(Backend backend, BreakerCalls breaker, Retries retries, TimeLimiter timeLimiter,
            TimeLimiter adapterTimeLimiter, AdapterRetries adapterRetries, ScheduledExecutorService scheduler, PortCallMeter meter) {
        this.backend = backend;
        this.breaker = breaker;
        this.retries = retries;
        this.timeLimiter = timeLimiter;
        this.adapterTimeLimiter = adapterTimeLimiter;
        this.adapterRetries = adapterRetries;
        this.scheduler = scheduler;
        this.meter = meter;
    }

    Backend backend() {
        return backend;
    }

    CircuitBreaker breaker() {
        return breaker.breaker();
    }

    PortCallMeter meter() {
        return meter;
    }

    <T> T call(Port port, PortOperation operation, Supplier<T> call) {
        Supplier<T> guarded = Retry.decorateSupplier(retryFor(operation), () -> breaker.call(call));
        long start = System.nanoTime();
        try {
            T result = guarded.get();
            meter.record(port, operation.method(), null, System.nanoTime() - start);
            return result;
        } catch (RuntimeException e) {
            RuntimeException translated = translate(e);
            meter.record(port, operation.method(), translated, System.nanoTime() - start);
            throw translated;
        }
    }

    void run(Port port, PortOperation operation, Runnable call) {
        call(port, operation, () -> {
            call.run();
            return null;
        });
    }

    /**
     * An async write: time-limited, breaker-guarded and retried. The returned future always completes: with the
     * value, or with a {@link DbException} (an {@link Error} the adapter threw or failed its future with arrives as
     * a {@link PermanentDbException} of kind QUERY with the error as its cause, and is not retried).
     */
    <T> CompletableFuture<T> callAsync(Port port, PortOperation operation, Supplier<? extends CompletionStage<T>> call) {
        TimeLimiter limiter = limiterFor(operation);
        Supplier<CompletionStage<T>> attempt = () -> normalised(limiter, limiter.executeCompletionStage(scheduler, () -> started(call)));
        Supplier<CompletionStage<T>> guarded = Retry.decorateCompletionStage(retryFor(operation), scheduler,
                () -> breaker.callAsync(attempt));
        long start = System.nanoTime();
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletionStage<T> outcome;
        try {
            outcome = guarded.get();
        } catch (Throwable failure) {
            outcome = CompletableFuture.failedFuture(failure);
        }
        outcome.whenComplete((value, failure) -> {
            RuntimeException translated = null;
            try {
                translated = failure == null ? null : translate(failure);
                meter.record(port, operation.method(), translated, System.nanoTime() - start);
            } catch (Throwable callbackFailure) {
                LOG.warn("recording {}.{} failed: {}", port.key(), operation.method(), callbackFailure.toString());
                if (failure != null && translated == null) {
                    translated = unexpected(callbackFailure);
                }
            } finally {
                if (translated == null) {
                    result.complete(value);
                } else {
                    result.completeExceptionally(translated);
                }
            }
        });
        return result;
    }

    private Retry retryFor(PortOperation operation) {
        if (operation.isLocal()) {
            throw new IllegalArgumentException(operation + " does no I/O: it is not guarded");
        }
        if (adapterRetries.covers(operation)) {
            return retries.afterAdapterRetries();
        }
        return operation.idempotency() == Idempotency.IDEMPOTENT ? retries.idempotent() : retries.notIdempotent();
    }

    private TimeLimiter limiterFor(PortOperation operation) {
        return adapterRetries.covers(operation) ? adapterTimeLimiter : timeLimiter;
    }

    /** Calls {@code call}, turning anything it throws (an {@link Error} included) into a failed stage. */
    private static <T> CompletionStage<T> started(Supplier<? extends CompletionStage<T>> call) {
        try {
            CompletionStage<T> stage = call.get();
            return stage != null ? stage : CompletableFuture.failedFuture(new IllegalStateException("the adapter returned no future"));
        } catch (Throwable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A stage that fails with the bare cause (no CompletionException wrapper) and with a timeout as TIMEOUT. */
    private <T> CompletionStage<T> normalised(TimeLimiter limiter, CompletionStage<T> stage) {
        CompletableFuture<T> out = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure == null) {
                out.complete(value);
                return;
            }
            Throwable cause = unwrap(failure);
            Throwable outcome = cause;
            try {
                if (cause instanceof TimeoutException) {
                    outcome = new TransientDbException(DbErrorKind.TIMEOUT, backend.key(), "async call did not complete within "
                            + limiter.getTimeLimiterConfig().getTimeoutDuration(), null, cause);
                }
            } finally {
                out.completeExceptionally(outcome);
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
                    "circuit breaker of " + backend.key() + " is " + breaker.breaker().getState() + ": failing fast", null, open);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return unexpected(cause);
    }

    /** What the caller of an async call gets for a throwable that is no {@link RuntimeException}: a checked exception or an Error. */
    private RuntimeException unexpected(Throwable cause) {
        return new PermanentDbException(DbErrorKind.QUERY, backend.key(), "unexpected " + cause, null, cause);
    }
}
