package io.soltrade.data.app;

import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.PostgresConnection;
import io.soltrade.data.app.config.QuestDbConnection;
import io.soltrade.data.app.config.Secret;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSchemaStatus;
import io.soltrade.data.questdb.QuestDbMigrationRun;
import io.soltrade.data.questdb.QuestDbSchemaStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code migrate} does for one backend, one line each. The adapters own their schemas and apply them when their
 * module starts with migration on (PostgreSQL: Liquibase under an advisory lock; QuestDB: versioned migrations
 * recorded in soltrade_schema_history).
 *
 * <p>PostgreSQL: migrating is starting the backend with migration forced on, then closing it; the schema's
 * DATABASECHANGELOG is read before and after, and the changesets that appeared are printed by name
 * ({@code postgres: ...: applied 3 changesets: ...}), or {@code is up to date (n changesets already applied)}. QuestDB:
 * the adapter's {@link QuestDbMigrationRun} applies what soltrade_schema_history does not record and says which files
 * it applied ({@code questdb: ...: applied 3 migrations: V001__tables.sql, ...}), or {@code is up to date (n migrations
 * already applied)}.
 *
 * <p>A dry run connects, reads the history (DATABASECHANGELOG, soltrade_schema_history) and lists what is pending
 * ({@code ...: 3 pending: ...}) or says up to date, creating nothing. With {@code sql} the dry run instead prints,
 * without connecting, the SQL the adapters ship: every changeset of the PostgreSQL changelog and every QuestDB
 * migration, in order.
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
            case QUESTDB -> !dryRun ? migrateQuestDb(config) : sql ? questDbSql(config.questdb()) : questDbPending(config);
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

    private static String questDbPending(DataLayerConfig config) {
        QuestDbSchemaStatus status = QuestDbSchemaStatus.read(AdapterModules.questdb(config.questdb()));
        String where = Secret.mask(config.questdb().pgUrl());
        if (status.pending().isEmpty()) {
            return "questdb: " + where + " is up to date (" + status.applied().size() + " migrations already applied)";
        }
        return "questdb: " + where + ": " + status.pending().size() + " pending: " + String.join(", ", status.pending());
    }

    private static String migrateQuestDb(DataLayerConfig config) {
        QuestDbMigrationRun run = QuestDbMigrationRun.apply(AdapterModules.questdb(config.questdb()));
        String where = Secret.mask(config.questdb().pgUrl());
        if (run.appliedNow().isEmpty()) {
            return "questdb: " + where + " is up to date (" + run.alreadyApplied().size() + " migrations already applied)";
        }
        return "questdb: " + where + ": applied " + run.appliedNow().size() + " migrations: " + String.join(", ", run.appliedNow());
    }

    /** Starts the backend with migration forced on and closes it; returns what closing reported, if anything. */
    private static String start(DataLayerConfig config, Backend backend) {
        BackendModules forced = b -> switch (b) {
            case POSTGRES -> new PostgresModule(AdapterModules.postgres(config.postgres().migratingOnStart()));
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
