package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance run for Redis Cluster: the runnable jar's {@code simulate --profile local} in a child JVM, with
 * {@code SOLTRADE_REDIS_CLUSTER_NODES} naming a 3-master cluster of real {@code redis-server} processes (PostgreSQL and
 * QuestDB as in {@link LocalProfileIT}). The session's keys land on all three masters, and the streams on the cluster
 * hold exactly what the summary says.
 */
class RedisClusterSimulateIT {
    /**
     * Fixed so the check of the spread cannot depend on chance: under it the five simulated symbols' cache keys fall on
     * masters 2, 1, 1, 3, 3 of the fixture's even slot split, the streams on 1, 3, 3. Only this test uses it (once per JVM).
     */
    private static final String NAMESPACE = "sim-cluster";
    @TempDir
    Path dir;

    @Test
    void simulateOnAThreeMasterClusterSpreadsItsKeysOverEveryMasterAndItsSummaryIsExact() throws Exception {
        TestingRedisCluster cluster = TestingRedisCluster.shared();
        try (TestingPostgres postgres = TestingPostgres.start(); TestingRedisCluster.Namespace redis = cluster.namespace(NAMESPACE)) {
            PostgresSettings pg = postgres.settingsFor(postgres.freshSchema(), 4);
            QuestDbServer questdb = QuestDbServer.shared();
            Path config = dir.resolve("servers.conf");
            Files.writeString(config, """
                    soltrade {
                      postgres { url = "%s", user = "%s", password = "%s", schema = "%s", pool-size = 4 }
                      questdb { ilp = "%s", pg-url = "%s", pg-user = "%s", pg-password = "%s" }
                      redis { namespace = "%s" }
                    }
                    """.formatted(pg.url(), pg.user(), pg.password(), pg.schema(), questdb.ilpConfig(), questdb.pgUrl(), questdb.pgUser(),
                    questdb.pgPassword(), redis.name()));
            CommandLineTest.Result migrated = CommandLineTest.run(new Main(), "migrate", "--profile", "local", "--config", config.toString());
            assertThat(migrated.exitCode()).as(migrated.err()).isZero();

            Path json = dir.resolve("summary.json");
            Run simulated = runJar(Map.of("SOLTRADE_REDIS_CLUSTER_NODES", cluster.clusterNodes(), "SOLTRADE_LOG_LEVEL", "INFO"), "simulate", "--profile", "local", "--config",
                    config.toString(), "--trades", "300", "--trade-rate", "300", "--price-rate", "20", "--seed", "11", "--no-progress",
                    "--summary-json", json.toString());
            assertThat(simulated.exitCode()).as(simulated.out() + simulated.err()).isZero();
            assertThat(simulated.err()).contains("redis cluster 127.0.0.1:");
            Map<Integer, List<String>> keysByMaster = redis.keysByMaster();
            System.out.println(simulated.out());
            keysByMaster.forEach((port, keys) -> System.out.println("master " + port + ": " + keys.size() + " keys of the session"));

            assertThat(keysByMaster).hasSize(3);
            assertThat(keysByMaster.values()).as("keys on every master").allSatisfy(keys -> assertThat(keys).isNotEmpty());
            JsonNode summary = new ObjectMapper().readTree(json.toFile());
            Path clusterConfig = dir.resolve("cluster.conf");
            Files.writeString(clusterConfig, Files.readString(config) + "soltrade.redis.cluster-nodes = \"" + cluster.clusterNodes() + "\"\n");
            try (DataLayer data = DataLayer.create(DataLayerConfig.load("local", Optional.of(clusterConfig)))) {
                long entries = 0;
                for (StreamName stream : StreamName.values()) {
                    long length = data.streams().length(stream);
                    assertThat(length).as(stream.key()).isEqualTo(summary.get("streams").get(stream.key()).asLong());
                    entries += length;
                }
                assertThat(entries).isEqualTo(summary.get("acknowledged").get("stream_events").asLong()).isPositive();
            }
        }
    }

    private static Run runJar(Map<String, String> environment, String... arguments) throws Exception {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Path jar = Path.of("target", "soltrade-data.jar");
        assertThat(jar).as("the runnable jar, built in the package phase before the integration tests").exists();
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SOLTRADE_"));
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("simulate-out", ".txt");
        Path err = Files.createTempFile("simulate-err", ".txt");
        Process child = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}
}
