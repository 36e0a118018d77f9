package io.soltrade.data.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /health} follows a real server: a private {@code redis-server} serving the caches, streams and feed (the
 * rest in memory) is killed, and {@code /health} turns 503; once it is back, 200 again.
 */
class HealthEndpointIT {
    private static PrivateRedisServer redis;

    @BeforeAll
    static void startRedis() {
        redis = PrivateRedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    private static DataLayerConfig redisAndMemory() {
        return DataLayerConfig.from(ConfigFactory.parseString("""
                soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, config = memory,
                                    prices = redis, pools = redis, streams = redis, feed = redis }
                soltrade.redis { url = "%s", namespace = "cli-%s" }
                """.formatted(redis.url(), UUID.randomUUID().toString().substring(0, 8))));
    }

    @Test
    void healthTurns503WhenRedisStopsAnd200WhenItIsBack() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        HttpClient client = HttpClient.newHttpClient();
        try (DataLayer data = DataLayer.create(redisAndMemory(), registry);
                DataLayerHttpServer server = new DataLayerHttpServer(data, registry, 0)) {
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build();
            assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            redis.kill();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("\"backend\" : \"redis\"", "\"state\" : \"DOWN\"");
            });

            redis.startAgain();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
        }
    }
}
