package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.testing.MeterReadings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A host scrapes {@code /metrics} for hours, so every meter the data layer binds must still read after the heap has
 * been collected (the circuit breaker's state gauges and the cache gauges once turned NaN at the first collection:
 * Micrometer holds their objects weakly). it-tests' {@code DataLayerMetersIT} checks the same on the real servers.
 */
class DataLayerMetersTest {

    @Test
    void everyGaugeAndFunctionCounterStillReadsAfterTheHeapIsCollected() {
        try (DataLayer data = DataLayer.create(DataLayerConfig.inMemory())) {
            data.prices().getAll(List.of());
            Map<String, Double> before = MeterReadings.of(data.meters());
            assertThat(before).as("meters read before a collection")
                    .containsKeys("resilience4j.circuitbreaker.state{name=memory,state=closed}", "soltrade.cache.hit.ratio{cache=prices}")
                    .doesNotContainValue(Double.NaN);

            MeterReadings.collectTheHeap();

            assertThat(MeterReadings.of(data.meters())).as("the same meters after a collection").isEqualTo(before);
        }
    }
}
