package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host that uses only Redis and memory: no PostgreSQL or QuestDB is started or needed. Runs against a private
 * {@code redis-server} of its own.
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
                soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, config = memory,
                                    prices = redis, pools = redis, streams = redis, feed = redis }
                soltrade.redis { url = "%s", namespace = "app-%s" }
                """.formatted(redis.url(), UUID.randomUUID().toString().substring(0, 8))));
    }

    @Test
    void eachPortResolvesToTheAdapterItsBackendWasChosenFor() {
        try (DataLayer data = DataLayer.create(redisAndMemory())) {
            assertThat(List.of(PriceCache.class, PoolStateCache.class, EventStream.class, LiveFeed.class))
                    .extracting(type -> data.adapter(Backend.REDIS, type).getClass().getSimpleName())
                    .containsExactly("RedisPriceCache", "RedisPoolStateCache", "RedisEventStream", "RedisLiveFeed");
            assertThat(data.adapter(Backend.MEMORY, TradeStore.class).getClass().getSimpleName()).isEqualTo("MemoryTradeStore");
            assertThat(data.backends()).containsExactly(Backend.MEMORY, Backend.REDIS);

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
            assertThat(prices).isSameAs(host.getInstance(DataLayer.class).prices());
            assertThat(prices.ttl()).isEqualTo(Duration.ofSeconds(2));
            assertThat(host.getInstance(TradeStore.class).getClass().getSimpleName()).isEqualTo("ResilientTradeStore");
        } finally {
            host.getInstance(DataLayer.class).close();
        }
    }
}
