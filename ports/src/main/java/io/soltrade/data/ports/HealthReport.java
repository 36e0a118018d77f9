package io.soltrade.data.ports;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** One backend's health: its state, the round-trip latency of the check, and backend-specific details. */
public record HealthReport(String backend, HealthState state, Duration latency, SortedMap<String, String> details, Optional<String> error) {

    public HealthReport {
        Objects.requireNonNull(backend, "backend is null");
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(latency, "latency is null");
        details = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(details, "details is null")));
        Objects.requireNonNull(error, "error is null");
    }

    public static HealthReport up(String backend, Duration latency, Map<String, String> details) {
        return new HealthReport(backend, HealthState.UP, latency, new TreeMap<>(details), Optional.empty());
    }

    public static HealthReport down(String backend, Duration latency, String error) {
        return new HealthReport(backend, HealthState.DOWN, latency, new TreeMap<>(), Optional.of(error));
    }
}
