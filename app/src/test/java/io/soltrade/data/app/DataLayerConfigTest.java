package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLayerConfigTest {

    @TempDir
    Path dir;

    /** Every key with a value that differs from its default. Keep in step with reference.conf (checked below). */
    private static final String FULL_MAPPING = """
            soltrade {
              adapters { trades = postgres, positions = questdb, metrics = questdb, mev = questdb, config = postgres,
                         prices = redis, pools = redis, streams = redis, feed = redis }
              postgres { url = "jdbc:postgresql://db.internal:6432/trading", user = "trader", password = "pg-secret",
                         schema = "paper", pool-size = 20, connect-timeout = 7s, migrate-on-start = false }
              questdb { ilp = "tcp::addr=quest.internal:9009;", pg-url = "jdbc:postgresql://quest.internal:8812/qdb",
                        pg-user = "reader", pg-password = "quest-secret", pool-size = 8, create-schema-on-start = false }
              redis { url = "rediss://cache.internal:6380", key-prefix = "paper:", pool-size = 32, timeout = 750ms }
              resilience {
                retry { max-attempts = 6, initial-backoff = 10ms, multiplier = 3.0, randomization = 0.2, max-backoff = 2s }
                circuit-breaker { failure-rate-threshold = 30, sliding-window-size = 50, minimum-calls = 5,
                                  wait-in-open = 30s, half-open-calls = 7 }
                async-timeout = 9s
              }
            }
            """;

    @Test
    void defaultsAreTheMemoryProfileWithLocalServerSettings() {
        DataLayerConfig config = DataLayerConfig.defaults();

        EnumMap<Port, Backend> allMemory = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            allMemory.put(port, Backend.MEMORY);
        }
        assertThat(config).isEqualTo(new DataLayerConfig(allMemory,
                new PostgresConnection("jdbc:postgresql://localhost:5432/soltrade", "postgres", Secret.of(""), "soltrade", 10, Duration.ofSeconds(5), true),
                new QuestDbConnection(Secret.of("http::addr=localhost:9000;"), "jdbc:postgresql://localhost:8812/qdb", "admin", Secret.of("quest"), 4, true),
                new RedisConnection(Secret.of("redis://localhost:6379"), "soltrade:", 16, Duration.ofSeconds(2)),
                new ResiliencePolicy(
                        new RetryPolicy(4, Duration.ofMillis(25), 2.0, 0.5, Duration.ofSeconds(1)),
                        new BreakerPolicy(50, 20, 10, Duration.ofSeconds(5), 3),
                        Duration.ofSeconds(5))));
        assertThat(config.backendsInUse()).containsExactly(Backend.MEMORY);
    }

    @Test
    void everyKeyMapsToItsField() throws IOException {
        DataLayerConfig config = load("memory", FULL_MAPPING, Map.of());

        assertThat(config).isEqualTo(new DataLayerConfig(
                Map.of(Port.TRADES, Backend.POSTGRES, Port.POSITIONS, Backend.QUESTDB, Port.METRICS, Backend.QUESTDB,
                        Port.MEV, Backend.QUESTDB, Port.CONFIG, Backend.POSTGRES, Port.PRICES, Backend.REDIS,
                        Port.POOLS, Backend.REDIS, Port.STREAMS, Backend.REDIS, Port.FEED, Backend.REDIS),
                new PostgresConnection("jdbc:postgresql://db.internal:6432/trading", "trader", Secret.of("pg-secret"), "paper", 20, Duration.ofSeconds(7), false),
                new QuestDbConnection(Secret.of("tcp::addr=quest.internal:9009;"), "jdbc:postgresql://quest.internal:8812/qdb", "reader", Secret.of("quest-secret"), 8, false),
                new RedisConnection(Secret.of("rediss://cache.internal:6380"), "paper:", 32, Duration.ofMillis(750)),
                new ResiliencePolicy(
                        new RetryPolicy(6, Duration.ofMillis(10), 3.0, 0.2, Duration.ofSeconds(2)),
                        new BreakerPolicy(30, 50, 5, Duration.ofSeconds(30), 7),
                        Duration.ofSeconds(9))));
    }

    @Test
    void theFullMappingCoversEveryKeyOfReferenceConf() {
        Set<String> mapped = ConfigFactory.parseString(FULL_MAPPING).entrySet().stream().map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toSet());
        assertThat(mapped).isEqualTo(new HashSet<>(ConfigLoader.knownKeys()));
    }

    @Test
    void localProfilePutsEachPortOnItsServer() {
        DataLayerConfig config = ConfigLoader.load("local", Optional.empty(), Map.of());

        assertThat(config.adapters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                Port.TRADES, Backend.QUESTDB, Port.POSITIONS, Backend.QUESTDB, Port.METRICS, Backend.QUESTDB,
                Port.MEV, Backend.QUESTDB, Port.CONFIG, Backend.POSTGRES, Port.PRICES, Backend.REDIS,
                Port.POOLS, Backend.REDIS, Port.STREAMS, Backend.REDIS, Port.FEED, Backend.REDIS));
        assertThat(config.backendsInUse()).containsExactly(Backend.POSTGRES, Backend.QUESTDB, Backend.REDIS);
        assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
    }

    @Test
    void everyEnvironmentVariableOverridesItsKeyOverTheFile() throws IOException {
        Map<String, String> env = Map.of(
                "SOLTRADE_PG_URL", "jdbc:postgresql://env-pg:5432/envdb",
                "SOLTRADE_PG_USER", "env-user",
                "SOLTRADE_PG_PASSWORD", "env-pg-password",
                "SOLTRADE_PG_SCHEMA", "env_schema",
                "SOLTRADE_QUESTDB_ILP", "http::addr=env-quest:9000;username=admin;password=env-ilp-password;",
                "SOLTRADE_QUESTDB_PG_URL", "jdbc:postgresql://env-quest:8812/qdb",
                "SOLTRADE_QUESTDB_PG_USER", "env-quest-user",
                "SOLTRADE_QUESTDB_PG_PASSWORD", "env-quest-password",
                "SOLTRADE_REDIS_URL", "redis://:env-redis-password@env-redis:6379/2",
                "SOLTRADE_REDIS_KEY_PREFIX", "env:");
        assertThat(env.keySet()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(EnvironmentOverride.values()).map(Enum::name).toArray(String[]::new));

        DataLayerConfig config = load("local", FULL_MAPPING, env);

        assertThat(config.postgres()).isEqualTo(new PostgresConnection("jdbc:postgresql://env-pg:5432/envdb", "env-user",
                Secret.of("env-pg-password"), "env_schema", 20, Duration.ofSeconds(7), false));
        assertThat(config.questdb()).isEqualTo(new QuestDbConnection(Secret.of("http::addr=env-quest:9000;username=admin;password=env-ilp-password;"),
                "jdbc:postgresql://env-quest:8812/qdb", "env-quest-user", Secret.of("env-quest-password"), 8, false));
        assertThat(config.redis()).isEqualTo(new RedisConnection(Secret.of("redis://:env-redis-password@env-redis:6379/2"), "env:", 32, Duration.ofMillis(750)));
    }

    @Test
    void secretsNeverAppearInToString() {
        DataLayerConfig config = ConfigLoader.load("local", Optional.empty(), Map.of(
                "SOLTRADE_PG_PASSWORD", "hunter2",
                "SOLTRADE_PG_URL", "jdbc:postgresql://pg:5432/db?user=x&password=urlpass",
                "SOLTRADE_QUESTDB_ILP", "https::addr=quest:9000;token=ilptoken;",
                "SOLTRADE_QUESTDB_PG_PASSWORD", "questpass",
                "SOLTRADE_REDIS_URL", "redis://default:redispass@redis:6379"));

        String printed = config.toString();
        assertThat(printed).doesNotContain("hunter2", "urlpass", "ilptoken", "questpass", "redispass")
                .contains("<redacted>", "pg:5432", "quest:9000", "redis:6379");
        assertThat(config.postgres().password().reveal()).isEqualTo("hunter2");
    }

    @Test
    void anUnknownKeyFailsNamingItAndTheClosestKnownKey() {
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.pasword = x", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("soltrade.postgres.pasword: unknown key")
                .hasMessageContaining("did you mean soltrade.postgres.password?")
                .hasMessageNotContaining("= x");
        assertThatThrownBy(() -> load("memory", "database.url = x", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).key()).isEqualTo("database.url");
    }

    @Test
    void aValueOfTheWrongTypeFailsNamingTheKey() {
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.pool-size = ten", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.postgres.pool-size: has type STRING rather than NUMBER");
        assertThatThrownBy(() -> load("memory", "soltrade.resilience.async-timeout = soon", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.resilience.async-timeout:");
    }

    @Test
    void aMissingValueFailsNamingTheKey() {
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.user = null", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.postgres.user: is missing");
    }

    @Test
    void anOutOfRangeValueFailsNamingTheKeyAndTheFile() {
        assertThatThrownBy(() -> load("memory", "soltrade.resilience.retry.max-attempts = 0", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.resilience.retry.max-attempts: is 0, must be between 1 and 20")
                .hasMessageContaining("test.conf");
    }

    @Test
    void anUnknownAdapterFailsListingTheAvailableOnes() {
        assertThatThrownBy(() -> load("memory", "soltrade.adapters.trades = mongo", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.adapters.trades: 'mongo' is not an adapter; available for trades: questdb, postgres, memory");
        assertThatThrownBy(() -> load("memory", "soltrade.adapters.positions = postgres", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.adapters.positions: 'postgres' has no adapter for positions; available: questdb, memory");
    }

    @Test
    void aBadValueFromTheEnvironmentNamesTheVariableButNotTheSecret() {
        assertThatThrownBy(() -> ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_REDIS_URL", "http://:s3cret@redis:6379")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.redis.url:")
                .hasMessageContaining("environment variable SOLTRADE_REDIS_URL")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void anUnknownProfileFailsListingTheProfiles() {
        assertThatThrownBy(() -> ConfigLoader.load("production", Optional.empty(), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("profile: 'production' is not a profile; available: memory, local (or give a file with --config)");
    }

    @Test
    void aHostConfigurationIsReadFromItsSoltradeSection() {
        DataLayerConfig config = DataLayerConfig.from(ConfigFactory.parseString("""
                host.name = "trader-ui"
                soltrade.adapters.prices = redis
                soltrade.redis.key-prefix = "ui:"
                """));

        assertThat(config.backendOf(Port.PRICES)).isEqualTo(Backend.REDIS);
        assertThat(config.backendOf(Port.TRADES)).isEqualTo(Backend.MEMORY);
        assertThat(config.redis().keyPrefix()).isEqualTo("ui:");
    }

    private DataLayerConfig load(String profile, String fileContent, Map<String, String> env) throws IOException {
        Path file = dir.resolve("test.conf");
        Files.writeString(file, fileContent);
        return ConfigLoader.load(profile, Optional.of(file), env);
    }
}
