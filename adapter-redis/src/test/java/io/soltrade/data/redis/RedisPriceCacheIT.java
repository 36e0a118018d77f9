package io.soltrade.data.redis;

import static io.soltrade.data.redis.TestValues.BASE_TIME;
import static io.soltrade.data.redis.TestValues.quote;
import static io.soltrade.data.redis.TestValues.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.CacheStats;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import io.soltrade.data.redis.testing.TestingRedis;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** {@link RedisPriceCache} against the shared Redis, in a namespace of its own. TTL 1 s to keep waits short. */
class RedisPriceCacheIT {
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

    @Test
    void pricesRoundTripExactly() {
        for (String price : List.of("0.000000000000000001", "1", "1.50", "123.450000000000000001", "99999999999999999999.999999999999999999", "42000000")) {
            PriceQuote quote = new PriceQuote(symbol(), new BigDecimal(price), 7, BASE_TIME, "pyth");
            cache.put(quote);
            PriceQuote read = cache.get(quote.symbol()).orElseThrow();
            assertThat(read).isEqualTo(quote);
            assertThat(read.price().toPlainString()).isEqualTo(quote.price().toPlainString());
        }
        PriceQuote extreme = new PriceQuote(symbol(), new BigDecimal("3.25"), Long.MAX_VALUE, Instant.parse("2261-12-31T23:59:59.999999Z"), "jupiter.v6_agg-1");
        cache.put(extreme);
        assertThat(cache.get(extreme.symbol())).contains(extreme);
    }

    @Test
    void olderQuoteNeverOverwritesNewerAndARetryIsANoOp() {
        TokenSymbol symbol = symbol();
        PriceQuote newer = quote(symbol, 100);
        assertThat(cache.put(newer)).isEqualTo(PutOutcome.STORED);

        assertThat(cache.put(quote(symbol, 99, BASE_TIME.plusSeconds(60)))).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.put(newer)).isEqualTo(PutOutcome.KEPT_NEWER);
        assertThat(cache.get(symbol)).contains(newer);

