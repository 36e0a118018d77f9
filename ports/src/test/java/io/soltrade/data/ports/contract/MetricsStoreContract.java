package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertAsyncInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractAssertions.await;
import static io.soltrade.data.ports.contract.ContractFixtures.metricName;
import static io.soltrade.data.ports.contract.ContractFixtures.metricPoint;
import static io.soltrade.data.ports.contract.ContractFixtures.micros;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.MetricBucket;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.MetricDownsampleQuery;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.PortInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MetricsStore} does. Extend it and implement {@link #metricsStore()}; override
 * {@link #awaitVisible()} if reads may lag acknowledged writes. Every test uses a fresh metric name.
 */
public abstract class MetricsStoreContract {
    private static final Map<String, String> NO_FILTER = Map.of();

    protected abstract MetricsStore metricsStore();

    /** Waits until every acknowledged write is visible to queries; the default assumes it already is. */
    protected void awaitVisible() {}

    private List<MetricPoint> all(String name, Instant start) {
        return metricsStore().find(name, NO_FILTER, window(start, Duration.ofDays(1)), PortInput.MAX_LIMIT);
    }

    @Test
    void recordedPointReadsBackWithEveryField() {
        Instant at = windowStart().plusNanos(654_321_000);
        MetricPoint point = MetricPoint.of(metricName(), -1234.5678e-9,
                Map.of("node", "rpc-1", "region", "eu-west", "quote", "say \"hi\" \\ ünïcödé"), at);
        metricsStore().record(point);
        awaitVisible();

        assertThat(all(point.name(), at)).containsExactly(point);
    }

    @Test
    void extremeDoublesAndNoLabelsRoundTrip() {
        String name = metricName();
        Instant start = windowStart();
        List<MetricPoint> points = List.of(
                MetricPoint.of(name, Double.MAX_VALUE, Map.of(), start),
                MetricPoint.of(name, -Double.MIN_VALUE, Map.of(), micros(start, 1)),
                MetricPoint.of(name, 0.1 + 0.2, Map.of(), micros(start, 2)),
                MetricPoint.of(name, 0.0, Map.of(), micros(start, 3)));
        metricsStore().recordBatch(points);
        awaitVisible();

        assertThat(all(name, start)).containsExactlyElementsOf(points);
    }

    @Test
    void recordingTheSamePointTwiceKeepsOne() {
        MetricPoint point = metricPoint(metricName(), Map.of("host", "a"), windowStart());
        metricsStore().record(point);
        metricsStore().record(point);
        awaitVisible();

        assertThat(all(point.name(), point.at())).containsExactly(point);
    }

    @Test
    void pointsDifferingOnlyInLabelsAreDistinct() {
        String name = metricName();
        Instant at = windowStart();
        MetricPoint a = metricPoint(name, Map.of("host", "a"), at);
        MetricPoint b = metricPoint(name, Map.of("host", "b"), at);
        MetricPoint none = metricPoint(name, Map.of(), at);
        metricsStore().recordBatch(List.of(a, b, none));
        awaitVisible();

        assertThat(all(name, at)).containsExactlyInAnyOrder(a, b, none);
    }

    @Test
    void recordAsyncCompletesWhenThePointIsStored() {
        MetricPoint point = metricPoint(metricName(), Map.of("k", "v"), windowStart());
        await(metricsStore().recordAsync(point));
        awaitVisible();

        assertThat(all(point.name(), point.at())).containsExactly(point);
    }

    @Test
    void retriedBatchAddsNoDuplicates() {
        String name = metricName();
        Instant start = windowStart();
        List<MetricPoint> points = IntStream.range(0, 30).mapToObj(i -> metricPoint(name, Map.of("i", "x"), start.plusSeconds(i))).toList();
        metricsStore().recordBatch(points.subList(0, 10));
        metricsStore().recordBatch(points);
        metricsStore().recordBatch(points);
        awaitVisible();

        assertThat(all(name, start)).containsExactlyElementsOf(points);
    }

    @Test
    void batchWithANullPointIsRejectedAndWritesNothing() {
        String name = metricName();
        Instant start = windowStart();
        List<MetricPoint> batch = new ArrayList<>(List.of(metricPoint(name, Map.of(), start), metricPoint(name, Map.of(), start.plusSeconds(1))));
        batch.add(null);
        assertInvalidInput(() -> metricsStore().recordBatch(batch));
        awaitVisible();

        assertThat(all(name, start)).isEmpty();
    }

    @Test
    void emptyBatchIsANoOp() {
        String name = metricName();
        Instant start = windowStart();
        MetricPoint stored = metricPoint(name, Map.of("host", "a"), start);
        metricsStore().record(stored);

        metricsStore().recordBatch(List.of());
        awaitVisible();

        assertThat(all(name, start)).as("nothing added, nothing lost").containsExactly(stored);
    }

    @Test
    void labelFilterMatchesPointsHavingEveryFilterEntry() {
        String name = metricName();
        Instant start = windowStart();
        MetricPoint euRpc1 = metricPoint(name, Map.of("region", "eu", "node", "rpc-1"), start);
        MetricPoint euRpc2 = metricPoint(name, Map.of("region", "eu", "node", "rpc-2", "extra", "yes"), start.plusSeconds(1));
        MetricPoint usRpc1 = metricPoint(name, Map.of("region", "us", "node", "rpc-1"), start.plusSeconds(2));
        MetricPoint unlabelled = metricPoint(name, Map.of(), start.plusSeconds(3));
        metricsStore().recordBatch(List.of(usRpc1, euRpc2, unlabelled, euRpc1));
        awaitVisible();
        TimeRange range = window(start, Duration.ofMinutes(1));

        assertThat(metricsStore().find(name, Map.of("region", "eu"), range, 100)).containsExactly(euRpc1, euRpc2);
        assertThat(metricsStore().find(name, Map.of("region", "eu", "node", "rpc-1"), range, 100)).containsExactly(euRpc1);
        assertThat(metricsStore().find(name, Map.of("node", "rpc-1"), range, 100)).containsExactly(euRpc1, usRpc1);
        assertThat(metricsStore().find(name, Map.of("region", "asia"), range, 100)).isEmpty();
        assertThat(metricsStore().find(name, Map.of("missing", "eu"), range, 100)).isEmpty();
        assertThat(metricsStore().find(name, NO_FILTER, range, 100)).containsExactly(euRpc1, euRpc2, usRpc1, unlabelled);
    }

    @Test
    void otherMetricsAreNotReturned() {
        Instant at = windowStart();
        MetricPoint mine = metricPoint(metricName(), Map.of(), at);
        MetricPoint other = metricPoint(metricName(), Map.of(), at);
        metricsStore().recordBatch(List.of(mine, other));
        awaitVisible();

        assertThat(all(mine.name(), at)).containsExactly(mine);
    }

    @Test
    void findIsHalfOpenOldestFirstAndLimited() {
        String name = metricName();
        Instant from = windowStart();
        Instant to = from.plusSeconds(60);
        List<MetricPoint> points = new ArrayList<>();
        for (Instant at : List.of(micros(from, -1), from, from.plusSeconds(20), micros(to, -1), to)) {
            points.add(metricPoint(name, Map.of("n", "1"), at));
        }
        metricsStore().recordBatch(List.of(points.get(4), points.get(2), points.get(0), points.get(3), points.get(1)));
        awaitVisible();
        TimeRange range = TimeRange.of(from, to);

        assertThat(metricsStore().find(name, NO_FILTER, range, 100)).containsExactlyElementsOf(points.subList(1, 4));
        assertThat(metricsStore().find(name, NO_FILTER, range, 1)).containsExactly(points.get(1));
        assertThat(metricsStore().find(name, Map.of("n", "1"), range, 2)).containsExactly(points.get(1), points.get(2));
        assertThat(metricsStore().find(name, NO_FILTER, range, PortInput.MAX_LIMIT)).hasSize(3);
    }

    @Test
    void limitsOutsideOneToTenThousandAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        IntStream.of(0, -1, PortInput.MAX_LIMIT + 1).forEach(limit ->
                assertInvalidInput(() -> metricsStore().find(metricName(), NO_FILTER, range, limit)));
    }

    @Test
    void nullArgumentsAreRejectedAsInvalidInput() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("region", null);
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "eu");
        assertInvalidInput(() -> metricsStore().record(null));
        assertAsyncInvalidInput(() -> metricsStore().recordAsync(null));
        assertInvalidInput(() -> metricsStore().recordBatch(null));
        assertInvalidInput(() -> metricsStore().find(null, NO_FILTER, range, 10));
        assertInvalidInput(() -> metricsStore().find(metricName(), null, range, 10));
        assertInvalidInput(() -> metricsStore().find(metricName(), nullValue, range, 10));
        assertInvalidInput(() -> metricsStore().find(metricName(), nullKey, range, 10));
        assertInvalidInput(() -> metricsStore().find(metricName(), NO_FILTER, null, 10));
    }

    @Test
    void downsamplingGivesAverageMinimumMaximumLastAndCountPerSeriesAndInterval() {
        String name = metricName();
        Instant minute = CandleInterval.MINUTES_5.start(windowStart());
        Map<String, String> a = Map.of("region", "eu", "node", "a");
        Map<String, String> b = Map.of("region", "eu", "node", "b");
        List<MetricPoint> points = List.of(
                MetricPoint.of(name, 6, a, minute.plusSeconds(1)),
                MetricPoint.of(name, 1, a, minute.plusSeconds(2)),
                MetricPoint.of(name, 2, a, minute.plusSeconds(3)),
                MetricPoint.of(name, -4, b, minute.plusSeconds(4)),
                MetricPoint.of(name, 10, a, minute.plusSeconds(70)),
                MetricPoint.of(name, 99, Map.of("region", "us", "node", "a"), minute.plusSeconds(5)),
                MetricPoint.of(name, 7.5, b, minute.plusSeconds(185)));
        metricsStore().recordBatch(points);
        awaitVisible();
        TimeRange range = window(minute, Duration.ofMinutes(4));

        assertThat(metricsStore().downsample(MetricDownsampleQuery.of(name, Map.of("region", "eu"), CandleInterval.MINUTE_1, range, 100)))
                .containsExactly(
                        new MetricBucket(minute, name, new TreeMap<>(a), 3, 1, 6, 2, 3),
                        new MetricBucket(minute, name, new TreeMap<>(b), -4, -4, -4, -4, 1),
                        new MetricBucket(minute.plusSeconds(60), name, new TreeMap<>(a), 10, 10, 10, 10, 1),
                        new MetricBucket(minute.plusSeconds(180), name, new TreeMap<>(b), 7.5, 7.5, 7.5, 7.5, 1));
        assertThat(metricsStore().downsample(MetricDownsampleQuery.of(name, Map.of("node", "a"), CandleInterval.MINUTES_5, range, 100)))
                .containsExactly(
                        new MetricBucket(CandleInterval.MINUTES_5.start(minute), name, new TreeMap<>(a), 4.75, 1, 10, 10, 4),
                        new MetricBucket(CandleInterval.MINUTES_5.start(minute), name, new TreeMap<>(Map.of("region", "us", "node", "a")), 99, 99, 99, 99, 1));
        assertThat(metricsStore().downsample(MetricDownsampleQuery.of(name, Map.of(), CandleInterval.MINUTE_1, range, 2))).hasSize(2);
        assertThat(metricsStore().downsample(MetricDownsampleQuery.of(name, Map.of("region", "asia"), CandleInterval.MINUTE_1, range, 10))).isEmpty();
    }

    @Test
    void downsamplingIsHalfOpen() {
        String name = metricName();
        Instant from = CandleInterval.MINUTES_5.start(windowStart()).plusSeconds(30);
        Instant to = from.plusSeconds(60);
        metricsStore().recordBatch(List.of(MetricPoint.of(name, 1, Map.of(), micros(from, -1)), MetricPoint.of(name, 2, Map.of(), from),
                MetricPoint.of(name, 3, Map.of(), micros(to, -1)), MetricPoint.of(name, 4, Map.of(), to)));
        awaitVisible();

        assertThat(metricsStore().downsample(MetricDownsampleQuery.of(name, Map.of(), CandleInterval.MINUTES_5, TimeRange.of(from, to), 10)))
                .containsExactly(new MetricBucket(CandleInterval.MINUTES_5.start(from), name, new TreeMap<>(), 2.5, 2, 3, 3, 2));
    }

    @Test
    void badDownsampleQueriesAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("region", null);
        assertInvalidInput(() -> metricsStore().downsample(null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricDownsampleQuery.of(metricName(), nullValue, CandleInterval.MINUTE_1, range, 10))
                .isInstanceOf(io.soltrade.data.domain.DomainValidationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetricDownsampleQuery.of(metricName(), Map.of(), CandleInterval.MINUTE_1, range, 0))
                .isInstanceOf(io.soltrade.data.domain.DomainValidationException.class);
    }
}
