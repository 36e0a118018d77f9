package io.soltrade.data.app;

import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.PostgresConnection;
import io.soltrade.data.app.config.QuestDbConnection;
import io.soltrade.data.app.config.Secret;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSchemaStatus;
import io.soltrade.data.questdb.QuestDbModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code migrate} does for one backend. The adapters own their schemas and apply them when their module
 * starts with migration on (PostgreSQL: Liquibase under an advisory lock; QuestDB: versioned migrations recorded in
 * soltrade_schema_history), so migrating is starting the backend with migration forced on, then closing it.
 *
 * <p>PostgreSQL reports what it did: the schema's DATABASECHANGELOG is read before and after, and the changesets that
 * appeared are printed by name ({@code postgres: applied 3 changesets: ...}), or {@code up to date (n changesets
 * already applied)}. A dry run connects, reads the DATABASECHANGELOG and lists the pending changesets, creating
 * nothing. With {@code sql} the dry run instead prints, without connecting, the SQL the adapters ship: every
 * changeset of the PostgreSQL changelog and every QuestDB migration, in order. QuestDB has no connected dry run yet:
 * its dry run prints its SQL.
 */
public final class SchemaMigration {
    private static final String POSTGRES_CHANGELOG = "db/changelog/";
    private static final String POSTGRES_MASTER = POSTGRES_CHANGELOG + "db.changelog-master.xml";
    private static final String QUESTDB_MIGRATIONS = "questdb/migrations/";
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");

    private SchemaMigration() {}

    public static String run(DataLayerConfig config, Backend backend, boolean dryRun) {
        return run(config, backend, dryRun, false);
    }

    /** {@code sql} (dry run only): print the shipped SQL without connecting, instead of the pending changes. */
    public static String run(DataLayerConfig config, Backend backend, boolean dryRun, boolean sql) {
        return switch (backend) {
            case MEMORY -> "memory: nothing to migrate (the stores start empty in each process)";
            case REDIS -> "redis: no schema (keys and streams are created by their first write)";
            case POSTGRES -> !dryRun ? migratePostgres(config) : sql ? postgresSql(config.postgres()) : postgresPending(config);
            case QUESTDB -> dryRun ? questDbSql(config.questdb()) : migrate(config, backend);
        };
    }

    private static PostgresSchemaStatus postgresStatus(DataLayerConfig config) {
        return PostgresSchemaStatus.read(AdapterModules.postgres(config.postgres()));
    }

    private static String postgresWhere(DataLayerConfig config) {
        return "schema " + config.postgres().schema() + " at " + Secret.mask(config.postgres().url());
    }

    private static String postgresPending(DataLayerConfig config) {
        PostgresSchemaStatus status = postgresStatus(config);
        if (status.pending().isEmpty()) {
            return "postgres: " + postgresWhere(config) + " is up to date (" + status.applied().size() + " changesets already applied)";
        }
        return "postgres: " + postgresWhere(config) + ": " + status.pending().size() + " pending: " + String.join(", ", status.pending());
    }

    private static String migratePostgres(DataLayerConfig config) {
        PostgresSchemaStatus before = postgresStatus(config);
        String closing = start(config, Backend.POSTGRES);
        PostgresSchemaStatus after = postgresStatus(config);
        List<String> applied = after.applied().stream().filter(id -> !before.applied().contains(id)).toList();
        String where = postgresWhere(config);
        if (applied.isEmpty()) {
            return "postgres: " + where + " is up to date (" + before.applied().size() + " changesets already applied)" + closing;
        }
        return "postgres: " + where + ": applied " + applied.size() + " changesets: " + String.join(", ", applied) + closing;
    }

    private static String migrate(DataLayerConfig config, Backend backend) {
        return backend.key() + ": " + Secret.mask(config.questdb().pgUrl()) + " is up to date" + start(config, backend);
    }

    /** Starts the backend with migration forced on and closes it; returns what closing reported, if anything. */
    private static String start(DataLayerConfig config, Backend backend) {
        BackendModules forced = b -> switch (b) {
            case POSTGRES -> new PostgresModule(AdapterModules.postgres(config.postgres().migratingOnStart()));
            case QUESTDB -> new QuestDbModule(AdapterModules.questdb(config.questdb()).withApplySchema(true));
            default -> new AdapterModules(config).moduleFor(b);
        };
        List<String> problems = BackendInjectors.start(List.of(backend), forced).close();
        return problems.isEmpty() ? "" : " (closing reported: " + problems + ")";
    }

    private static String postgresSql(PostgresConnection postgres) {
        StringBuilder sql = new StringBuilder("-- postgres: schema ").append(postgres.schema()).append(" at ").append(Secret.mask(postgres.url()))
                .append("\n-- Liquibase runs each changeset below that this schema's databasechangelog does not list yet.\n");
        Matcher include = INCLUDE.matcher(resource(POSTGRES_MASTER));
        while (include.find()) {
            sql.append("\n-- file: ").append(include.group(1)).append('\n').append(resource(POSTGRES_CHANGELOG + include.group(1)));
        }
        return sql.toString();
    }

    /** Every QuestDB migration in changelog order (the adapter applies those its soltrade_schema_history does not list). */
    private static String questDbSql(QuestDbConnection questdb) {
        StringBuilder sql = new StringBuilder("-- questdb: ").append(Secret.mask(questdb.pgUrl()))
                .append("\n-- The adapter applies each migration below that soltrade_schema_history does not list yet.\n");
        for (String line : resource(QUESTDB_MIGRATIONS + "changelog.txt").split("\n")) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                sql.append("\n-- file: ").append(file).append('\n').append(resource(QUESTDB_MIGRATIONS + file));
            }
        }
        return sql.toString();
    }

    private static String resource(String name) {
        try (InputStream in = SchemaMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the adapter jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
