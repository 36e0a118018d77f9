package io.soltrade.example.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.testing.TestingRedis;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host application as its users run it: a JVM of its own on its runtime classpath alone (its classes and what
 * {@code soltrade-app} brings), on the {@code local} profile with the {@code SOLTRADE_*} variables pointing at the
 * test servers (PostgreSQL and Redis where they answer, a QuestDB this test starts). It saves three trades through
 * its own service and reads them back from QuestDB; every backend is UP in the health checks its injector holds.
 */
class HostApplicationIT {

    @TempDir
    Path dir;

    @Test
    void aHostDependingOnSoltradeAppAloneSavesTradesAndReadsThemBackOnTheLocalProfile() throws Exception {
        QuestDbServer questdb = QuestDbServer.shared();
        try (TestingPostgres postgres = TestingPostgres.start(); TestingRedis.Namespace redis = TestingRedis.shared().freshNamespace()) {
            PostgresSettings pg = postgres.settingsFor(postgres.freshSchema(), 4);
            String classpath = System.getProperty("host.classes") + File.pathSeparator
                    + Files.readString(Path.of(System.getProperty("host.runtime.classpath.file"))).strip();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, HostApplication.class.getName(), "local"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("SOLTRADE_"));
            builder.environment().putAll(Map.ofEntries(
                    Map.entry("SOLTRADE_PG_URL", pg.url()), Map.entry("SOLTRADE_PG_USER", pg.user()),
                    Map.entry("SOLTRADE_PG_PASSWORD", pg.password()), Map.entry("SOLTRADE_PG_SCHEMA", pg.schema()),
                    Map.entry("SOLTRADE_QUESTDB_ILP", questdb.ilpConfig()), Map.entry("SOLTRADE_QUESTDB_PG_URL", questdb.pgUrl()),
                    Map.entry("SOLTRADE_QUESTDB_PG_USER", questdb.pgUser()), Map.entry("SOLTRADE_QUESTDB_PG_PASSWORD", questdb.pgPassword()),
                    Map.entry("SOLTRADE_REDIS_URL", TestingRedis.shared().url()), Map.entry("SOLTRADE_REDIS_NAMESPACE", redis.name())));

            Process host = builder.start();

            assertThat(host.waitFor(3, TimeUnit.MINUTES)).as("the host finishes").isTrue();
            String out = Files.readString(dir.resolve("out.txt"));
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(host.exitValue()).as("exit code; stdout: %s; stderr: %s", out, err).isZero();
            assertThat(out).containsPattern("saved 3 trades, read back 3 for host-[0-9a-f]{8}")
                    .contains("health postgres UP", "health questdb UP", "health redis UP");
            assertThat(err).as("no logging backend on the host's classpath").contains("No SLF4J providers were found");
        }
    }
}
