package io.soltrade.data.app.health;

import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import java.time.Duration;
import java.util.Map;

/** A backend whose module contributed no health check: UP, so that only its circuit breaker says anything. */
final class BreakerOnlyHealthCheck implements HealthCheck {
    private final String backend;

    BreakerOnlyHealthCheck(String backend) {
        this.backend = backend;
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public HealthReport check() {
        return HealthReport.up(backend, Duration.ZERO, Map.of("check", "none contributed"));
    }
}
