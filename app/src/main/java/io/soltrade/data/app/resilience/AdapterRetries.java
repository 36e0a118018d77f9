package io.soltrade.data.app.resilience;

import io.soltrade.data.ports.PortOperation;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The operations a backend's adapter retries by itself until a deadline of its own, and the longest such a call
 * takes: the QuestDB batch writer retries its writes until {@code retryDeadline} and publishes the bound as
 * {@code QuestDbSettings.writeTimeLimit()}. One retrier per layer: the decorators retry those operations only after
 * a full buffer that took nothing ({@code BACKPRESSURE}), never after a failure the adapter has already retried to its
 * deadline (a connection failure, a timeout, no pooled connection for its id lookups); and an async call of one is time-limited no sooner than
 * {@code timeLimit}, so a caller is never told TIMEOUT for rows the adapter commits afterwards.
 *
 * @param operations what the adapter retries itself
 * @param timeLimit  the longest such a call takes, its retries included
 */
public record AdapterRetries(Set<PortOperation> operations, Duration timeLimit) {
    private static final AdapterRetries NONE = new AdapterRetries(Set.of(), Duration.ZERO);

    public AdapterRetries {
        operations = Set.copyOf(Objects.requireNonNull(operations, "operations is null"));
        Objects.requireNonNull(timeLimit, "timeLimit is null");
        if (timeLimit.isNegative() || operations.isEmpty() != timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit " + timeLimit + " must be positive for operations " + operations + " (and zero for none)");
        }
    }

    /** An adapter that retries nothing by itself: the decorators' policy alone applies. */
    public static AdapterRetries none() {
        return NONE;
    }

    boolean covers(PortOperation operation) {
        return operations.contains(operation);
    }
}
