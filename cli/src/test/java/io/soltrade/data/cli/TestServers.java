package io.soltrade.data.cli;

import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.testing.TestingRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The servers a command runs against on the {@code local} profile in a test: PostgreSQL in a fresh schema (the server
 * the {@code SOLTRADE_PG_*} variables name, else localhost, else an embedded one), the shared QuestDB the fixture
 * starts, Redis in a fresh namespace; written as a {@code --config} file over the profile. Closing drops the schema
 * and the namespace.
 */
final class TestServers implements AutoCloseable {
    private final TestingPostgres postgres;
    private final TestingRedis.Namespace redis;
    private final PostgresSettings pg;
    private final Path config;

    private TestServers(TestingPostgres postgres, TestingRedis.Namespace redis, PostgresSettings pg, Path config) {
        this.postgres = postgres;
        this.redis = redis;
        this.pg = pg;
        this.config = config;
    }

    static TestServers start(Path directory) throws IOException {
        TestingPostgres postgres = TestingPostgres.start();
        TestingRedis.Namespace redis = null;
        try {
            PostgresSettings pg = postgres.settingsFor(postgres.freshSchema(), 4);
            QuestDbServer questdb = QuestDbServer.shared();
            redis = TestingRedis.shared().freshNamespace();
            Path config = directory.resolve("servers.conf");
            Files.writeString(config, """
                    soltrade {
                      postgres { url = "%s", user = "%s", password = "%s", schema = "%s", pool-size = 4 }
                      questdb { ilp = "%s", pg-url = "%s", pg-user = "%s", pg-password = "%s" }
                      redis { url = "%s", namespace = "%s" }
                    }
                    """.formatted(pg.url(), pg.user(), pg.password(), pg.schema(), questdb.ilpConfig(), questdb.pgUrl(), questdb.pgUser(),
                    questdb.pgPassword(), TestingRedis.shared().url(), redis.name()));
            return new TestServers(postgres, redis, pg, config);
        } catch (IOException | RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            postgres.close();
            throw e;
        }
    }

    /** The {@code --config} file naming these servers. */
    Path config() {
        return config;
    }

    /** The PostgreSQL schema this test owns. */
    String postgresSchema() {
        return pg.schema();
    }

    @Override
    public void close() {
        redis.close();
        postgres.close();
    }
}
