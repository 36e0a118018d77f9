package io.soltrade.data.app.health;

import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Several checks of one backend reported as one: the worst state, the checks' latencies added (they run one
 * after another), every detail under the index of its check ({@code 0.pool}, {@code 1.writer}), every error.
 */
final class CombinedHealthCheck implements HealthCheck {
    private final String backend;
    private final List<HealthCheck> checks;

    CombinedHealthCheck(String backend, List<HealthCheck> checks) {
        this.backend = backend;
        this.checks = List.copyOf(checks);
    }

    @Override
    public String backend() {
        return backend;
    }

    @Override
    public HealthReport check() {
        HealthState worst = HealthState.UP;
        Duration latency = Duration.ZERO;
        TreeMap<String, String> details = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            HealthReport report = checks.get(i).check();
            if (report.state().ordinal() > worst.ordinal()) {
                worst = report.state();
            }
            latency = latency.plus(report.latency());
            String prefix = i + ".";
            report.details().forEach((key, value) -> details.put(prefix + key, value));
            report.error().ifPresent(errors::add);
        }
        return new HealthReport(backend, worst, latency, details, errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors)));
    }
}
