package io.soltrade.data.app;

import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.PostgresConnection;
import io.soltrade.data.app.config.QuestDbConnection;
import io.soltrade.data.app.config.Secret;
import io.soltrade.data.postgres.PostgresModule;
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
 * soltrade_schema_history), so migrating is starting the backend with migration forced on, then closing it. A dry run
 * prints the SQL the adapters ship: every changeset of the PostgreSQL changelog in order (Liquibase skips those
 * already recorded in the schema's DATABASECHANGELOG) and every QuestDB migration in order.
 */
public final class SchemaMigration {
    private static final String POSTGRES_CHANGELOG = "db/changelog/";
    private static final String POSTGRES_MASTER = POSTGRES_CHANGELOG + "db.changelog-master.xml";
    private static final String QUESTDB_MIGRATIONS = "questdb/migrations/";
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");

    private SchemaMigration() {}

    public static String run(DataLayerConfig config, Backend backend, boolean dryRun) {
        return switch (backend) {
            case MEMORY -> "memory: nothing to migrate (the stores start empty in each process)";
            case REDIS -> "redis: no schema (keys and streams are created by their first write)";
            case POSTGRES -> dryRun ? postgresSql(config.postgres()) : migrate(config, backend);
            case QUESTDB -> dryRun ? questDbSql(config.questdb()) : migrate(config, backend);
        };
    }

    private static String migrate(DataLayerConfig config, Backend backend) {
        BackendModules forced = b -> switch (b) {
            case POSTGRES -> new PostgresModule(AdapterModules.postgres(config.postgres().migratingOnStart()));
            case QUESTDB -> new QuestDbModule(AdapterModules.questdb(config.questdb()).withApplySchema(true));
            default -> new AdapterModules(config).moduleFor(b);
        };
        List<String> problems = BackendInjectors.start(List.of(backend), forced).close();
        String where = backend == Backend.POSTGRES ? "schema " + config.postgres().schema() + " at " + Secret.mask(config.postgres().url())
                : Secret.mask(config.questdb().pgUrl());
        return backend.key() + ": " + where + " is up to date" + (problems.isEmpty() ? "" : " (closing reported: " + problems + ")");
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
