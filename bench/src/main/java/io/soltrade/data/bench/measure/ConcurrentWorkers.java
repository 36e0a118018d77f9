package io.soltrade.data.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads for the concurrent scenarios: {@link #runAll} starts one task per worker and
 * returns when every one has finished, rethrowing the first failure. The threads live for the whole comparison,
 * so thread start-up is never timed.
 */
public final class ConcurrentWorkers implements AutoCloseable {
    private final int workers;
    private final ExecutorService executor;

    public ConcurrentWorkers(String name, int workers) {
        this.workers = workers;
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int workers() {
        return workers;
    }

    /** Runs {@code task} once on every worker, with the worker's index (0..workers-1), and waits for all. */
    public void runAll(WorkerTask task) throws Exception {
        List<Future<Void>> running = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            int index = i;
            running.add(executor.submit(() -> {
                task.run(index);
                return null;
            }));
        }
        Exception failure = null;
        for (Future<Void> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    public interface WorkerTask {
        void run(int worker) throws Exception;
    }
}
