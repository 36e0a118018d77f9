package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import io.soltrade.data.ports.contract.PriceCacheContract;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@link RedisPriceCache} on a 3-master Redis Cluster of real {@code redis-server} processes: the
 * {@link PriceCacheContract} kit, plus batches whose keys span every master (one {@code MGET} per slot, one pipeline
 * per node) and the layout read from the owning node as a cluster-unaware client would.
 */
class RedisPriceCacheClusterIT extends PriceCacheContract {
    private static TestingRedisCluster.Namespace namespace;
    private static RedisTestAdapter adapter;

    @BeforeAll
    static void start() {
        namespace = TestingRedisCluster.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().cacheTtl(Duration.ofSeconds(1)).build());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        namespace.close();
        assertThat(namespace.keys()).isEmpty();
    }

    @Override
    protected PriceCache priceCache() {
        return adapter.priceCache();
    }

    @Test
    void batchesSpanningEveryMasterAreWrittenAndReadWhole() {
        List<PriceQuote> quotes = IntStream.range(0, 50).mapToObj(i -> TestValues.quote(TestValues.symbol(), 100 + i)).toList();

        assertThat(adapter.priceCache().putAll(quotes)).containsOnly(PutOutcome.STORED).hasSize(50);
        Map<TokenSymbol, PriceQuote> read = adapter.priceCache().getAll(quotes.stream().map(PriceQuote::symbol).toList());

        assertThat(read.values()).containsExactlyInAnyOrderElementsOf(quotes);
        assertThat(namespace.keysByMaster().values()).hasSize(3).allSatisfy(keys -> assertThat(keys).isNotEmpty());
    }

    @Test
    void theOwningNodeAnswersAPlainGetWithTheDecimalPrice() {
        PriceQuote quote = TestValues.quote(TestValues.symbol(), 7);
        adapter.priceCache().put(quote);
        String key = namespace.name() + ":price:" + quote.symbol().value();
        try (Jedis node = TestingRedisCluster.connect(TestingRedisCluster.shared().portServing(key))) {
            assertThat(node.get(key)).isEqualTo(quote.price().toPlainString());
            assertThat(node.get(namespace.name() + ":meta:{" + key + "}")).endsWith("|" + quote.source() + "|" + quote.quote().base58());
        }
    }
}
