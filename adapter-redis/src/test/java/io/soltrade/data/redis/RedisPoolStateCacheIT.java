package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.contract.PoolStateCacheContract;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** {@link RedisPoolStateCache} against the shared Redis, TTL 1 s, in a namespace of its own: the kit, plus the stored format. */
class RedisPoolStateCacheIT extends PoolStateCacheContract {
    private static TestingRedis.Namespace namespace;
    private static RedisTestAdapter adapter;

    @BeforeAll
    static void start() {
        namespace = TestingRedis.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().cacheTtl(Duration.ofSeconds(1)).build());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        namespace.close();
    }

    @Override
    protected PoolStateCache poolStateCache() {
        return adapter.poolStateCache();
    }

    @Test
    void aPlainGetOfThePoolKeyReturnsTheStateAsJsonAndItsCompanionTheVersion() {
        PoolState state = TestValues.poolState(TestValues.pubkey(), 312_345_678);
        adapter.poolStateCache().put(state);
        String key = namespace.name() + ":pool:" + state.pool().base58();
        try (Jedis jedis = TestingRedis.shared().connect()) {
            assertThat(jedis.get(key)).startsWith("{\"dex\":\"ORCA_WHIRLPOOL\"").endsWith("}")
                    .contains("\"baseReserve\":\"18446744073709551615\"");
            assertThat(jedis.get(namespace.name() + ":meta:{" + key + "}")).isEqualTo("0000000000312345678:0001748779200123456");
        }
    }
}
