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

    @Test
    void defaults() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader").build();

        assertThat(settings).isEqualTo(new PostgresSettings(URL, "trader", "", "soltrade", 20, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofSeconds(30), PostgresSslMode.PREFER, Optional.empty(), true));
    }

    @Test
    void everyKeyIsSettable() {
        PostgresSettings settings = PostgresSettings.builder(URL, "trader")
                .password("s3cret").schema("it_1").maxPoolSize(5).connectTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(7)).poolTimeout(Duration.ofMillis(500)).sslMode(PostgresSslMode.VERIFY_FULL)
                .sslRootCert(Path.of("/etc/ssl/pg-ca.pem")).migrateOnStart(false).build();

        assertThat(settings).isEqualTo(new PostgresSettings(URL, "trader", "s3cret", "it_1", 5, Duration.ofSeconds(3),
                Duration.ofSeconds(7), Duration.ofMillis(500), PostgresSslMode.VERIFY_FULL, Optional.of(Path.of("/etc/ssl/pg-ca.pem")), false));
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
