package io.soltrade.data.questdb;

/**
 * A snapshot of the batch writer's counters. Rows: {@code queued} accepted from callers, {@code flushed}
 * acknowledged by the server, {@code retried} sent again after a transient failure (counted per attempt),
 * {@code failed} reported failed to their callers, {@code outstanding} accepted and not yet decided, {@code held} acknowledged trades the
 * intake remembers until QuestDB applies them (outstanding and held rows together meet the buffer's capacity).
 * Flush latency is per request, from send to the server's acknowledgement.
 */
record BatchWriterStats(long queued, long flushed, long retried, long failed, long outstanding, long held,
                               long requests, double flushP50Millis, double flushP99Millis, double flushMaxMillis) {
}
