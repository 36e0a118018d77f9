package io.soltrade.data.reliability.support;

import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link DataLayer} as a host starts it ({@code DataLayerConfig.from} the host's configuration, the production
 * injector, the resilience decorators), on the servers a drill names, with the ports it does not drill in memory,
 * and a resilience policy small enough that a breaker opens and closes within seconds.
 */
public final class DrillLayer {
    /** Retries, breaker and async time limit for the drills: 3 attempts; 5 of the last 10 calls failing open the breaker for 2 s. */
    public static final String RESILIENCE = """
            soltrade.resilience {
              retry { max-attempts = 3, initial-backoff = 20ms, multiplier = 2.0, randomization = 0.5, max-backoff = 100ms }
              circuit-breaker { failure-rate-threshold = 50, sliding-window-size = 10, minimum-calls = 5, wait-in-open = 2s, half-open-calls = 3 }
              async-timeout = 1s
            }
            """;
    private static final String ALL_MEMORY = "soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, "
            + "config = memory, prices = memory, pools = memory, streams = memory, feed = memory }\n";

    private DrillLayer() {}

    /** Starts a data layer whose configuration is {@code hocon} over every port in memory and {@link #RESILIENCE}. */
    public static DataLayer start(String hocon) {
        DataLayerConfig config = DataLayerConfig.from(ConfigFactory.parseString(hocon)
                .withFallback(ConfigFactory.parseString(RESILIENCE))
                .withFallback(ConfigFactory.parseString(ALL_MEMORY)));
        return DataLayer.create(config, new SimpleMeterRegistry());
    }

    /**
     * The state of {@code backend}'s circuit breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), read from its
     * metrics: unlike a health check, reading it sends nothing to the (possibly frozen) server. Each state has its own
     * gauge, read one after another: a transition between two reads shows no state at 1 (or two), so such a read is
     * taken again.
     */
    public static String circuit(DataLayer layer, String backend) {
        List<String> states = List.of();
        for (int read = 0; read < 100; read++) {
            states = layer.meters().find("resilience4j.circuitbreaker.state").tag("name", backend).gauges().stream()
                    .filter(gauge -> gauge.value() == 1.0).map(gauge -> gauge.getId().getTag("state").toUpperCase(Locale.ROOT))
                    .toList();
            if (states.size() == 1) {
                return states.get(0);
            }
            LockSupport.parkNanos(1_000_000);
        }
        throw new IllegalStateException("no single circuit breaker state for " + backend + " in 100 reads, last: " + states);
    }

    /** Retries the data layer made for {@code retryName} ({@code <backend>.idempotent}, ...) that ended in {@code kind}. */
    public static double retries(DataLayer layer, String retryName, String kind) {
        return layer.meters().find("resilience4j.retry.calls").tag("name", retryName).tag("kind", kind).functionCounters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
