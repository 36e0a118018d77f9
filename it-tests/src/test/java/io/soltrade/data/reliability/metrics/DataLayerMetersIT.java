package io.soltrade.data.reliability.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.testing.MeterReadings;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.testing.TestingRedis;
import io.soltrade.data.reliability.support.DrillLayer;
import io.soltrade.data.reliability.support.FaultServers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every meter a data layer on all three real servers binds (the decorators', the caches', HikariCP's, the QuestDB
 * writer's, the Redis pool's) still reads after the heap has been collected: Micrometer holds a gauge's object
 * weakly, so a meter bound to an object nothing keeps turns NaN at the next collection. A host scraping
 * {@code /metrics} would see the circuit breaker's state vanish (a drill in CI once did).
 */
class DataLayerMetersIT {

    @Test
    void everyGaugeAndFunctionCounterStillReadsAfterTheHeapIsCollected() {
        QuestDbServer questDb = FaultServers.questDb();
        try (TestingPostgres postgres = TestingPostgres.start(); TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace()) {
            PostgresSettings settings = postgres.settingsFor(postgres.freshSchema(), 2);
            readAfterACollection(DrillLayer.start("""
                    soltrade.adapters { trades = questdb, positions = questdb, metrics = questdb, mev = questdb,
                                        config = postgres, prices = redis, pools = redis, streams = redis, feed = redis }
                    soltrade.questdb { ilp = "%s", pg-url = "%s", pg-user = "%s", pg-password = "%s", pool-size = 2 }
                    soltrade.postgres { url = "%s", user = "%s", password = "%s", schema = "%s", pool-size = 2 }
                    soltrade.redis { url = "%s", namespace = "%s" }
                    """.formatted(questDb.ilpConfig(), questDb.pgUrl(), questDb.pgUser(), questDb.pgPassword(),
                    settings.url(), settings.user(), settings.password(), settings.schema(),
                    TestingRedis.shared().url(), namespace.name())));
        }
    }

    private static void readAfterACollection(DataLayer started) {
        try (DataLayer layer = started) {
            layer.prices().getAll(List.of());
            Map<String, Double> before = MeterReadings.of(layer.meters());
            assertThat(before).as("meters read before a collection")
                    .containsKeys("resilience4j.circuitbreaker.state{name=questdb,state=closed}",
                            "resilience4j.circuitbreaker.state{name=postgres,state=closed}",
                            "resilience4j.circuitbreaker.state{name=redis,state=closed}",
                            "soltrade.cache.hit.ratio{cache=prices}")
                    .doesNotContainValue(Double.NaN);

            MeterReadings.collectTheHeap();

            Map<String, Double> after = MeterReadings.of(layer.meters());
            assertThat(after.keySet()).as("the meters after a collection").isEqualTo(before.keySet());
            assertThat(after).as("no meter reads NaN after a collection").doesNotContainValue(Double.NaN);
        }
    }
}
