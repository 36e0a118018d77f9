package io.soltrade.data.app.testing;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a registry's gauges and function counters read, and a way to collect the heap first. Micrometer holds the
 * object behind such a meter weakly: one bound to an object nothing else keeps reads NaN after the next collection,
 * which a test sees only if it collects before reading.
 */
public final class MeterReadings {

    private MeterReadings() {}

    /** Each gauge's value and function counter's count, by meter name and tags ({@code name{key=value,...}}). */
    public static Map<String, Double> of(MeterRegistry meters) {
        Map<String, Double> readings = new TreeMap<>();
        for (Meter meter : meters.getMeters()) {
            String id = meter.getId().getName() + meter.getId().getTags().stream()
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(",", "{", "}"));
            if (meter instanceof Gauge gauge) {
                readings.put(id, gauge.value());
            } else if (meter instanceof FunctionCounter counter) {
                readings.put(id, counter.count());
            }
        }
        return readings;
    }

    /** Collects until an object only weakly reachable is gone, so every weak reference to garbage has been cleared. */
    public static void collectTheHeap() {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        await("a weakly reachable object collected").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    System.gc();
                    return sentinel.get() == null;
                });
    }
}
