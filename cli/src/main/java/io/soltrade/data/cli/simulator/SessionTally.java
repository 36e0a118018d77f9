package io.soltrade.data.cli.simulator;

import io.soltrade.data.ports.DbException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a session did, counted so that the summary is exact: an item is acknowledged only after the call that
 * wrote it returned success (or its future completed), failures are counted by {@link io.soltrade.data.ports.DbErrorKind},
 * and every call's latency (as the caller saw it, retries included) goes into a histogram per operation.
 * Thread-safe: async completions count from other threads while the session runs. Outstanding async writes are a
 * counter, not a list to scan, so tracking one costs the same however many are in flight.
 */
final class SessionTally {
    private static final Logger LOG = LoggerFactory.getLogger(SessionTally.class);
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final Map<Acknowledged, LongAdder> acknowledged = new EnumMap<>(Acknowledged.class);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> events = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, String> firstMessages = new ConcurrentHashMap<>();
    /** Async writes not completed yet; {@link #awaitPending()} waits on {@code drained} until none is left. */
    private final AtomicLong pending = new AtomicLong();
    private final Object drained = new Object();

    SessionTally() {
        for (Acknowledged kind : Acknowledged.values()) {
            acknowledged.put(kind, new LongAdder());
        }
    }

    /** Runs one port call; on a {@link DbException} counts it by kind and returns empty. */
    <T> Optional<T> call(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            latency(operation, start);
            return Optional.of(result);
        } catch (DbException e) {
            latency(operation, start);
            failed(operation, e);
            return Optional.empty();
        }
    }

    boolean run(String operation, Runnable call) {
        return call(operation, () -> {
            call.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * Tracks an async write: when it completes, {@code count} items of {@code kind} are acknowledged, or its
     * failure is counted. {@link #awaitPending()} waits for every one.
     */
    void async(String operation, Acknowledged kind, long count, Supplier<CompletableFuture<Void>> call) {
        long start = System.nanoTime();
        CompletableFuture<Void> future;
        try {
            future = call.get();
        } catch (DbException e) {
            latency(operation, start);
            failed(operation, e);
            return;
        }
        pending.incrementAndGet();
        future.whenComplete((ignored, failure) -> {
            try {
                latency(operation, start);
                if (failure == null) {
                    acknowledge(kind, count);
                } else if (unwrap(failure) instanceof DbException db) {
                    failed(operation, db);
                } else {
                    failedUnexpectedly(operation, unwrap(failure));
                }
            } finally {
                if (pending.decrementAndGet() == 0) {
                    synchronized (drained) {
                        drained.notifyAll();
                    }
                }
            }
        });
    }

    /** A dependent stage's failure arrives wrapped; the cause is what the write failed with. */
    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Waits for every tracked async write to complete (each is time-limited by the resilience policy). */
    void awaitPending() {
        boolean interrupted = false;
        synchronized (drained) {
            while (pending.get() > 0) {
                try {
                    drained.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Async writes not completed yet. */
    long pending() {
        return pending.get();
    }

    void acknowledge(Acknowledged kind, long count) {
        acknowledged.get(kind).add(count);
    }

    /** Counts something that is not a store write: a rule triggered, a feed message delivered, ... */
    void event(String name, long count) {
        events.computeIfAbsent(name, n -> new LongAdder()).add(count);
    }

    void failed(String operation, DbException e) {
        errors.computeIfAbsent(e.kind().name(), k -> new LongAdder()).increment();
        firstMessages.putIfAbsent(e.kind().name(), operation + ": " + e.getMessage());
        LOG.debug("{} failed: {}", operation, e.toString());
    }

    void failedUnexpectedly(String operation, Throwable t) {
        errors.computeIfAbsent("UNEXPECTED", k -> new LongAdder()).increment();
        firstMessages.putIfAbsent("UNEXPECTED", operation + ": " + t);
        LOG.warn("{} failed unexpectedly", operation, t);
    }

    /** The first failure's message of each error kind, by kind: what the summary shows next to the counts. */
    Map<String, String> firstMessages() {
        return new TreeMap<>(firstMessages);
    }

    private void latency(String operation, long startNanos) {
        long micros = Math.min(MAX_MICROS, Math.max(0, (System.nanoTime() - startNanos) / 1_000));
        latencies.computeIfAbsent(operation, o -> new ConcurrentHistogram(MAX_MICROS, 2)).recordValue(micros);
    }

    long acknowledged(Acknowledged kind) {
        return acknowledged.get(kind).sum();
    }

    Map<String, Long> acknowledgedByKey() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        acknowledged.forEach((kind, count) -> out.put(kind.key(), count.sum()));
        return out;
    }

    /** Errors by kind name, sorted. */
    Map<String, Long> errors() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((kind, count) -> out.put(kind, count.sum()));
        return out;
    }

    long errorCount() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long events(String name) {
        LongAdder adder = events.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** A copy of each operation's latency histogram (microseconds), sorted by operation. */
    Map<String, Histogram> latencies() {
        Map<String, Histogram> out = new TreeMap<>();
        latencies.forEach((operation, histogram) -> out.put(operation, histogram.copy()));
        return out;
    }
}
