package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AUTH from the settings, on a private {@code redis-server --requirepass}. */
class RedisAuthIT {
    private static final String PASSWORD = "s3cret-" + TestValues.word(8);
    private static PrivateRedisServer server;

    @BeforeAll
    static void start() {
        server = PrivateRedisServer.start("--requirepass", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePasswordFromTheSettingsIsUsedForPooledAndDedicatedConnections() {
        try (RedisTestAdapter adapter = new RedisTestAdapter(RedisSettings.builder().url(server.url()).namespace("auth").password(PASSWORD).build())) {
            PriceQuote quote = TestValues.quote(TestValues.symbol(), 1);
            adapter.priceCache().put(quote);

            assertThat(adapter.priceCache().get(quote.symbol())).contains(quote);
            assertThat(adapter.healthChecks().iterator().next().check().state()).isEqualTo(HealthState.UP);
            adapter.liveFeed().subscribe(new io.soltrade.data.ports.FeedChannel("auth.check", io.soltrade.data.domain.StreamName.UI_EVENTS), event -> { })
                    .close();
        }
    }

    @Test
    void aWrongPasswordIsAPermanentAuthenticationError() {
        try (RedisTestAdapter adapter = new RedisTestAdapter(RedisSettings.builder().url(server.url()).namespace("auth").password("wrong").build())) {
            assertThatThrownBy(() -> adapter.priceCache().get(TestValues.symbol())).isInstanceOf(PermanentDbException.class)
                    .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.AUTHENTICATION));
            assertThat(adapter.healthChecks().iterator().next().check().state()).isEqualTo(HealthState.DOWN);
        }
    }
}
