package io.soltrade.data.ports;

import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.TimeRange;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Points of metric {@code name} in {@code range} whose labels include every entry of {@code labelFilter} (as
 * {@link MetricsStore#find}), downsampled per series (label set) and {@code interval}: one bucket per series and
 * interval with points, ordered by interval, then by the labels' JSON, at most {@code limit} (1..10,000).
 */
public record MetricDownsampleQuery(String name, SortedMap<String, String> labelFilter, CandleInterval interval, TimeRange range, int limit) {

    public MetricDownsampleQuery {
        Checks.notNull(name, "name");
        Checks.notNull(labelFilter, "labelFilter");
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : labelFilter.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new DomainValidationException("labelFilter", "contains a null key or value");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        labelFilter = Collections.unmodifiableSortedMap(copy);
        Checks.notNull(interval, "interval");
        Checks.notNull(range, "range");
        Checks.inRange(limit, "limit", 1, PortInput.MAX_LIMIT);
    }

    public static MetricDownsampleQuery of(String name, Map<String, String> labelFilter, CandleInterval interval, TimeRange range, int limit) {
        Checks.notNull(labelFilter, "labelFilter");
        TreeMap<String, String> sorted = new TreeMap<>();
        labelFilter.forEach((key, value) -> sorted.put(Checks.notNull(key, "labelFilter key"), value));
        return new MetricDownsampleQuery(name, sorted, interval, range, limit);
    }
}
