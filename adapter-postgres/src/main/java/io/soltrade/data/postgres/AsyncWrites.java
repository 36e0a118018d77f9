package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.ManagedResource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads behind the {@code ...Async} writes: as many as the pool has connections (more could only wait for
 * one), with a bounded queue. A full queue fails the future at once with {@link DbErrorKind#BACKPRESSURE}
 * instead of growing without limit. {@link #close()} lets queued writes finish within the deadline and fails
 * the futures of those it could not run, naming how many.
 */
final class AsyncWrites implements ManagedResource {
    private final ThreadPoolExecutor executor;
    private final Duration closeDeadline;

    AsyncWrites(int threads, int queueCapacity, Duration closeDeadline) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity), task -> {
            Thread thread = new Thread(task, "postgres-async-write-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.executor.allowCoreThreadTimeOut(true);
        this.closeDeadline = closeDeadline;
    }

    CompletableFuture<Void> submit(Runnable write) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(new Write(write, done));
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(executor.isShutdown()
                    ? DbException.of(DbErrorKind.CLOSED, PostgresErrorTranslator.BACKEND, "the postgres store is closed", null, e)
                    : DbException.of(DbErrorKind.BACKPRESSURE, PostgresErrorTranslator.BACKEND,
                            "async write queue is full (" + executor.getQueue().size() + " waiting)", null, e));
        }
        return done;
    }

    /**
     * One queued write. Whatever the write throws, an {@link Error} included, its future completes: a caller must
     * never wait forever. An Error arrives as {@link DbErrorKind#QUERY} with the Error as the cause; a virtual
     * machine error (out of memory, stack overflow) is rethrown after that, so the thread dies and it is reported.
     */
    private record Write(Runnable write, CompletableFuture<Void> done) implements Runnable {
        @Override
        public void run() {
            try {
                write.run();
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(failure(e));
                if (e instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        }

        private static DbException failure(Throwable e) {
            try {
                return e instanceof RuntimeException ? PostgresTransactions.translate(e, "async write")
                        : DbException.of(DbErrorKind.QUERY, PostgresErrorTranslator.BACKEND, "async write failed: " + e, null, e);
            } catch (RuntimeException | Error translationFailed) {
                translationFailed.addSuppressed(e);
                return DbException.of(DbErrorKind.QUERY, PostgresErrorTranslator.BACKEND, "async write failed: " + e, null, translationFailed);
            }
        }
    }

    @Override
    public String name() {
        return "postgres async writes";
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(closeDeadline.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> undelivered = executor.shutdownNow();
        DbException closed = DbException.of(DbErrorKind.CLOSED, PostgresErrorTranslator.BACKEND,
                "closed with " + undelivered.size() + " async writes not delivered within " + closeDeadline);
        for (Runnable task : undelivered) {
            if (task instanceof Write write) {
                write.done().completeExceptionally(closed);
            }
        }
        throw closed;
    }
}
