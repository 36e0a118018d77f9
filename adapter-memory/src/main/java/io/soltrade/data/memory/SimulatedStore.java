package io.soltrade.data.memory;

import io.soltrade.data.ports.DbException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * What every memory store shares: a name, a {@link Simulation} (failure plan and latency) that a host's test
 * can change at any time through the fluent setters, and the way async writes complete.
 *
 * @param <S> the concrete store, so the setters chain: {@code new MemoryTradeStore().withFailure(plan).withLatency(d)}
 */
abstract class SimulatedStore<S extends SimulatedStore<S>> {
    final Simulation simulation;

    SimulatedStore(String port, MemorySettings settings) {
        this.simulation = new Simulation(port, settings);
    }

    abstract S self();

    /** Makes this store fail as {@code plan} says, counting calls from now on; returns this store. */
    public S withFailure(FailurePlan plan) {
        simulation.failWith(plan);
        return self();
    }

    /** Makes every call of this store take {@code delay} longer; returns this store. */
    public S withLatency(Duration delay) {
        return withLatency(SimulatedLatency.fixed(delay));
    }

    public S withLatency(SimulatedLatency latency) {
        simulation.delayBy(latency);
        return self();
    }

    public FailurePlan failurePlan() {
        return simulation.failurePlan();
    }

    /** The port this store implements, e.g. {@code TradeStore}. */
    public String port() {
        return simulation.port();
    }

    /**
     * Runs an already validated write for an {@code ...Async} method: at once when no latency is simulated, else
     * on the common pool so the call still returns at once. A simulated failure fails the future.
     */
    CompletableFuture<Void> async(Runnable write) {
        if (simulation.latency().isNone()) {
            try {
                write.run();
                return CompletableFuture.completedFuture(null);
            } catch (DbException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return CompletableFuture.runAsync(write, ForkJoinPool.commonPool());
    }
}
