package io.soltrade.data.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.RedisSettings;
import io.soltrade.data.redis.testing.TestingRedis;
import io.soltrade.data.reliability.support.LogCapture;
import io.soltrade.data.reliability.support.RunningAdapter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secrets never reach a log line, an exception message or a settings' {@code toString()}: each adapter is run with
 * a recognisable password (in its password field and, for QuestDB, inside the ILP configuration string), through
 * a successful start where the server ignores it and a failed one where the server refuses it, with every logger
 * at DEBUG, and the captured text is searched for the secret.
 */
class CredentialRedactionIT {
    private final String secret = "S3cret-" + ContractFixtures.word(16);

    @Test
    void postgresPasswordAppearsNowhere() throws Exception {
        List<String> seen = new ArrayList<>();
        try (TestingPostgres postgres = TestingPostgres.start(); LogCapture logs = new LogCapture()) {
            PostgresSettings settings = PostgresSettings.builder(postgres.url(), postgres.user()).password(secret)
                    .schema(postgres.freshSchema()).maxPoolSize(2).build();
            seen.add(settings.toString());
            // The test server trusts local connections, so the password is sent but not needed: a full start.
            try (RunningAdapter adapter = RunningAdapter.start(new PostgresModule(settings))) {
                adapter.port(ConfigStore.class).upsertToken(ContractFixtures.splToken(), Actor.of("redaction"));
                Trade trade = ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart());
                adapter.port(TradeStore.class).batchSave(List.of(trade));
                for (HealthCheck check : adapter.healthChecks()) {
                    seen.add(check.check().toString());
                }
            }
            // Nobody listens on port 1: the start fails, and its error names the server but not the password.
            PostgresSettings unreachable = PostgresSettings.builder("jdbc:postgresql://127.0.0.1:1/test", "postgres").password(secret)
                    .connectTimeout(Duration.ofSeconds(1)).build();
            Throwable refused = catchThrowable(() -> RunningAdapter.start(new PostgresModule(unreachable)));
            assertThat(refused).as("a start against a closed port").isNotNull();
            seen.add(everything(refused));
            seen.add(logs.text());
            assertThat(logs.events()).as("log events captured").isPositive();
        }
        assertNoSecret(seen);
    }

    @Test
    void redisPasswordAppearsNowhere() {
        List<String> seen = new ArrayList<>();
        try (TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace(); LogCapture logs = new LogCapture()) {
            // The test server has no password: AUTH is refused, and the refusal must not echo the password.
            RedisSettings settings = namespace.settings().user("soltrade").password(secret).connectTimeout(Duration.ofMillis(500)).build();
            seen.add(settings.toString());
            try (RunningAdapter adapter = RunningAdapter.start(new RedisModule(settings))) {
                Throwable refused = catchThrowable(() -> adapter.port(PriceCache.class).get(ContractFixtures.symbol()));
                assertThat(refused).as("a call with credentials the server does not know").isNotNull();
                seen.add(everything(refused));
                for (HealthCheck check : adapter.healthChecks()) {
                    seen.add(check.check().toString());
                }
            }
            seen.add(logs.text());
            assertThat(logs.events()).as("log events captured").isPositive();
        }
        assertNoSecret(seen);
    }

    @Test
    void questDbPasswordsAppearNowhere() {
        List<String> seen = new ArrayList<>();
        QuestDbServer server = QuestDbServer.shared();
        try (LogCapture logs = new LogCapture()) {
            // A wrong PG wire password and an ILP password the server does not expect: the start fails on PG wire.
            QuestDbSettings settings = QuestDbSettings.of(server.ilpConfig() + "username=admin;password=" + secret + ";", server.pgUrl(),
                    server.pgUser(), secret);
            seen.add(settings.toString());
            Throwable refused = catchThrowable(() -> {
                try (RunningAdapter adapter = RunningAdapter.start(new QuestDbModule(settings))) {
                    adapter.port(TradeStore.class).save(ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart()));
                }
            });
            assertThat(refused).as("a start with a wrong PG wire password").isNotNull();
            seen.add(everything(refused));
            seen.add(logs.text());
            assertThat(logs.events()).as("log events captured").isPositive();
        }
        assertNoSecret(seen);
    }

    private void assertNoSecret(List<String> seen) {
        assertThat(seen).as("what was looked at").isNotEmpty();
        for (String text : seen) {
            assertThat(text).as("settings, health, errors and logs").doesNotContain(secret);
        }
    }

    /** A throwable with its whole chain, suppressed ones included, as printed: what an operator would see. */
    private static String everything(Throwable thrown) {
        if (thrown == null) {
            return "";
        }
        StringWriter out = new StringWriter();
        thrown.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
