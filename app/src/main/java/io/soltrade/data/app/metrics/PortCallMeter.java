package io.soltrade.data.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.Port;
import io.soltrade.data.ports.DbException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every port call as the caller saw it (retries and backoff included) in the Micrometer timer
 * {@code soltrade.port.calls}, tagged by backend, port, operation and outcome ({@code success} or the
 * {@link io.soltrade.data.ports.DbErrorKind} in lower case), with a latency histogram for Prometheus.
 */
public final class PortCallMeter {
    public static final String NAME = "soltrade.port.calls";

    private final MeterRegistry registry;
    private final Backend backend;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

    public PortCallMeter(MeterRegistry registry, Backend backend) {
        this.registry = registry;
        this.backend = backend;
    }

    public void record(Port port, String operation, RuntimeException failure, long nanos) {
        String outcome = failure == null ? "success" : outcome(failure);
        timers.computeIfAbsent(port.key() + '|' + operation + '|' + outcome, key -> Timer.builder(NAME)
                        .description("Port calls as the caller saw them, retries included")
                        .tag("backend", backend.key())
                        .tag("port", port.key())
                        .tag("operation", operation)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1).dividedBy(20))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(RuntimeException failure) {
        return failure instanceof DbException db ? db.kind().name().toLowerCase(Locale.ROOT) : "unexpected";
    }
}
