package io.soltrade.data.app;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach PostgreSQL ({@code soltrade.postgres}). Tables live in {@code schema}, which start-up creates
 * and migrates with Liquibase when {@code migrateOnStart} is on.
 */
public record PostgresConnection(
        String url,
        String user,
        Secret password,
        String schema,
        int poolSize,
        Duration connectTimeout,
        boolean migrateOnStart) {
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PostgresConnection {
        ConfigChecks.jdbcPostgresUrl(url, "soltrade.postgres.url");
        ConfigChecks.nonBlank(user, "soltrade.postgres.user");
        ConfigChecks.present(password, "soltrade.postgres.password");
        ConfigChecks.matching(schema, "soltrade.postgres.schema", SCHEMA, "a lowercase schema name ([a-z_][a-z0-9_]*, at most 63 characters)");
        ConfigChecks.between(poolSize, "soltrade.postgres.pool-size", 1, 1_000);
        ConfigChecks.positive(connectTimeout, "soltrade.postgres.connect-timeout");
    }

    @Override
    public String toString() {
        return "PostgresConnection[url=" + Secret.mask(url) + ", user=" + user + ", password=" + password + ", schema=" + schema
                + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout + ", migrateOnStart=" + migrateOnStart + "]";
    }
}
