package io.soltrade.data.ports.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs one action on many threads released together by a latch, so they race for the same row; waits for all
 * and returns their results in thread order. A thread's exception is rethrown as the cause of an
 * {@link ExecutionException}.
 */
public final class Concurrently {
    private Concurrently() {}

    public static <T> List<T> call(int threads, IntFunction<T> action) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return action.apply(index);
                };
                futures.add(pool.submit(task));
            }
            if (!ready.await(ContractAssertions.WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("threads did not start within " + ContractAssertions.WAIT_SECONDS + " s");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(ContractAssertions.WAIT_SECONDS, TimeUnit.SECONDS));
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("a racing thread did not finish within " + ContractAssertions.WAIT_SECONDS + " s", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    public static void run(int threads, IntConsumer action) throws InterruptedException, ExecutionException {
        call(threads, i -> {
            action.accept(i);
            return null;
        });
    }
}