        PriceQuote laterObservation = quote(symbol, 100, BASE_TIME.plusNanos(1_000));
        assertThat(cache.put(laterObservation)).isEqualTo(PutOutcome.STORED);
        PriceQuote laterSlot = quote(symbol, 101, BASE_TIME.minusSeconds(60));
        assertThat(cache.put(laterSlot)).isEqualTo(PutOutcome.STORED);
        assertThat(cache.get(symbol)).contains(laterSlot);
    }

    @Test
    void rejectedOlderQuoteLeavesTheTtlRunning() {
        TokenSymbol symbol = symbol();
        cache.put(quote(symbol, 100));
        String key = new RedisKeys(namespace.name()).price(symbol);
        try (Jedis jedis = TestingRedis.shared().connect()) {
            long before = jedis.pttl(key);
            assertThat(before).isBetween(1L, 1_000L);

            cache.put(quote(symbol, 99));

            assertThat(jedis.pttl(key)).isLessThanOrEqualTo(before);
        }
    }

    @Test
    void expiredQuoteIsNeverServedAndCountsAsExpired() {
        PriceQuote quote = quote(symbol(), 100);
        cache.put(quote);
        CacheStats before = cache.stats();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> cache.get(quote.symbol()).isEmpty());

        assertThat(cache.getAll(List.of(quote.symbol()))).isEmpty();
        CacheStats after = cache.stats();
        assertThat(after.expired() - before.expired()).isGreaterThanOrEqualTo(2);
        assertThat(after.misses() - before.misses()).isZero();
        PriceQuote older = quote(quote.symbol(), 50);
        assertThat(cache.put(older)).as("an expired quote takes no part in set-if-newer").isEqualTo(PutOutcome.STORED);
    }

    @Test
    void putAllReturnsOutcomesInOrderAsIfPutOneByOne() {
        TokenSymbol cached = symbol();
        TokenSymbol fresh = symbol();
        TokenSymbol twice = symbol();
        cache.put(quote(cached, 100));

        List<PutOutcome> outcomes = cache.putAll(List.of(quote(cached, 90), quote(fresh, 1), quote(twice, 5), quote(twice, 4), quote(fresh, 2)));

        assertThat(outcomes).containsExactly(PutOutcome.KEPT_NEWER, PutOutcome.STORED, PutOutcome.STORED, PutOutcome.KEPT_NEWER, PutOutcome.STORED);
        assertThat(cache.get(cached).orElseThrow().slot()).isEqualTo(100);
        assertThat(cache.get(fresh).orElseThrow().slot()).isEqualTo(2);
        assertThat(cache.get(twice).orElseThrow().slot()).isEqualTo(5);
    }

    @Test
    void getAllOfFiftyReturnsTheCachedOnesInRequestOrder() {
        List<PriceQuote> quotes = IntStream.range(0, 50).mapToObj(i -> quote(symbol(), 10 + i)).toList();
        cache.putAll(quotes);
        List<TokenSymbol> requested = new ArrayList<>(quotes.stream().map(PriceQuote::symbol).toList());
        IntStream.range(0, 5).forEach(i -> requested.add(symbol()));
        requested.add(quotes.get(0).symbol());
        Collections.shuffle(requested);

        Map<TokenSymbol, PriceQuote> found = cache.getAll(requested);

        assertThat(found).hasSize(50);
        quotes.forEach(q -> assertThat(found).containsEntry(q.symbol(), q));
        assertThat(found.keySet()).containsExactlyElementsOf(requested.stream().distinct().filter(found::containsKey).toList());
    }

    @Test
    void concurrentWritersLeaveTheNewestQuote() {
        TokenSymbol symbol = symbol();
        List<Long> slots = new ArrayList<>(IntStream.rangeClosed(1, 400).mapToObj(i -> (long) i).toList());
        Collections.shuffle(slots);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 4; writer++) {
            List<Long> share = slots.subList(writer * 100, writer * 100 + 100);
            writers.add(CompletableFuture.runAsync(() -> share.forEach(slot -> cache.put(quote(symbol, slot)))));
        }
        writers.forEach(CompletableFuture::join);

        assertThat(cache.get(symbol).orElseThrow().slot()).isEqualTo(400);
    }

    @Test
    void statsCountEachSymbolLookedUp() {
        PriceQuote quote = quote(symbol(), 10);
        cache.put(quote);
        CacheStats before = cache.stats();

        cache.get(quote.symbol());
        cache.get(symbol());
        cache.getAll(List.of(quote.symbol(), symbol()));
        cache.put(quote(quote.symbol(), 9));

        CacheStats after = cache.stats();
        assertThat(after.hits() - before.hits()).isEqualTo(2);
        assertThat(after.misses() - before.misses()).isEqualTo(2);
        assertThat(after.staleWritesRejected() - before.staleWritesRejected()).isEqualTo(1);
        assertThat(after.errors() - before.errors()).isZero();
        assertThat(((RedisPriceCache) cache).statistics().readLatency().count()).isPositive();
    }

    @Test
    void keysAreNamespacedHashTaggedAndCarryTheVersionAndExactPrice() {
        PriceQuote quote = new PriceQuote(symbol(), new BigDecimal("187.123456789012345678"), 312_345_678, BASE_TIME, "pyth");
        cache.put(quote);
        String key = namespace.name() + ":{price:" + quote.symbol().value() + "}";
        try (Jedis jedis = TestingRedis.shared().connect()) {
            assertThat(jedis.get(key)).isEqualTo("0000000000312345678:0001748779200123456|187.123456789012345678|pyth");
            assertThat(jedis.exists(key + ":seen")).isTrue();
        }
    }

    @Test
    void aValueItCannotReadIsAnEncodingError() {
        TokenSymbol symbol = symbol();
        try (Jedis jedis = TestingRedis.shared().connect()) {
            jedis.psetex(new RedisKeys(namespace.name()).price(symbol), 60_000, "garbage");
        }
        assertThatThrownBy(() -> cache.get(symbol)).isInstanceOf(PermanentDbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.ENCODING));
    }

    @Test
    void anErrorReplyIsAPermanentQueryErrorWithItsCode() {
        TokenSymbol symbol = symbol();
        try (Jedis jedis = TestingRedis.shared().connect()) {
            jedis.rpush(new RedisKeys(namespace.name()).price(symbol), "not a string");
        }
        CacheStats before = cache.stats();
        assertThatThrownBy(() -> cache.put(quote(symbol, 1))).isInstanceOf(PermanentDbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.QUERY))
                .satisfies(e -> assertThat(((DbException) e).vendorCode()).contains("WRONGTYPE"));
        assertThat(cache.stats().errors() - before.errors()).isEqualTo(1);
    }

    @Test
    void badInputIsRejectedBeforeAnyIo() {
        for (Runnable call : List.<Runnable>of(() -> cache.put(null), () -> cache.putAll(null), () -> cache.get(null), () -> cache.getAll(null),
                () -> cache.putAll(Arrays.asList(quote(symbol(), 1), null)), () -> cache.getAll(Arrays.asList(symbol(), null)))) {
            assertThatThrownBy(call::run).isInstanceOf(PermanentDbException.class)
                    .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.INVALID_INPUT));
        }
        assertThat(cache.putAll(List.of())).isEmpty();
        assertThat(cache.getAll(List.of())).isEmpty();
    }
}
