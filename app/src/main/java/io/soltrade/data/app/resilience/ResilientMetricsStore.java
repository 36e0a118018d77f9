package io.soltrade.data.app.resilience;

import static io.soltrade.data.ports.PortOperation.METRICS_STORE_DOWNSAMPLE;
import static io.soltrade.data.ports.PortOperation.METRICS_STORE_FIND;
import static io.soltrade.data.ports.PortOperation.METRICS_STORE_RECORD;
import static io.soltrade.data.ports.PortOperation.METRICS_STORE_RECORD_ASYNC;
import static io.soltrade.data.ports.PortOperation.METRICS_STORE_RECORD_BATCH;

import io.soltrade.data.app.config.Port;
import io.soltrade.data.domain.MetricBucket;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.MetricDownsampleQuery;
import io.soltrade.data.ports.MetricsStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Every operation is idempotent: a point is keyed by name, labels and time. */
final class ResilientMetricsStore implements MetricsStore {
    private static final Port PORT = Port.METRICS;
    private final MetricsStore delegate;
    private final BackendGuard guard;

    ResilientMetricsStore(MetricsStore delegate, BackendGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public void record(MetricPoint point) {
        guard.run(PORT, METRICS_STORE_RECORD, () -> delegate.record(point));
    }

    @Override
    public CompletableFuture<Void> recordAsync(MetricPoint point) {
        return guard.callAsync(PORT, METRICS_STORE_RECORD_ASYNC, () -> delegate.recordAsync(point));
    }

    @Override
    public void recordBatch(List<MetricPoint> points) {
        guard.run(PORT, METRICS_STORE_RECORD_BATCH, () -> delegate.recordBatch(points));
    }

    @Override
    public List<MetricPoint> find(String name, Map<String, String> labelFilter, TimeRange range, int limit) {
        return guard.call(PORT, METRICS_STORE_FIND, () -> delegate.find(name, labelFilter, range, limit));
    }

    @Override
    public List<MetricBucket> downsample(MetricDownsampleQuery query) {
        return guard.call(PORT, METRICS_STORE_DOWNSAMPLE, () -> delegate.downsample(query));
    }
}
