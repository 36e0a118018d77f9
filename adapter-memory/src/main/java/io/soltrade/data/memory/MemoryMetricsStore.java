package io.soltrade.data.memory;

import io.soltrade.data.domain.MetricBucket;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.MetricDownsampleQuery;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.PortInput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Metric points per name, ordered by time then by their labels' JSON: the natural key
 * {@code name + labels + at}, so recording a point again replaces it instead of adding a second one.
 */
public final class MemoryMetricsStore extends SimulatedStore<MemoryMetricsStore> implements MetricsStore {
    private static final String BACKEND = Simulation.BACKEND;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, NavigableMap<TimeKey, MetricPoint>> byName = new HashMap<>();

    public MemoryMetricsStore() {
        this(MemorySettings.defaults());
    }

    public MemoryMetricsStore(MemorySettings settings) {
        super("MetricsStore", settings);
    }

    @Override
    MemoryMetricsStore self() {
        return this;
    }

    @Override
    public void record(MetricPoint point) {
        PortInput.notNull(point, "point", BACKEND);
        simulation.beforeWrite("record");
        putAll(List.of(point));
    }

    @Override
    public CompletableFuture<Void> recordAsync(MetricPoint point) {
        PortInput.notNull(point, "point", BACKEND);
        return async(() -> record(point));
    }

    @Override
    public void recordBatch(List<MetricPoint> points) {
        List<MetricPoint> checked = List.copyOf(PortInput.batch(points, "points", BACKEND));
        if (checked.isEmpty()) {
            return;
        }
        simulation.beforeWrite("recordBatch");
        putAll(checked);
    }

    private void putAll(List<MetricPoint> points) {
        lock.writeLock().lock();
        try {
            for (MetricPoint point : points) {
                byName.computeIfAbsent(point.name(), name -> new TreeMap<>()).put(new TimeKey(point.at(), point.labelsJson()), point);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<MetricBucket> downsample(MetricDownsampleQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        simulation.beforeRead("downsample");
        lock.readLock().lock();
        try {
            Map<String, String> filter = query.labelFilter();
            Map<TimeKey, List<MetricPoint>> series = new TreeMap<>();
            byName.getOrDefault(query.name(), new TreeMap<>())
                    .subMap(TimeKey.first(query.range().from()), TimeKey.first(query.range().to())).values().stream()
                    .filter(point -> point.labels().entrySet().containsAll(filter.entrySet()))
                    .forEach(point -> series.computeIfAbsent(new TimeKey(query.interval().start(point.at()), point.labelsJson()), key -> new ArrayList<>())
                            .add(point));
            List<MetricBucket> buckets = new ArrayList<>();
            for (List<MetricPoint> points : series.values()) {
                if (buckets.size() == query.limit()) {
                    break;
                }
                MetricPoint first = points.get(0);
                double sum = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (MetricPoint point : points) {
                    sum += point.value();
                    min = Math.min(min, point.value());
                    max = Math.max(max, point.value());
                }
                buckets.add(new MetricBucket(query.interval().start(first.at()), query.name(), first.labels(), sum / points.size(), min, max,
                        points.get(points.size() - 1).value(), points.size()));
            }
            return buckets;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<MetricPoint> find(String name, Map<String, String> labelFilter, TimeRange range, int limit) {
        PortInput.notNull(name, "name", BACKEND);
        PortInput.notNull(labelFilter, "labelFilter", BACKEND);
        Map<String, String> filter = new HashMap<>();
        labelFilter.forEach((key, value) -> {
            PortInput.notNull(key, "labelFilter key", BACKEND);
            filter.put(key, PortInput.notNull(value, "labelFilter." + key, BACKEND));
        });
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        simulation.beforeRead("find");
        lock.readLock().lock();
        try {
            return byName.getOrDefault(name, new TreeMap<>())
                    .subMap(TimeKey.first(range.from()), TimeKey.first(range.to())).values().stream()
                    .filter(point -> point.labels().entrySet().containsAll(filter.entrySet()))
                    .limit(limit)
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }
}
