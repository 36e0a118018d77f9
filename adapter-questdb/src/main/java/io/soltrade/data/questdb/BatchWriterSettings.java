package io.soltrade.data.questdb;

import java.time.Duration;
import java.util.Objects;

/**
 * How the batch writer batches, bounds and retries; see {@link QuestDbSettings} for what each means.
 *
 * @param flushInterval  the longest an asynchronously written row waits before its batch is sent
 * @param batchRows      a batch is sent as soon as this many rows wait
 * @param capacityRows   the most rows held (queued or being retried) before callers are refused
 * @param enqueueTimeout how long a caller waits for room in a full buffer before backpressure
 * @param retryDeadline  how long after it was queued a submission's transient failures are still retried
 * @param closeDeadline  how long {@code close()} waits for outstanding rows to be acknowledged
 */
record BatchWriterSettings(Duration flushInterval, int batchRows, int capacityRows, Duration enqueueTimeout,
                           Duration retryDeadline, Duration closeDeadline) {

    BatchWriterSettings {
        positive(flushInterval, "flushInterval");
        positive(retryDeadline, "retryDeadline");
        Objects.requireNonNull(enqueueTimeout, "enqueueTimeout is null");
        Objects.requireNonNull(closeDeadline, "closeDeadline is null");
        if (enqueueTimeout.isNegative() || closeDeadline.isNegative()) {
            throw new IllegalArgumentException("enqueueTimeout and closeDeadline must not be negative");
        }
        if (batchRows < 1) {
            throw new IllegalArgumentException("batchRows is " + batchRows + ", must be at least 1");
        }
        if (capacityRows < batchRows) {
            throw new IllegalArgumentException("capacityRows is " + capacityRows + ", must be at least batchRows (" + batchRows + ")");
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name + " is null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " is " + value + ", must be positive");
        }
    }
}
