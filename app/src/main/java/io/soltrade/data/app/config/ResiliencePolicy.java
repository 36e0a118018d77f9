package io.soltrade.data.app.config;

import java.time.Duration;

/** The resilience settings ({@code soltrade.resilience}); see app/README.md for which calls each applies to. */
public record ResiliencePolicy(RetryPolicy retry, BreakerPolicy circuitBreaker, Duration asyncTimeout) {

    public ResiliencePolicy {
        ConfigChecks.present(retry, "soltrade.resilience.retry");
        ConfigChecks.present(circuitBreaker, "soltrade.resilience.circuit-breaker");
        ConfigChecks.positive(asyncTimeout, "soltrade.resilience.async-timeout");
    }
}
