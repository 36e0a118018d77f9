package io.soltrade.data.ports;

import io.soltrade.data.domain.MetricBucket;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** System metrics, keyed by name, labels and time: recording the same point twice keeps one. */
public interface MetricsStore {

    void record(MetricPoint point);

    CompletableFuture<Void> recordAsync(MetricPoint point);

    void recordBatch(List<MetricPoint> points);

    /**
     * Points of metric {@code name} in {@code range} whose labels include every entry of {@code labelFilter}
     * (an empty filter matches all), oldest first, at most {@code limit} (1..10,000).
     */
    List<MetricPoint> find(String name, Map<String, String> labelFilter, TimeRange range, int limit);

    /**
     * The points {@link #find} would match, downsampled per series (label set) and interval: average, minimum, maximum,
     * last value and count ({@link MetricDownsampleQuery}).
     */
    List<MetricBucket> downsample(MetricDownsampleQuery query);
}
