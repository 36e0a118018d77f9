package io.soltrade.data.app.config;

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
                         schema = "paper", pool-size = 7, connect-timeout = 3s, socket-timeout = 20s, pool-timeout = 2s,
                         ssl-mode = verify-full, ssl-root-cert = "/etc/ssl/pg-ca.pem", migrate-on-start = false,
                         read-url = "jdbc:postgresql://replica1:5432,replica2:5432/trading", read-pool-size = 9,
                         replica-wait-timeout = 250ms, synchronous-commit = remote-apply }
              questdb { ilp = "https::addr=quest.internal:9000;token=abc;", pg-url = "jdbc:postgresql://quest.internal:8812/qdb",
                        pg-user = "reader", pg-password = "quest-secret", pool-size = 8, apply-schema = false,
                        flush-interval = 50ms, batch-rows = 500, buffer-capacity-rows = 5000, enqueue-timeout = 250ms,
                        retry-deadline = 10s, close-deadline = 3s, read-visibility-timeout = 4s, read-timeout = 7s }
              redis { url = "rediss://cache.internal:6380/2", user = "app", password = "redis-secret", namespace = "paper",
                      cache-ttl = 1500ms, stream-max-length = 5000, trimming = approximate, max-deliveries = 3,
                      pool-size = 32, blocking-pool-size = 9, connect-timeout = 750ms, socket-timeout = 1500ms, feed-rate-hz = 4,
                      cluster-nodes = "127.0.0.1:7000,127.0.0.1:7001" }
              resilience {
                retry { max-attempts = 6, initial-backoff = 10ms, multiplier = 3.0, randomization = 0.2, max-backoff = 2s }
                circuit-breaker { failure-rate-threshold = 30, sliding-window-size = 50, minimum-calls = 5,
                                  wait-in-open = 30s, half-open-calls = 7 }
                async-timeout = 9s
              }
            }
            """;

    private static final PostgresConnection DEFAULT_POSTGRES = new PostgresConnection("jdbc:postgresql://127.0.0.1:5432/soltrade",
            "postgres", Secret.of(""), "soltrade", 20, Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(30), "prefer",
            Optional.empty(), true, PostgresReplicas.NONE);
    private static final QuestDbConnection DEFAULT_QUESTDB = new QuestDbConnection(Secret.of("http::addr=127.0.0.1:9000;"),
            "jdbc:postgresql://127.0.0.1:8812/qdb", "admin", Secret.of("quest"), 4, true, Duration.ofMillis(100), 1_000, 100_000,
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(10));
    private static final RedisConnection DEFAULT_REDIS = new RedisConnection("redis://127.0.0.1:6379", Optional.empty(), Secret.of(""),
            "soltrade", Duration.ofSeconds(2), 10_000, "exact", 5, 16, 4, Duration.ofSeconds(2), Duration.ofSeconds(2), 10.0, "");

    private static final PostgresReplicas FULL_REPLICAS = new PostgresReplicas(Optional.of("jdbc:postgresql://env-replica:5432/envdb"),
            9, Duration.ofMillis(250), "remote-apply");
    private static final PostgresReplicas FILE_REPLICAS = new PostgresReplicas(Optional.of("jdbc:postgresql://replica1:5432,replica2:5432/trading"),
            9, Duration.ofMillis(250), "remote-apply");
    private static final PostgresConnection FULL_POSTGRES = new PostgresConnection("jdbc:postgresql://db.internal:6432/trading",
            "trader", Secret.of("pg-secret"), "paper", 7, Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(2), "verify-full",
            Optional.of(Path.of("/etc/ssl/pg-ca.pem")), false, FILE_REPLICAS);
    private static final QuestDbConnection FULL_QUESTDB = new QuestDbConnection(Secret.of("https::addr=quest.internal:9000;token=abc;"),
            "jdbc:postgresql://quest.internal:8812/qdb", "reader", Secret.of("quest-secret"), 8, false, Duration.ofMillis(50), 500, 5_000,
            Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(7));
    private static final RedisConnection FULL_REDIS = new RedisConnection("rediss://cache.internal:6380/2", Optional.of("app"),
            Secret.of("redis-secret"), "paper", Duration.ofMillis(1500), 5_000, "approximate", 3, 32, 9, Duration.ofMillis(750),
            Duration.ofMillis(1500), 4.0, "127.0.0.1:7000,127.0.0.1:7001");

    @Test
    void theMemoryProfilePutsEveryPortInMemoryWithTheDefaultServerSettings() {
        DataLayerConfig config = DataLayerConfig.inMemory();

        EnumMap<Port, Backend> allMemory = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            allMemory.put(port, Backend.MEMORY);
        }
        assertThat(config).isEqualTo(new DataLayerConfig(allMemory,
                DEFAULT_POSTGRES, DEFAULT_QUESTDB, DEFAULT_REDIS,
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
                FULL_POSTGRES, FULL_QUESTDB, FULL_REDIS,
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
        assertThat(config.postgres().url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres");
    }

    @Test
    void everyEnvironmentVariableOverridesItsKeyOverTheFile() throws IOException {
        Map<String, String> env = Map.ofEntries(
                Map.entry("SOLTRADE_PG_URL", "jdbc:postgresql://env-pg:5432/envdb"),
                Map.entry("SOLTRADE_PG_USER", "env-user"),
                Map.entry("SOLTRADE_PG_PASSWORD", "env-pg-password"),
                Map.entry("SOLTRADE_PG_SCHEMA", "env_schema"),
                Map.entry("SOLTRADE_PG_READ_URL", "jdbc:postgresql://env-replica:5432/envdb"),
                Map.entry("SOLTRADE_QUESTDB_ILP", "http::addr=env-quest:9000;username=admin;password=env-ilp-password;"),
                Map.entry("SOLTRADE_QUESTDB_PG_URL", "jdbc:postgresql://env-quest:8812/qdb"),
                Map.entry("SOLTRADE_QUESTDB_PG_USER", "env-quest-user"),
                Map.entry("SOLTRADE_QUESTDB_PG_PASSWORD", "env-quest-password"),
                Map.entry("SOLTRADE_REDIS_URL", "redis://env-redis:6379/1"),
                Map.entry("SOLTRADE_REDIS_USER", "env-redis-user"),
                Map.entry("SOLTRADE_REDIS_PASSWORD", "env-redis-password"),
                Map.entry("SOLTRADE_REDIS_NAMESPACE", "env-ns"),
                Map.entry("SOLTRADE_REDIS_CLUSTER_NODES", "env-redis-1:7000,env-redis-2:7000"));
        assertThat(env.keySet()).containsExactlyInAnyOrder(
                java.util.Arrays.stream(EnvironmentOverride.values()).map(Enum::name).toArray(String[]::new));

        DataLayerConfig config = load("local", FULL_MAPPING, env);

        assertThat(config.postgres()).isEqualTo(new PostgresConnection("jdbc:postgresql://env-pg:5432/envdb", "env-user",
                Secret.of("env-pg-password"), "env_schema", 7, Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(2),
                "verify-full", Optional.of(Path.of("/etc/ssl/pg-ca.pem")), false, FULL_REPLICAS));
        assertThat(config.questdb()).isEqualTo(new QuestDbConnection(Secret.of("http::addr=env-quest:9000;username=admin;password=env-ilp-password;"),
                "jdbc:postgresql://env-quest:8812/qdb", "env-quest-user", Secret.of("env-quest-password"), 8, false, Duration.ofMillis(50),
                500, 5_000, Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(7)));
        assertThat(config.redis()).isEqualTo(new RedisConnection("redis://env-redis:6379/1", Optional.of("env-redis-user"),
                Secret.of("env-redis-password"), "env-ns", Duration.ofMillis(1500), 5_000, "approximate", 3, 32, 9, Duration.ofMillis(750),
                Duration.ofMillis(1500), 4.0, "env-redis-1:7000,env-redis-2:7000"));
    }

    @Test
    void credentialsInTheRedisUrlMoveToUserAndPassword() {
        DataLayerConfig config = ConfigLoader.load("memory", Optional.empty(),
                Map.of("SOLTRADE_REDIS_URL", "redis://default:p%40ss+word@cache:6379/0"));

        assertThat(config.redis().url()).isEqualTo("redis://cache:6379/0");
        assertThat(config.redis().user()).hasValue("default");
        assertThat(config.redis().password().reveal()).isEqualTo("p@ss+word");
    }

    @Test
    void secretsNeverAppearInToString() {
        DataLayerConfig config = ConfigLoader.load("local", Optional.empty(), Map.of(
                "SOLTRADE_PG_PASSWORD", "hunter2",
                "SOLTRADE_QUESTDB_ILP", "https::addr=quest:9000;token=ilptoken;",
                "SOLTRADE_QUESTDB_PG_PASSWORD", "questpass",
                "SOLTRADE_REDIS_URL", "redis://default:redispass@redis:6379"));

        String printed = config.toString();
        assertThat(printed).doesNotContain("hunter2", "ilptoken", "questpass", "redispass")
                .contains("<redacted>", "127.0.0.1:5432", "quest:9000", "redis:6379");
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
    void theAdaptersBoundsAreCheckedAtLoadNamingTheKey() {
        assertThatThrownBy(() -> load("memory", "soltrade.questdb.read-timeout = 1500ms", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.questdb.read-timeout: is PT1.5S, must be whole seconds from 1s to 1h");
        assertThatThrownBy(() -> load("memory", "soltrade.questdb.read-timeout = 0s", Map.of()))
                .hasMessageStartingWith("soltrade.questdb.read-timeout: is PT0S");
        assertThatThrownBy(() -> load("memory", "soltrade.redis.blocking-pool-size = 0", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.redis.blocking-pool-size: is 0, must be between 1 and 1024");
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
                soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, config = memory,
                                    prices = redis, pools = memory, streams = memory, feed = memory }
                soltrade.redis.namespace = "ui"
                """));

        assertThat(config.backendOf(Port.PRICES)).isEqualTo(Backend.REDIS);
        assertThat(config.backendOf(Port.TRADES)).isEqualTo(Backend.MEMORY);
        assertThat(config.redis().namespace()).isEqualTo("ui");
    }

    @Test
    void aHostConfigurationThatChoosesNoAdapterFailsNamingEveryAdaptersKey() {
        assertThatThrownBy(() -> DataLayerConfig.from(ConfigFactory.parseString("soltrade.redis.namespace = \"ui\"")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.adapters: no adapter chosen for trades, positions, metrics, mev, config, prices, pools, streams, feed")
                .hasMessageContaining("soltrade.adapters.trades (questdb | postgres | memory)")
                .hasMessageContaining("soltrade.adapters.config (postgres | memory)")
                .hasMessageContaining("soltrade.adapters.feed (redis | memory)")
                .hasMessageContaining("SOLTRADE_ADAPTERS");
        assertThatThrownBy(() -> DataLayerConfig.from(ConfigFactory.empty()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).key()).isEqualTo("soltrade.adapters");
    }

    @Test
    void onePortLeftUnchosenFailsNamingItsKey() throws IOException {
        String allButFeed = """
                soltrade.adapters { trades = memory, positions = memory, metrics = memory, mev = memory, config = memory,
                                    prices = memory, pools = memory, streams = memory }
                """;

        assertThatThrownBy(() -> DataLayerConfig.from(ConfigFactory.parseString(allButFeed)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.adapters.feed: no adapter chosen for feed. Set soltrade.adapters.feed (redis | memory)");
    }

    @Test
    void eachPortsVariableChoosesItsAdapterOverTheAllPortsVariableOverTheProfile() {
        DataLayerConfig config = ConfigLoader.load("local", Optional.empty(),
                Map.of("SOLTRADE_ADAPTERS", "memory", "SOLTRADE_ADAPTERS_TRADES", "postgres", "SOLTRADE_ADAPTERS_PRICES", " redis "));

        assertThat(config.backendOf(Port.TRADES)).isEqualTo(Backend.POSTGRES);
        assertThat(config.backendOf(Port.PRICES)).isEqualTo(Backend.REDIS);
        assertThat(config.adapters()).as("every other port from SOLTRADE_ADAPTERS, over the local profile")
                .containsEntry(Port.POSITIONS, Backend.MEMORY).containsEntry(Port.CONFIG, Backend.MEMORY).containsEntry(Port.FEED, Backend.MEMORY);
        for (Port port : Port.values()) {
            assertThat(EnvironmentVariables.known()).contains("SOLTRADE_ADAPTERS_" + port.name());
        }
    }

    @Test
    void theAllPortsVariableServersPutsEachPortOnItsServer() {
        DataLayerConfig servers = ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_ADAPTERS", "servers"));

        assertThat(servers.adapters()).isEqualTo(ConfigLoader.load("local", Optional.empty(), Map.of()).adapters());
    }

    @Test
    void aBadAdapterVariableFailsNamingTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_ADAPTERS", "cloud")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("SOLTRADE_ADAPTERS: 'cloud' is not one of memory, servers");
        assertThatThrownBy(() -> ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_ADAPTERS_POSITIONS", "postgres")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.adapters.positions: 'postgres' has no adapter for positions; available: questdb, memory")
                .hasMessageContaining("environment variable SOLTRADE_ADAPTERS_POSITIONS");
    }

    @Test
    void anUnknownSoltradeVariableFailsNamingTheClosestKnownOne() {
        assertThatThrownBy(() -> ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_PG_PASWORD", "hunter2", "PATH", "/usr/bin")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("SOLTRADE_PG_PASWORD: unknown environment variable (the SOLTRADE_ prefix belongs to the data layer);"
                        + " did you mean SOLTRADE_PG_PASSWORD?");
        assertThatThrownBy(() -> ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_ADAPTER_TRADES", "memory")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageEndingWith("did you mean SOLTRADE_ADAPTERS_TRADES?");
        assertThatThrownBy(() -> ConfigLoader.load("memory", Optional.empty(), Map.of("SOLTRADE_KAFKA_BROKERS", "k:9092")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("SOLTRADE_KAFKA_BROKERS: unknown environment variable")
                .hasMessageContaining("known: SOLTRADE_PG_URL");
    }

    @Test
    void theSummaryNamesEveryPortsAdapterAndEachBackendsAddressWithCredentialsMasked() {
        DataLayerConfig config = ConfigLoader.load("local", Optional.empty(), Map.of(
                "SOLTRADE_PG_URL", "jdbc:postgresql://db:5432/app?ssl=true",
                "SOLTRADE_PG_PASSWORD", "pgsecret",
                "SOLTRADE_QUESTDB_ILP", "https::addr=quest:9000;token=ilptoken;",
                "SOLTRADE_REDIS_URL", "redis://default:redispass@cache:6379",
                "SOLTRADE_ADAPTERS_TRADES", "memory"));

        assertThat(config.summary())
                .startsWith("trades=memory, positions=questdb, metrics=questdb, mev=questdb, config=postgres, prices=redis, pools=redis, streams=redis, feed=redis;")
                .contains("; memory in this process", "; postgres jdbc:postgresql://db:5432/app?ssl=true (schema soltrade, user postgres)",
                        "; questdb ilp https::addr=quest:9000;token=<redacted>;, pg jdbc:postgresql://127.0.0.1:8812/qdb",
                        "; redis redis://cache:6379 (namespace soltrade)")
                .doesNotContain("pgsecret", "ilptoken", "redispass");
    }

    @Test
    void aDurationWithoutAUnitIsRefusedRatherThanReadAsMilliseconds() {
        assertThatThrownBy(() -> load("memory", "soltrade.redis.cache-ttl = 1500", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.redis.cache-ttl: '1500' has no unit: write e.g. 1500ms or 1500s")
                .hasMessageContaining("test.conf");
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.connect-timeout = \"10\"", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.postgres.connect-timeout: '10' has no unit");
    }

    @Test
    void aFractionalCountIsRefusedRatherThanTruncated() {
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.pool-size = 5.5", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.postgres.pool-size: '5.5' is not a whole number");
        assertThatThrownBy(() -> load("memory", "soltrade.redis.stream-max-length = \"12.5\"", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("soltrade.redis.stream-max-length: '12.5' is not a whole number");
    }

    @Test
    void everyFaultOfAFileIsReportedAtOnce() {
        assertThatThrownBy(() -> load("memory", """
                soltrade.postgres.pool-size = 5.5
                soltrade.redis.cache-ttl = 1500
                soltrade.resilience.retry.max-attempts = 0
                soltrade.redis.namspace = x
                soltrade.adapters.trades = mongo
                """, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).extracting(ConfigurationException::key).containsExactly(
                        "soltrade.redis.namspace", "soltrade.adapters.trades", "soltrade.postgres.pool-size", "soltrade.redis.cache-ttl",
                        "soltrade.resilience.retry.max-attempts"))
                .hasMessageContaining("and 4 more");
    }

    @Test
    void durationsInMessagesAreWrittenAsInTheFiles() {
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.connect-timeout = 500ms", Map.of()))
                .hasMessageStartingWith("soltrade.postgres.connect-timeout: is 500ms, must be at least 1s");
        assertThat(DurationText.of(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(DurationText.of(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0s");
        assertThat(DataLayerConfig.inMemory().postgres().toString()).contains("connectTimeout=10s").doesNotContain("PT");
    }

    @Test
    void replicaReadsAreOffByDefaultAndValidated() {
        assertThat(DataLayerConfig.inMemory().postgres().replicas()).isEqualTo(PostgresReplicas.NONE);
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.read-url = \"mysql://replica\"", Map.of()))
                .hasMessageStartingWith("soltrade.postgres.read-url: 'mysql://replica' is not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.read-url = \"jdbc:postgresql://r:5432/db?password=s3cret\"", Map.of()))
                .hasMessageStartingWith("soltrade.postgres.read-url: must not carry a password")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.read-pool-size = 0", Map.of()))
                .hasMessageStartingWith("soltrade.postgres.read-pool-size: is 0, must be between 1 and 1000");
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.replica-wait-timeout = 2m", Map.of()))
                .hasMessageStartingWith("soltrade.postgres.replica-wait-timeout: is 2m, must be at most 1m");
        assertThatThrownBy(() -> load("memory", "soltrade.postgres.synchronous-commit = always", Map.of()))
                .hasMessageStartingWith("soltrade.postgres.synchronous-commit: 'always' is not one of server-default, remote-write, on, remote-apply");
    }

    @Test
    void theReadUrlComesFromItsVariableAndIsSummarisedMasked() {
        DataLayerConfig config = ConfigLoader.load("local", Optional.empty(),
                Map.of("SOLTRADE_PG_READ_URL", "jdbc:postgresql://replica1:5432,replica2:5432/postgres"));

        assertThat(config.postgres().replicas().readUrl()).contains("jdbc:postgresql://replica1:5432,replica2:5432/postgres");
        assertThat(config.summary()).contains("reads that may lag on jdbc:postgresql://replica1:5432,replica2:5432/postgres");
    }

    private DataLayerConfig load(String profile, String fileContent, Map<String, String> env) throws IOException {
        Path file = dir.resolve("test.conf");
        Files.writeString(file, fileContent);
        return ConfigLoader.load(profile, Optional.of(file), env);
    }
}
