package io.soltrade.data.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach PostgreSQL ({@code soltrade.postgres}), mirroring the adapter's settings. Tables live in
 * {@code schema}, which start-up creates and migrates with Liquibase when {@code migrateOnStart} is on; {@code replicas}
 * routes the reads that may lag to streaming replicas.
 */
public record PostgresConnection(
        String url,
        String user,
        Secret password,
        String schema,
        int poolSize,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration poolTimeout,
        String sslMode,
        Optional<Path> sslRootCert,
        boolean migrateOnStart,
        PostgresReplicas replicas) {
    static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresConnection {
        ConfigChecks.jdbcPostgresUrl(url, "soltrade.postgres.url");
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new ConfigurationException("soltrade.postgres.url", "must not carry a password: set soltrade.postgres.password or SOLTRADE_PG_PASSWORD");
        }
        ConfigChecks.nonBlank(user, "soltrade.postgres.user");
        ConfigChecks.present(password, "soltrade.postgres.password");
        ConfigChecks.matching(schema, "soltrade.postgres.schema", SCHEMA, "a lowercase schema name ([a-z_][a-z0-9_]*, at most 63 characters)");
        ConfigChecks.between(poolSize, "soltrade.postgres.pool-size", 1, 1_000);
        ConfigChecks.atLeast(connectTimeout, "soltrade.postgres.connect-timeout", Duration.ofSeconds(1));
        ConfigChecks.atLeast(socketTimeout, "soltrade.postgres.socket-timeout", Duration.ofSeconds(1));
        ConfigChecks.atLeast(poolTimeout, "soltrade.postgres.pool-timeout", Duration.ofMillis(250));
        ConfigChecks.oneOf(sslMode, "soltrade.postgres.ssl-mode", SSL_MODES);
        ConfigChecks.present(sslRootCert, "soltrade.postgres.ssl-root-cert");
        ConfigChecks.present(replicas, "soltrade.postgres.read-url");
    }

    /** These settings with {@code migrateOnStart} on: what {@code migrate} starts the backend with. */
    public PostgresConnection migratingOnStart() {
        return new PostgresConnection(url, user, password, schema, poolSize, connectTimeout, socketTimeout, poolTimeout, sslMode, sslRootCert, true, replicas);
    }

    @Override
    public String toString() {
        return "PostgresConnection[url=" + Secret.mask(url) + ", user=" + user + ", password=" + password + ", schema=" + schema
                + ", poolSize=" + poolSize + ", connectTimeout=" + DurationText.of(connectTimeout) + ", socketTimeout=" + DurationText.of(socketTimeout)
                + ", poolTimeout=" + DurationText.of(poolTimeout) + ", sslMode=" + sslMode + ", sslRootCert=" + sslRootCert.map(Path::toString).orElse("<none>")
                + ", migrateOnStart=" + migrateOnStart + ", " + replicas + "]";
    }
}
