package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.FeedChannel;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

class RedisKeysTest {
    private final RedisKeys keys = new RedisKeys("soltrade");

    @Test
    void keysAreTheDocumentedOnes() {
        Pubkey pool = Pubkey.of("58oQChx4yWmvKdwLLZzBi4ChoCc2fqCUWBkwMihLYQo2");

        assertThat(keys.price(TokenSymbol.of("SOL"))).isEqualTo("soltrade:price:SOL");
        assertThat(keys.meta(keys.price(TokenSymbol.of("SOL")))).isEqualTo("soltrade:meta:{soltrade:price:SOL}");
        assertThat(keys.pool(pool)).isEqualTo("soltrade:pool:58oQChx4yWmvKdwLLZzBi4ChoCc2fqCUWBkwMihLYQo2");
        assertThat(keys.stream(StreamName.PRICE_UPDATES)).isEqualTo("soltrade:{stream:price-updates}");
        assertThat(keys.deadLetters(StreamName.TRADE_EVENTS)).isEqualTo("soltrade:{stream:trade-events}:dead-letters");
        assertThat(keys.sequence(StreamName.UI_EVENTS)).isEqualTo("soltrade:{stream:ui-events}:sequence");
        assertThat(keys.feed(new FeedChannel("prices.SOL", StreamName.PRICE_UPDATES))).isEqualTo("soltrade:feed:prices.SOL");
        assertThat(keys.everyKeyPattern()).isEqualTo("soltrade:*");
    }

    @Test
    void keysAScriptTouchesTogetherShareAClusterSlot() {
        for (StreamName stream : StreamName.values()) {
            int slot = JedisClusterCRC16.getSlot(keys.stream(stream));
            assertThat(JedisClusterCRC16.getSlot(keys.deadLetters(stream))).isEqualTo(slot);
            assertThat(JedisClusterCRC16.getSlot(keys.sequence(stream))).isEqualTo(slot);
        }
        for (String value : new String[] {keys.price(TokenSymbol.of("BONK")), keys.price(TokenSymbol.of("$WIF")),
                keys.pool(Pubkey.of("58oQChx4yWmvKdwLLZzBi4ChoCc2fqCUWBkwMihLYQo2"))}) {
            assertThat(JedisClusterCRC16.getSlot(keys.meta(value))).as(value).isEqualTo(JedisClusterCRC16.getSlot(value));
        }
    }

    @Test
    void aSymbolIsPercentEncodedSoItCannotBreakTheKey() {
        assertThat(keys.price(TokenSymbol.of("$WIF"))).isEqualTo("soltrade:price:%24WIF");
        assertThat(keys.price(TokenSymbol.of("a}:meta{b"))).isEqualTo("soltrade:price:a%7D%3Ameta%7Bb");
        assertThat(keys.price(TokenSymbol.of("%24WIF"))).isNotEqualTo(keys.price(TokenSymbol.of("$WIF")));
        assertThat(keys.feed(FeedChannel.prices(TokenSymbol.of("$WIF")))).isEqualTo("soltrade:feed:prices.%24WIF");
        assertThat(keys.price(TokenSymbol.of("狗*?[ ]"))).isEqualTo("soltrade:price:%E7%8B%97%2A%3F%5B%20%5D");
    }

    @Test
    void differentSymbolsSpreadOverSlots() {
        assertThat(JedisClusterCRC16.getSlot(keys.price(TokenSymbol.of("SOL"))))
                .isNotEqualTo(JedisClusterCRC16.getSlot(keys.price(TokenSymbol.of("USDC"))));
    }
}
