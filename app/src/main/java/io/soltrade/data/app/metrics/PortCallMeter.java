package io.soltrade.data.app.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.Port;
import io.soltrade.data.ports.DbException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every port call as the caller saw it (retries and backoff included) in the Micrometer timer
 * {@code soltrade.port.calls}, with a latency histogram for Prometheus, tagged {@code backend}, {@code port},
 * {@code operation}, {@code outcome} ({@code ok}; {@code transient}: a failure worth retrying later, retries
 * exhausted; {@code permanent}: a failure no retry cures) and {@code kind} (the
 * {@link io.soltrade.data.ports.DbErrorKind} in lower case, {@code none} when ok, {@code unexpected} for an exception
 * that is no {@link DbException}, a bug).
 */
public final class PortCallMeter {
    public static final String NAME = "soltrade.port.calls";

    private final MeterRegistry registry;
    private final Backend backend;
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    /**
     * The timers of successful calls by port, then operation: the common case finds its timer without building a
     * key string per call (one of the decorators' costs on the cheapest reads, docs/bench.md). The same timers are in {@link #timers}.
     */
    private final Map<Port, ConcurrentMap<String, Timer>> okTimers = new EnumMap<>(Port.class);

    public PortCallMeter(MeterRegistry registry, Backend backend) {
        this.registry = registry;
        this.backend = backend;
        for (Port port : Port.values()) {
            okTimers.put(port, new ConcurrentHashMap<>());
        }
    }

    /** Records one call of {@code operation} on {@code port} that took {@code nanos} and failed with {@code failure} (null: ok). */
    public void record(Port port, String operation, RuntimeException failure, long nanos) {
        if (failure == null) {
            ConcurrentMap<String, Timer> ofPort = okTimers.get(port);
            Timer ok = ofPort.get(operation);
            if (ok == null) {
                ok = timer(port, operation, null);
                ofPort.putIfAbsent(operation, ok);
            }
            ok.record(nanos, TimeUnit.NANOSECONDS);
            return;
        }
        timer(port, operation, failure).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Port port, String operation, RuntimeException failure) {
        String outcome = failure == null ? "ok" : failure instanceof DbException db && db.isTransient() ? "transient" : "permanent";
        String kind = failure == null ? "none" : failure instanceof DbException db ? db.kind().name().toLowerCase(Locale.ROOT) : "unexpected";
        return timers.computeIfAbsent(port.key() + '|' + operation + '|' + kind, key -> Timer.builder(NAME)
                        .description("Port calls as the caller saw them, retries included")
                        .tag("backend", backend.key())
                        .tag("port", port.key())
                        .tag("operation", operation)
                        .tag("outcome", outcome)
                        .tag("kind", kind)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1).dividedBy(20))
                        .maximumExpectedValue(Duration.ofSeconds(30))
                        .register(registry));
    }

    /** Removes this meter's timers from the registry (the data layer that fed them is closed). */
    public void remove() {
        timers.values().forEach(registry::remove);
        timers.clear();
        okTimers.values().forEach(Map::clear);
    }
}
