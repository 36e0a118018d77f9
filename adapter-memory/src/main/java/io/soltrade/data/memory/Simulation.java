package io.soltrade.data.memory;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The failure plan and latency one memory store runs under. Every store calls {@link #beforeRead} or
 * {@link #beforeWrite} once per port call, after validating its arguments and before touching its state, so a
 * simulated failure never leaves a partial change behind.
 */
final class Simulation {
    static final String BACKEND = "memory";

    private final String port;
    private volatile Active active;
    private volatile SimulatedLatency latency;

    /** A plan with its own call counter: replacing the plan restarts the count. */
    private record Active(FailurePlan plan, AtomicLong calls) {}

    Simulation(String port, MemorySettings settings) {
        this.port = Objects.requireNonNull(port, "port is null");
        Objects.requireNonNull(settings, "settings is null");
        this.active = new Active(settings.failures(), new AtomicLong());
        this.latency = settings.latency();
    }

    String port() {
        return port;
    }

    void failWith(FailurePlan plan) {
        active = new Active(Objects.requireNonNull(plan, "plan is null"), new AtomicLong());
    }

    FailurePlan failurePlan() {
        return active.plan();
    }

    void delayBy(SimulatedLatency newLatency) {
        latency = Objects.requireNonNull(newLatency, "latency is null");
    }

    SimulatedLatency latency() {
        return latency;
    }

    void beforeRead(String operation) {
        before(operation, false);
    }

    void beforeWrite(String operation) {
        before(operation, true);
    }

    private void before(String operation, boolean write) {
        pause();
        Active current = active;
        FailurePlan plan = current.plan();
        if (plan.isNever() || !plan.appliesTo(write)) {
            return;
        }
        long call = current.calls().incrementAndGet();
        if (plan.failsCall(call)) {
            throw DbException.of(plan.kind(), BACKEND,
                    "simulated " + plan.kind() + " in " + port + "." + operation + " (call " + call + ", plan: " + plan + ")");
        }
    }

    private void pause() {
        SimulatedLatency current = latency;
        if (current.isNone()) {
            return;
        }
        Duration delay = current.next();
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DbException.of(DbErrorKind.TIMEOUT, BACKEND,
                    "interrupted during the simulated latency of " + port, null, e);
        }
    }
}
