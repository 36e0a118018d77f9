package io.soltrade.data.postgres;

import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a schema stands against the shipped Liquibase changelog: the changesets its DATABASECHANGELOG lists (in the
 * order they ran) and the shipped ones it does not list yet (in changelog order). Reading it changes nothing: a schema
 * that does not exist, or has no DATABASECHANGELOG, has every changeset pending and is left as it is.
 */
public record PostgresSchemaStatus(List<String> applied, List<String> pending) {
    private static final String CHANGELOG_DIR = "db/changelog/";
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");
    private static final Pattern CHANGESET = Pattern.compile("(?m)^--changeset\\s+[^:\\s]+:(\\S+)");

    public PostgresSchemaStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** Connects to the configured schema and reads its DATABASECHANGELOG (read only). */
    public static PostgresSchemaStatus read(PostgresSettings settings) {
        Objects.requireNonNull(settings, "settings is null");
        PostgresConnectionPool pool;
        try {
            pool = new PostgresConnectionPool(settings);
        } catch (HikariPool.PoolInitializationException e) {
            throw PostgresErrorTranslator.translate(e, "connect to " + settings.url() + " as " + settings.user());
        }
        try (pool; Connection connection = pool.connection()) {
            List<String> applied = appliedIds(connection, settings.schema());
            Set<String> done = new HashSet<>(applied);
            List<String> pending = new ArrayList<>();
            for (String id : shippedIds()) {
                if (!done.contains(id)) {
                    pending.add(id);
                }
            }
            return new PostgresSchemaStatus(applied, pending);
        } catch (SQLException e) {
            throw PostgresErrorTranslator.translate(e, "read the changelog of schema " + settings.schema());
        }
    }

    private static List<String> appliedIds(Connection connection, String schema) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(quote_ident(?) || '.databasechangelog') IS NOT NULL")) {
            exists.setString(1, schema);
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    return List.of();
                }
            }
        }
        List<String> ids = new ArrayList<>();
        String table = "\"" + schema.replace("\"", "\"\"") + "\".databasechangelog";
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + table + " ORDER BY orderexecuted");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** The ids of the shipped changesets, in the order Liquibase runs them. */
    static List<String> shippedIds() {
        List<String> ids = new ArrayList<>();
        Matcher include = INCLUDE.matcher(resource(PostgresMigrations.CHANGELOG));
        while (include.find()) {
            Matcher changeset = CHANGESET.matcher(resource(CHANGELOG_DIR + include.group(1)));
            while (changeset.find()) {
                ids.add(changeset.group(1));
            }
        }
        return ids;
    }

    private static String resource(String name) {
        try (InputStream in = PostgresSchemaStatus.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the adapter jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
