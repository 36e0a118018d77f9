package io.soltrade.data.memory;

import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The memory backend's health, as its failure plans make it: DOWN when a store fails every call, DEGRADED
 * when a store fails some calls, UP otherwise. The details name each store's current plan.
 */
final class MemoryHealthCheck implements HealthCheck {
    private final List<SimulatedStore<?>> stores;

    MemoryHealthCheck(List<SimulatedStore<?>> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public String backend() {
        return Simulation.BACKEND;
    }

    @Override
    public HealthReport check() {
        TreeMap<String, String> details = new TreeMap<>();
        HealthState state = HealthState.UP;
        for (SimulatedStore<?> store : stores) {
            FailurePlan plan = store.failurePlan();
            details.put(store.port(), plan.toString());
            if (plan.failsEveryCall()) {
                state = HealthState.DOWN;
            } else if (!plan.isNever() && state == HealthState.UP) {
                state = HealthState.DEGRADED;
            }
        }
        Optional<String> error = state == HealthState.DOWN
                ? Optional.of("simulated outage: " + details) : Optional.empty();
        return new HealthReport(backend(), state, Duration.ZERO, details, error);
    }
}
