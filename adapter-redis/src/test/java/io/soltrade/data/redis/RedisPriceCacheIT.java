package io.soltrade.data.redis;

import static io.soltrade.data.redis.TestValues.BASE_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import io.soltrade.data.ports.contract.PriceCacheContract;
import io.soltrade.data.redis.testing.TestingRedis;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * {@link RedisPriceCache} against the shared Redis, in a namespace of its own, TTL 1 s: the {@link PriceCacheContract} kit,
 * plus what only Redis shows (the stored layout read as a non-Java client reads it, TTLs read with PTTL, expired lookups
 * counted, error replies).
 */
class RedisPriceCacheIT extends PriceCacheContract {
    private static TestingRedis.Namespace namespace;
    private static RedisTestAdapter adapter;
    private static PriceCache cache;

    @BeforeAll
    static void start() {
        namespace = TestingRedis.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().cacheTtl(Duration.ofSeconds(1)).build());
        cache = adapter.priceCache();
    }

    @AfterAll
    static void stop() {
        adapter.close();
        namespace.close();
        assertThat(namespace.keys()).isEmpty();
    }

    @Override
    protected PriceCache priceCache() {
        return cache;
    }

    @Test
    void latencyIsRecordedPerCall() {
        PriceQuote quote = TestValues.quote(TestValues.symbol(), 1);
        cache.put(quote);
        cache.get(quote.symbol());
        cache.getAll(List.of(quote.symbol(), TestValues.symbol()));

        CacheStatistics statistics = ((RedisPriceCache) cache).statistics();
        assertThat(statistics.readLatency().count()).isGreaterThanOrEqualTo(2);
        assertThat(statistics.writeLatency().count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void rejectedOlderQuoteLeavesTheTtlRunning() {
        TokenSymbol symbol = TestValues.symbol();
        cache.put(TestValues.quote(symbol, 100));
        String key = new RedisKeys(namespace.name()).price(symbol);
        try (Jedis jedis = TestingRedis.shared().connect()) {
            long before = jedis.pttl(key);
            assertThat(before).isBetween(1L, 1_000L);

            cache.put(TestValues.quote(symbol, 99));

            assertThat(jedis.pttl(key)).isLessThanOrEqualTo(before);
        }
    }

    @Test
    void expiredQuoteIsNeverServedAndCountsAsExpired() {
        PriceQuote quote = TestValues.quote(TestValues.symbol(), 100);
        cache.put(quote);
        CacheStats before = cache.stats();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> cache.get(quote.symbol()).isEmpty());

        assertThat(cache.getAll(List.of(quote.symbol()))).isEmpty();
        CacheStats after = cache.stats();
        assertThat(after.expired() - before.expired()).isGreaterThanOrEqualTo(2);
        assertThat(after.misses() - before.misses()).isZero();
        PriceQuote older = TestValues.quote(quote.symbol(), 50);
        assertThat(cache.put(older)).as("an expired quote takes no part in set-if-newer").isEqualTo(PutOutcome.STORED);
    }

    @Test
    void aPlainGetOfThePriceKeyReturnsTheExactDecimalPriceAndItsCompanionTheRest() {
        PriceQuote quote = new PriceQuote(TestValues.symbol(), new BigDecimal("187.123456789012345678"), 312_345_678, BASE_TIME, "pyth");
        cache.put(quote);
        String key = namespace.name() + ":price:" + quote.symbol().value();
        try (Jedis jedis = TestingRedis.shared().connect()) {
            assertThat(jedis.get(key)).isEqualTo("187.123456789012345678");
            assertThat(jedis.get(namespace.name() + ":meta:{" + key + "}"))
                    .isEqualTo("0000000000312345678:0001748779200123456|pyth|" + QuoteTokens.USDC.base58());
            assertThat(jedis.pttl(key)).isBetween(1L, 1_000L);
            assertThat(jedis.pttl(namespace.name() + ":meta:{" + key + "}")).isBetween(1_000L, 30_000L);
        }
    }

    @Test
    void redisCliReadsThePriceAsAnyNonJavaClientWould() throws Exception {
        PriceQuote quote = new PriceQuote(TestValues.symbol(), new BigDecimal("0.000012345"), 9, BASE_TIME, "jupiter");
        cache.put(quote);
        URI server = URI.create(TestingRedis.shared().url());
        Process cli = new ProcessBuilder("redis-cli", "-h", server.getHost(), "-p", Integer.toString(server.getPort() == -1 ? 6379 : server.getPort()),
                "--raw", "GET", namespace.name() + ":price:" + quote.symbol().value()).redirectErrorStream(true).start();
        assertThat(cli.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip()).isEqualTo("0.000012345");
    }

    @Test
    void onChainSymbolsArePercentEncodedInTheirKeyAndQuotesKeepTheirQuoteToken() {
        TokenSymbol symbol = TokenSymbol.of("$WIF:{" + TestValues.symbol().value() + "} 狗");
        PriceQuote quote = new PriceQuote(symbol, new BigDecimal("2.5"), 7, BASE_TIME, "jupiter", QuoteTokens.SOL);
        cache.put(quote);
        String key = namespace.name() + ":price:" + symbol.percentEncoded();
        String meta = namespace.name() + ":meta:{" + key + "}";
        try (Jedis jedis = TestingRedis.shared().connect()) {
            assertThat(key).startsWith(namespace.name() + ":price:%24WIF%3A%7B").endsWith("%7D%20%E7%8B%97");
            assertThat(jedis.get(key)).isEqualTo("2.5");
            assertThat(jedis.get(meta)).endsWith("|jupiter|" + QuoteTokens.SOL.base58());
            assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(JedisClusterCRC16.getSlot(meta));
        }
        assertThat(cache.get(symbol)).contains(quote);
    }

    @Test
    void aPriceWrittenWithoutItsCompanionKeyIsAnEncodingErrorNamingIt() {
        TokenSymbol symbol = TestValues.symbol();
        String key = new RedisKeys(namespace.name()).price(symbol);
        try (Jedis jedis = TestingRedis.shared().connect()) {
            jedis.psetex(key, 60_000, "1.5");
        }
        assertThatThrownBy(() -> cache.get(symbol)).isInstanceOf(PermanentDbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.ENCODING))
                .hasMessageContaining(namespace.name() + ":meta:{" + key + "}");
    }

    @Test
    void aValueItCannotReadIsAnEncodingError() {
        TokenSymbol symbol = TestValues.symbol();
        cache.put(TestValues.quote(symbol, 1));
        try (Jedis jedis = TestingRedis.shared().connect()) {
            jedis.psetex(new RedisKeys(namespace.name()).price(symbol), 60_000, "garbage");
        }
        assertThatThrownBy(() -> cache.get(symbol)).isInstanceOf(PermanentDbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.ENCODING));
    }

    @Test
    void anErrorReplyIsAPermanentQueryErrorWithItsCode() {
        TokenSymbol symbol = TestValues.symbol();
        cache.put(TestValues.quote(symbol, 1));
        RedisKeys keys = new RedisKeys(namespace.name());
        try (Jedis jedis = TestingRedis.shared().connect()) {
            jedis.del(keys.meta(keys.price(symbol)));
            jedis.rpush(keys.meta(keys.price(symbol)), "not a string");
        }
        CacheStats before = cache.stats();
        assertThatThrownBy(() -> cache.put(TestValues.quote(symbol, 2))).isInstanceOf(PermanentDbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.QUERY))
                .satisfies(e -> assertThat(((DbException) e).vendorCode()).contains("WRONGTYPE"));
        assertThat(cache.stats().errors() - before.errors()).isEqualTo(1);
    }

}
