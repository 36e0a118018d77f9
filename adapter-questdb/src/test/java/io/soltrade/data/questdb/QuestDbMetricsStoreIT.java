package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.contract.MetricsStoreContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MetricsStore contract on QuestDB. Reads wait for WAL apply by themselves, so awaitVisible stays a no-op. */
class QuestDbMetricsStoreIT extends MetricsStoreContract {

    @Override
    protected MetricsStore metricsStore() {
        return QuestDbFixture.instance(MetricsStore.class);
    }

    @Test
    void labelValuesOutsideTheBasicMultilingualPlaneReadBackAsWrittenAndMatchFilters() {
        String name = "non_bmp_" + TestRows.pubkey().base58().substring(0, 8);
        Instant at = TestRows.now();
        String emoji = "rocket \uD83D\uDE80, flag \uD83C\uDDEB\uD83C\uDDF7, math \uD835\uDD38";
        MetricPoint point = MetricPoint.of(name, 1.5, Map.of("note", emoji, "plain", "x"), at);
        MetricPoint other = MetricPoint.of(name, 2.5, Map.of("note", "no emoji", "plain", "x"), at.plusNanos(1_000));

        metricsStore().recordBatch(java.util.List.of(point, other));

        TimeRange range = new TimeRange(at, at.plusSeconds(1));
        assertThat(metricsStore().find(name, Map.of(), range, 10)).containsExactly(point, other);
        assertThat(metricsStore().find(name, Map.of("note", emoji), range, 10)).containsExactly(point);
        metricsStore().record(point);
        assertThat(metricsStore().find(name, Map.of(), range, 10)).as("recorded again: still one point").containsExactly(point, other);
    }
}
