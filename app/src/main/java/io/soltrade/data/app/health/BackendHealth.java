package io.soltrade.data.app.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.ports.HealthCheck;
import java.util.List;
import java.util.Objects;

/**
 * The one health check of a backend in use, as the data layer reports it and binds it into a host's
 * {@code Set<HealthCheck>}: the checks its adapter module contributed (combined into one when there are several,
 * a breaker-only check when there is none), each with the backend's circuit breaker folded in.
 */
public final class BackendHealth {

    private BackendHealth() {}

    /** {@code backend}'s health: {@code contributed} checks (possibly none) seen through {@code breaker}. */
    public static HealthCheck of(Backend backend, List<HealthCheck> contributed, CircuitBreaker breaker) {
        Objects.requireNonNull(backend, "backend is null");
        Objects.requireNonNull(breaker, "breaker is null");
        HealthCheck check = switch (contributed.size()) {
            case 0 -> new BreakerOnlyHealthCheck(backend.key());
            case 1 -> contributed.get(0);
            default -> new CombinedHealthCheck(backend.key(), contributed);
        };
        return new GuardedHealthCheck(check, breaker);
    }
}
