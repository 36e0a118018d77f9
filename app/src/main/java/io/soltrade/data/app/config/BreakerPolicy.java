package io.soltrade.data.app.config;

import java.time.Duration;

/**
 * When a backend's circuit breaker opens ({@code soltrade.resilience.circuit-breaker}): once at least
 * {@code minimumCalls} of the last {@code slidingWindowSize} calls were made and {@code failureRateThreshold}
 * percent of them failed transiently. It stays open for {@code waitInOpen}, then lets {@code halfOpenCalls}
 * trial calls through.
 */
public record BreakerPolicy(int failureRateThreshold, int slidingWindowSize, int minimumCalls, Duration waitInOpen, int halfOpenCalls) {

    public BreakerPolicy {
        ConfigChecks.between(failureRateThreshold, "soltrade.resilience.circuit-breaker.failure-rate-threshold", 1, 100);
        ConfigChecks.between(slidingWindowSize, "soltrade.resilience.circuit-breaker.sliding-window-size", 1, 10_000);
        ConfigChecks.between(minimumCalls, "soltrade.resilience.circuit-breaker.minimum-calls", 1, 10_000);
        ConfigChecks.positive(waitInOpen, "soltrade.resilience.circuit-breaker.wait-in-open");
        ConfigChecks.between(halfOpenCalls, "soltrade.resilience.circuit-breaker.half-open-calls", 1, 1_000);
    }
}
