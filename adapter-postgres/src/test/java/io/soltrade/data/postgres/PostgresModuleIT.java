package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Message;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.postgres.testing.TestingPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Guice module as a host uses it: bindings, migration on start, health, shutdown, start-up failures. */
class PostgresModuleIT {
    private TestingPostgres postgres;

    @BeforeEach
    void start() {
        postgres = TestingPostgres.start();
    }

    @AfterEach
    void stop() {
        postgres.close();
    }

    private static Injector injector(PostgresSettings settings) {
        return Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
            binder.install(new PostgresModule(settings));
        });
    }

    @Test
    void bindsThePortsMigratesReportsHealthAndClosesInOrder() {
        Injector injector = injector(postgres.settings(3));
        TradeStore trades = injector.getInstance(TradeStore.class);
        ConfigStore config = injector.getInstance(ConfigStore.class);
        Set<HealthCheck> checks = injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}));
        List<ManagedResource> resources = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));

        Trade trade = SampleValues.liveTrade(SampleValues.pubkey(), SampleValues.T0);
        trades.save(trade);
        assertThat(trades.findById(trade.id())).contains(trade);
        assertThat(config.findToken(SampleValues.pubkey())).isEmpty();
        assertThat(injector.getInstance(TradeStore.class)).isSameAs(trades);

        assertThat(checks).hasSize(1);
        HealthReport report = checks.iterator().next().check();
        assertThat(report.backend()).isEqualTo("postgres");
        assertThat(report.state()).isEqualTo(HealthState.UP);
        assertThat(report.details()).containsEntry("pool.max", "3").containsEntry("pool.total", "3").containsKeys("pool.active", "pool.idle", "pool.waiting");

        assertThat(resources).extracting(ManagedResource::name).containsExactly("postgres connection pool (" + report.details().get("schema") + ")",
                "postgres async writes");
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        assertThat(checks.iterator().next().check().state()).isEqualTo(HealthState.DOWN);
        assertThat(catchThrowable(() -> trades.findById(trade.id())))
                .isInstanceOfSatisfying(PermanentDbException.class, e -> assertThat(e.kind()).isEqualTo(DbErrorKind.CLOSED));
        assertThat(catchThrowable(() -> trades.saveAsync(trade).join())).hasCauseInstanceOf(PermanentDbException.class);
    }

    @Test
    void anUnreachableServerFailsAtStartUpWithATransientConnectionError() {
        PostgresSettings unreachable = PostgresSettings.builder("jdbc:postgresql://127.0.0.1:1/test", "postgres")
                .connectTimeout(Duration.ofSeconds(1)).poolTimeout(Duration.ofSeconds(1)).build();

        Throwable failure = catchThrowable(() -> injector(unreachable));

        assertThat(rootDbException(failure)).isInstanceOfSatisfying(TransientDbException.class,
                e -> assertThat(e.kind()).isEqualTo(DbErrorKind.CONNECTION));
    }

    @Test
    void aServerThatNeverAnswersFailsTheStartOnceAndLeavesNoPool() {
        try (io.soltrade.data.ports.contract.SilentServer silent = io.soltrade.data.ports.contract.SilentServer.start()) {
            PostgresSettings hung = PostgresSettings.builder("jdbc:postgresql://127.0.0.1:" + silent.port() + "/test", "postgres")
                    .connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(1)).poolTimeout(Duration.ofSeconds(1)).build();

            Throwable failure = catchThrowable(() -> injector(hung));

            assertThat(rootDbException(failure)).isInstanceOf(TransientDbException.class);
            assertThat(silent.accepted()).as("connections tried: the failed pool is not built again per binding").isEqualTo(1);
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("soltrade-postgres-") || name.startsWith("postgres-async-write"))).as("pool and async threads").isEmpty();
        }
    }

    @Test
    void anUnmigratedSchemaIsAPermanentErrorWithItsSqlState() {
        PostgresSettings settings = postgres.settingsFor(postgres.freshSchema(), 1);
        Injector injector = injector(new PostgresSettings(settings.url(), settings.user(), settings.password(), settings.schema(), 1,
                settings.connectTimeout(), settings.socketTimeout(), settings.poolTimeout(), settings.sslMode(), settings.sslRootCert(), false,
                PostgresReplication.NONE));
        try {
            Throwable failure = catchThrowable(() -> injector.getInstance(TradeStore.class).findById(SampleValues.liveTrade(SampleValues.pubkey(), SampleValues.T0).id()));

            assertThat(failure).isInstanceOfSatisfying(PermanentDbException.class, e -> {
                assertThat(e.kind()).isEqualTo(DbErrorKind.QUERY);
                assertThat(e.vendorCode()).contains("42P01");
            });
        } finally {
            injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})).forEach(ManagedResource::close);
        }
    }

    /** The DbException behind Guice's CreationException (which carries one message per failed binding). */
    private static DbException rootDbException(Throwable failure) {
        assertThat(failure).isInstanceOf(CreationException.class);
        return ((CreationException) failure).getErrorMessages().stream()
                .map(Message::getCause)
                .filter(DbException.class::isInstance)
                .map(DbException.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no DbException in " + failure, failure));
    }
}
