package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static final String URL = "jdbc:postgresql://db.internal:5432/soltrade";
    private static final String READ_URL = "jdbc:postgresql://replica1.internal:5432,replica2.internal:5432,db.internal:5432/soltrade";

    @Test
    void defaults() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").build();

        assertThat(settings).isEqualTo(new PostgresSettings(URL, "trader", "", "soltrade", 20, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(30), PostgresSslMode.PREFER, Optional.empty(), true,
                new PostgresReplication(Optional.empty(), 20, Duration.ofSeconds(1), PostgresSynchronousCommit.SERVER_DEFAULT)));
        assertThat(settings.replication()).isEqualTo(PostgresReplication.NONE);
    }

    @Test
    void everyKeyIsSettable() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader")
                .password("s3cret").schema("it_1").maxPoolSize(5).connectTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(7)).poolTimeout(Duration.ofMillis(500)).sslMode(PostgresSslMode.VERIFY_FULL)
                .sslRootCert(Path.of("/etc/ssl/pg-ca.pem")).migrateOnStart(false)
                .readUrl(READ_URL).readPoolSize(9).replicaWaitTimeout(Duration.ofMillis(250)).synchronousCommit(PostgresSynchronousCommit.REMOTE_APPLY).build();

        assertThat(settings).isEqualTo(new PostgresSettings(URL, "trader", "s3cret", "it_1", 5, Duration.ofSeconds(3),
                Duration.ofSeconds(7), Duration.ofMillis(500), PostgresSslMode.VERIFY_FULL, Optional.of(Path.of("/etc/ssl/pg-ca.pem")), false,
                new PostgresReplication(Optional.of(READ_URL), 9, Duration.ofMillis(250), PostgresSynchronousCommit.REMOTE_APPLY)));
    }

    @Test
    void toStringNeverShowsThePassword() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").password("hunter2-very-secret").build();

        assertThat(settings.toString()).doesNotContain("hunter2").contains("password=<redacted>").contains("user=trader");
        assertThat(PostgresSettings.builder(URL, "trader").build().toString()).contains("password=<none>");
    }

    @Test
    void thePasswordComesFromTheEnvironmentWhenTheSettingsHaveNone() {
        Map<String, String> env = Map.of("SOLTRADE_PG_PASSWORD", "from-env");

        assertThat(PostgresSettings.builder(URL, "trader").build().effectivePassword(env)).isEqualTo("from-env");
        assertThat(PostgresSettings.builder(URL, "trader").password("configured").build().effectivePassword(env)).isEqualTo("configured");
        assertThat(PostgresSettings.builder(URL, "trader").build().effectivePassword(Map.of())).isEmpty();
    }

    @Test
    void rejectsAPasswordInTheUrl() {
        assertThatThrownBy(() -> PostgresSettings.builder(URL + "?user=x&password=leak", "trader").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres.url must not carry a password")
                .hasMessageNotContaining("leak");
    }

    @Test
    void rejectsBadValuesNamingTheKey() {
        assertThatThrownBy(() -> PostgresSettings.builder("jdbc:mysql://x/y", "u").build()).hasMessageContaining("postgres.url");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, " ").build()).hasMessageContaining("postgres.user");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").schema("Robert'); DROP").build()).hasMessageContaining("postgres.schema");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").maxPoolSize(0).build()).hasMessageContaining("postgres.maxPoolSize");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").connectTimeout(Duration.ofMillis(10)).build()).hasMessageContaining("postgres.connectTimeout");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").socketTimeout(null).build()).hasMessageContaining("postgres.socketTimeout");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").poolTimeout(Duration.ofMillis(100)).build()).hasMessageContaining("postgres.poolTimeout");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").sslMode(null).build()).hasMessageContaining("postgres.sslMode");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").readUrl("postgresql://replica/db").build()).hasMessageContaining("postgres.readUrl");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").readPoolSize(0).build()).hasMessageContaining("postgres.readPoolSize");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").replicaWaitTimeout(Duration.ofMillis(-1)).build())
                .hasMessageContaining("postgres.replicaWaitTimeout");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").replicaWaitTimeout(Duration.ofMinutes(2)).build())
                .hasMessageContaining("postgres.replicaWaitTimeout");
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "u").synchronousCommit(null).build()).hasMessageContaining("postgres.synchronousCommit");
    }

    @Test
    void rejectsAPasswordInTheReadUrl() {
        assertThatThrownBy(() -> PostgresSettings.builder(URL, "trader").readUrl(READ_URL + "?password=leak").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres.readUrl must not carry a password")
                .hasMessageNotContaining("leak");
    }

    @Test
    void thePrimaryPoolConnectsOnlyToAPrimaryAndSetsTheCommitWait() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").synchronousCommit(PostgresSynchronousCommit.REMOTE_APPLY).build();

        HikariConfig config = PostgresConnectionPool.hikariConfig(settings, Map.of());

        assertThat(config.getDataSourceProperties()).containsEntry("targetServerType", "primary");
        assertThat(config.getConnectionInitSql()).isEqualTo("SET synchronous_commit = remote_apply");
        assertThat(config.isReadOnly()).isFalse();
        assertThat(PostgresConnectionPool.hikariConfig(PostgresSettings.builder(URL, "trader").build(), Map.of()).getConnectionInitSql())
                .as("the server's own synchronous_commit by default").isNull();
    }

    @Test
    void theReadPoolIsReadOnlyPrefersStandbysAndIsNamedApart() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").password("pw").schema("it_x").maxPoolSize(7)
                .readUrl(READ_URL).readPoolSize(4).socketTimeout(Duration.ofSeconds(9)).build();

        HikariConfig config = PostgresConnectionPool.hikariConfig(settings, PostgresConnectionPool.Role.READ, Map.of());

        assertThat(config.getJdbcUrl()).isEqualTo(READ_URL);
        assertThat(config.getPoolName()).isEqualTo("soltrade-postgres-read-it_x")
                .isNotEqualTo(PostgresConnectionPool.hikariConfig(settings, Map.of()).getPoolName());
        assertThat(config.getMaximumPoolSize()).isEqualTo(4);
        assertThat(config.getMinimumIdle()).isEqualTo(4);
        assertThat(config.isReadOnly()).isTrue();
        assertThat(config.getMaxLifetime()).as("rebalanced over the replicas within minutes").isEqualTo(300_000);
        assertThat(config.getPassword()).isEqualTo("pw");
        assertThat(config.getConnectionInitSql()).isNull();
        assertThat(config.getDataSourceProperties())
                .containsEntry("targetServerType", "preferSecondary")
                .containsEntry("loadBalanceHosts", "true")
                .containsEntry("readOnlyMode", "always")
                .containsEntry("socketTimeout", "9")
                .containsEntry("currentSchema", "it_x")
                .containsEntry("ApplicationName", "soltrade-data:it_x:read");
    }

    @Test
    void aTargetServerTypeInTheUrlWinsOverThePoolsDefault() throws Exception {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").readUrl(READ_URL + "?targetServerType=secondary").build();
        HikariConfig config = PostgresConnectionPool.hikariConfig(settings, PostgresConnectionPool.Role.READ, Map.of());

        java.util.Properties effective = org.postgresql.Driver.parseURL(config.getJdbcUrl(), config.getDataSourceProperties());

        assertThat(effective.getProperty("targetServerType")).isEqualTo("secondary");
        assertThat(effective.getProperty("loadBalanceHosts")).isEqualTo("true");
        assertThat(effective.getProperty("PGHOST")).isEqualTo("replica1.internal,replica2.internal,db.internal");
    }

    @Test
    void toStringShowsTheReplicationSettings() {
        assertThat(PostgresSettings.builder(URL, "trader").readUrl(READ_URL).build().toString())
                .contains("readUrl=" + READ_URL).contains("replicaWaitTimeout=PT1S").contains("synchronousCommit=SERVER_DEFAULT");
    }

    @Test
    void thePoolGetsTimeoutsTlsSchemaAndSize() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").password("pw").schema("it_x").maxPoolSize(7)
                .connectTimeout(Duration.ofSeconds(3)).socketTimeout(Duration.ofSeconds(9)).poolTimeout(Duration.ofSeconds(2))
                .sslMode(PostgresSslMode.VERIFY_CA).sslRootCert(Path.of("/ca.pem")).build();

        HikariConfig config = PostgresConnectionPool.hikariConfig(settings, Map.of());

        assertThat(config.getMaximumPoolSize()).isEqualTo(7);
        assertThat(config.getConnectionTimeout()).isEqualTo(2_000);
        assertThat(config.getPassword()).isEqualTo("pw");
        assertThat(config.getDataSourceProperties())
                .containsEntry("connectTimeout", "3")
                .containsEntry("socketTimeout", "9")
                .containsEntry("sslmode", "verify-ca")
                .containsEntry("sslrootcert", "/ca.pem")
                .containsEntry("currentSchema", "it_x")
                .containsEntry("ApplicationName", "soltrade-data:it_x");
    }
}
