package io.soltrade.data.app.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.soltrade.data.domain.CircuitState;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A backend's own health check combined with its circuit breaker: the check still reaches the server (that is
 * how an operator sees it come back), but an open breaker makes the backend DOWN and a half-open one DEGRADED,
 * since that is what callers experience. The breaker state is reported in the details as {@code circuit}.
 */
final class GuardedHealthCheck implements HealthCheck {
    private final HealthCheck delegate;
    private final CircuitBreaker breaker;

    GuardedHealthCheck(HealthCheck delegate, CircuitBreaker breaker) {
        this.delegate = delegate;
        this.breaker = breaker;
    }

    @Override
    public String backend() {
        return delegate.backend();
    }

    @Override
    public HealthReport check() {
        HealthReport report = delegate.check();
        CircuitState circuit = circuitState(breaker.getState());
        TreeMap<String, String> details = new TreeMap<>(report.details());
        details.put("circuit", circuit.name());
        details.put("circuit_failure_rate", String.valueOf(breaker.getMetrics().getFailureRate()));
        HealthState state = report.state();
        Optional<String> error = report.error();
        if (circuit == CircuitState.OPEN && state != HealthState.DOWN) {
            state = HealthState.DOWN;
            error = Optional.of("circuit breaker open: calls fail fast after "
                    + breaker.getMetrics().getNumberOfFailedCalls() + " recent transient failures");
        } else if (circuit == CircuitState.HALF_OPEN && state == HealthState.UP) {
            state = HealthState.DEGRADED;
        }
        return new HealthReport(report.backend(), state, report.latency(), details, error);
    }

    /** The domain's view of a Resilience4j state; disabled and metrics-only count as closed, forced open as open. */
    static CircuitState circuitState(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> CircuitState.OPEN;
            case HALF_OPEN -> CircuitState.HALF_OPEN;
            case CLOSED, DISABLED, METRICS_ONLY -> CircuitState.CLOSED;
        };
    }
}
