package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractFixtures.metricName;
import static io.soltrade.data.ports.contract.ContractFixtures.metricPoint;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.contract.MetricsStoreContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryMetricsStoreTest extends MetricsStoreContract {
    private final MemoryMetricsStore store = new MemoryMetricsStore();

    @Override
    protected MetricsStore metricsStore() {
        return store;
    }

    @Test
    void aBackendThatRecoversAfterTwoFailuresKeepsEveryRetriedPointOnce() {
        MetricPoint point = metricPoint(metricName(), Map.of("k", "v"), windowStart());
        store.withFailure(FailurePlan.firstCalls(2, DbErrorKind.BACKPRESSURE));

        assertFailsWith(DbErrorKind.BACKPRESSURE, () -> store.recordBatch(List.of(point)));
        assertFailsWith(DbErrorKind.BACKPRESSURE, () -> store.recordBatch(List.of(point)));
        store.recordBatch(List.of(point));
        store.recordBatch(List.of(point));

        assertThat(store.find(point.name(), Map.of(), window(point.at(), Duration.ofSeconds(1)), 10)).containsExactly(point);
    }
}
