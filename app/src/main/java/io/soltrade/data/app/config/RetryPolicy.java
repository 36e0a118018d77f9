package io.soltrade.data.app.config;

import java.time.Duration;

/**
 * How transient failures are retried ({@code soltrade.resilience.retry}): at most {@code maxAttempts} calls in
 * all, waiting {@code initialBackoff * multiplier^(n-1)} before retry n, capped at {@code maxBackoff}, each wait
 * drawn at random from {@code wait * [1 - randomization, 1 + randomization]} so that clients that failed
 * together do not retry together.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, double randomization, Duration maxBackoff) {

    public RetryPolicy {
        ConfigChecks.between(maxAttempts, "soltrade.resilience.retry.max-attempts", 1, 20);
        ConfigChecks.positive(initialBackoff, "soltrade.resilience.retry.initial-backoff");
        ConfigChecks.between(multiplier, "soltrade.resilience.retry.multiplier", 1.0, 10.0);
        ConfigChecks.between(randomization, "soltrade.resilience.retry.randomization", 0.0, 0.99);
        ConfigChecks.positive(maxBackoff, "soltrade.resilience.retry.max-backoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new ConfigurationException("soltrade.resilience.retry.max-backoff", "is " + maxBackoff + ", shorter than initial-backoff " + initialBackoff);
        }
    }
}
