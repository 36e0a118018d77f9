package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host that uses only Redis and memory: no PostgreSQL or QuestDB is started or needed. Runs against a private
 * {@code redis-server} so that it may stop it: {@code /health} then turns 503, and 200 again once it is back.
 */
class RedisAndMemoryIT {
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
        return DataLayerConfig.from(com.typesafe.config.ConfigFactory.parseString("""
                soltrade.adapters { prices = redis, pools = redis, streams = redis, feed = redis }
                soltrade.redis { url = "%s", namespace = "app-%s" }
                """.formatted(redis.url(), UUID.randomUUID().toString().substring(0, 8))));
    }

    @Test
    void eachPortResolvesToTheAdapterItsBackendWasChosenFor() {
        try (DataLayer data = DataLayer.create(redisAndMemory())) {
            Injector redisInjector = data.injector(Backend.REDIS);
            assertThat(List.of(PriceCache.class, PoolStateCache.class, EventStream.class, LiveFeed.class))
                    .extracting(type -> redisInjector.getInstance(type).getClass().getSimpleName())
                    .containsExactly("RedisPriceCache", "RedisPoolStateCache", "RedisEventStream", "RedisLiveFeed");
            assertThat(data.injector(Backend.MEMORY).getInstance(TradeStore.class).getClass().getSimpleName()).isEqualTo("MemoryTradeStore");
            assertThat(data.injector(Backend.POSTGRES)).isNull();
            assertThat(data.injector(Backend.QUESTDB)).isNull();

            PriceQuote quote = new PriceQuote(TokenSymbol.of("SOL"), new BigDecimal("151.25"), 300_000_001L, Instant.now(), "it");
            data.prices().put(quote);
            assertThat(data.prices().get(TokenSymbol.of("SOL"))).hasValue(quote);
            data.streams().publish(new PriceUpdateEvent(quote));
            assertThat(data.streams().length(StreamName.PRICE_UPDATES)).isEqualTo(1);
            data.trades().save(Samples.trade(1));
            assertThat(data.trades().findById(Samples.trade(1).id())).isPresent();
        }
    }

    @Test
    void aGuiceHostGetsRedisAndMemoryPortsFromOneModule() {
        Injector host = Guice.createInjector(new DataLayerModule(redisAndMemory()));
        try {
            PriceCache prices = host.getInstance(PriceCache.class);
            assertThat(prices).isInstanceOf(ResilientPriceCache.class);
            assertThat(prices.ttl()).isEqualTo(Duration.ofSeconds(2));
            assertThat(host.getInstance(TradeStore.class)).isInstanceOf(ResilientTradeStore.class);
        } finally {
            host.getInstance(DataLayer.class).close();
        }
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
