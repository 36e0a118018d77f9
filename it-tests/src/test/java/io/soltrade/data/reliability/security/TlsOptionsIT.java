package io.soltrade.data.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.PostgresSslMode;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.RedisSettings;
import io.soltrade.data.redis.testing.TestingRedis;
import io.soltrade.data.reliability.support.RunningAdapter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the local servers allow of TLS. None of them speaks it here (PostgreSQL with {@code ssl = off}, Redis built
 * or configured without TLS, QuestDB open source, which has no TLS), so each test shows that the TLS option is
 * parsed and handed to the driver: asking for TLS fails against a plain server with the driver's TLS error,
 * never silently in plain text, and the plain setting works. Where a server does offer TLS the test says so and
 * checks that a verified connection works instead. See the it-tests README for each backend's options.
 */
class TlsOptionsIT {

    @Test
    void postgresSslModeReachesTheDriver() throws SQLException {
        try (TestingPostgres postgres = TestingPostgres.start()) {
            boolean serverSsl;
            try (Connection admin = postgres.connect(); Statement statement = admin.createStatement(); ResultSet ssl = statement.executeQuery("SHOW ssl")) {
                ssl.next();
                serverSsl = ssl.getString(1).equals("on");
            }
            String schema = postgres.freshSchema();
            PostgresSettings plain = PostgresSettings.builder(postgres.url(), postgres.user()).schema(schema).maxPoolSize(1)
                    .sslMode(PostgresSslMode.DISABLE).build();
            try (RunningAdapter adapter = RunningAdapter.start(new PostgresModule(plain))) {
                adapter.port(ConfigStore.class).upsertToken(ContractFixtures.splToken(), Actor.of("tls"));
            }
            PostgresSettings required = PostgresSettings.builder(postgres.url(), postgres.user()).schema(schema).maxPoolSize(1)
                    .connectTimeout(Duration.ofSeconds(1)).sslMode(PostgresSslMode.REQUIRE).build();
            PostgresSettings verified = PostgresSettings.builder(postgres.url(), postgres.user()).schema(schema).maxPoolSize(1)
                    .connectTimeout(Duration.ofSeconds(1)).sslMode(PostgresSslMode.VERIFY_FULL).sslRootCert(Path.of("/nonexistent/root.crt")).build();
            if (serverSsl) {
                try (RunningAdapter adapter = RunningAdapter.start(new PostgresModule(required))) {
                    adapter.port(ConfigStore.class).findToken(ContractFixtures.pubkey());
                }
                assertThat(text(catchThrowable(() -> RunningAdapter.start(new PostgresModule(verified)).close())))
                        .as("verify-full against a CA file that does not exist").containsIgnoringCase("root.crt");
            } else {
                assertThat(text(catchThrowable(() -> RunningAdapter.start(new PostgresModule(required)).close())))
                        .as("sslmode=require against a server without TLS").contains("The server does not support SSL");
                assertThat(text(catchThrowable(() -> RunningAdapter.start(new PostgresModule(verified)).close())))
                        .as("sslmode=verify-full against a server without TLS").contains("The server does not support SSL");
            }
        }
    }

    @Test
    void redisTlsUrlReachesTheDriver() {
        TestingRedis redis = TestingRedis.shared();
        try (TestingRedis.Namespace namespace = redis.freshNamespace()) {
            try (RunningAdapter plain = RunningAdapter.start(new RedisModule(namespace.settings().build()))) {
                assertThat(plain.port(PriceCache.class).get(ContractFixtures.symbol())).isEmpty();
            }
            String tlsUrl = redis.url().replaceFirst("^redis://", "rediss://");
            RedisSettings tls = namespace.settings().url(tlsUrl).connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2)).build();
            // The module PINGs at start, so the failed handshake fails the start (before it, the first call). A start
            // and a call that succeed mean rediss:// did not reach the driver (the client spoke plain text): the bug
            // this test is for, so it fails instead of being skipped.
            Throwable refused = catchThrowable(() -> {
                try (RunningAdapter adapter = RunningAdapter.start(new RedisModule(tls))) {
                    adapter.port(PriceCache.class).get(ContractFixtures.symbol());
                }
            });
            assertThat(refused).as("rediss:// against the plain server at %s must fail its TLS handshake", redis.url())
                    .isInstanceOf(DbException.class);
            assertThat(text(refused)).as("the driver tried a TLS handshake").containsIgnoringCase("ssl");
        }
    }

    @Test
    void questDbTlsOptionsReachTheClients() {
        QuestDbServer server = QuestDbServer.shared();
        String httpsIlp = server.ilpConfig().replaceFirst("^http::", "https::") + "tls_verify=on;request_timeout=2000;";
        QuestDbSettings overTls = QuestDbSettings.of(httpsIlp, server.pgUrl(), server.pgUser(), server.pgPassword())
                .withDeadlines(Duration.ofSeconds(2), Duration.ofSeconds(2));
        try (RunningAdapter adapter = RunningAdapter.start(new QuestDbModule(overTls))) {
            Throwable refused = catchThrowable(() -> adapter.port(TradeStore.class)
                    .save(ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart())));
            assertThat(refused).as("ILP over https:: against a plain HTTP server").isInstanceOf(DbException.class);
            assertThat(text(refused)).as("the ILP client tried a TLS handshake").containsIgnoringCase("tls");
        }
        QuestDbSettings pgOverTls = QuestDbSettings.of(server.ilpConfig(), server.pgUrl() + "?sslmode=require", server.pgUser(), server.pgPassword());
        Throwable refused = catchThrowable(() -> RunningAdapter.start(new QuestDbModule(pgOverTls)).close());
        assertThat(text(refused)).as("PG wire with sslmode=require against QuestDB, which has no TLS").contains("The server does not support SSL");
    }

    private static String text(Throwable thrown) {
        assertThat(thrown).as("a refusal").isNotNull();
        List<String> lines = new ArrayList<>();
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        lines.add(out.toString());
        return String.join("\n", lines);
    }
}
