package io.soltrade.data.bench.measure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Both sides' latency (ms) at a few percentiles, in percentile order, drawn as one chart each.
 *
 * @param id    unique in a run and safe in a file name, e.g. {@code redis.price-get}
 * @param title what was timed, for the chart's title
 */
public record LatencyProfile(String id, String title, Map<String, Double> ours, Map<String, Double> raw) {

    public LatencyProfile {
        if (!id.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("a profile id must be lowercase letters, digits, '.' and '-', got '" + id + "'");
        }
        ours = Collections.unmodifiableMap(new LinkedHashMap<>(ours));
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }
}
