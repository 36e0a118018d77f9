package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import liquibase.Scope;
import liquibase.UpdateSummaryEnum;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.RollbackCountCommandStep;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Applies the Liquibase changelog ({@value #CHANGELOG}) to the configured schema, creating the schema first.
 * Liquibase's own tables live in that schema too, so every schema is migrated independently.
 *
 * <p><b>No analytics.</b> Liquibase 4.30+ can send usage data to its vendor. We turn that off twice, before any
 * Liquibase code runs: the {@code liquibase.analytics.enabled=false} system property, and the same key in the
 * Liquibase scope the migration runs in.
 *
 * <p><b>Concurrent migrations.</b> Liquibase's lock table serialises two processes once it exists, but two
 * processes migrating an empty schema race to create that table. A session-level PostgreSQL advisory lock
 * keyed by the schema name is held around the whole run, so concurrent callers wait and then find nothing to do.
 */
final class PostgresMigrations {
    static final String CHANGELOG = "db/changelog/db.changelog-master.xml";
    static final String ANALYTICS_PROPERTY = "liquibase.analytics.enabled";
    private static final long LOCK_NAMESPACE = 0x50_47_4d_49_47L << 32; // "PGMIG" in the high bits

    private final PostgresConnectionPool pool;

    PostgresMigrations(PostgresConnectionPool pool) {
        this.pool = pool;
    }

    static {
        System.setProperty(ANALYTICS_PROPERTY, "false");
    }

    /** Applies every changeset not yet applied; applying an up-to-date schema does nothing. */
    void migrate() {
        run("migrate " + pool.settings().schema(), database -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY, UpdateSummaryEnum.OFF)
                .execute());
    }

    /** Rolls back the {@code count} changesets applied last, newest first. */
    void rollback(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        run("roll back " + count + " changesets in " + pool.settings().schema(), database -> new CommandScope(RollbackCountCommandStep.COMMAND_NAME)
                .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                .addArgumentValue(RollbackCountCommandStep.COUNT_ARG, count)
                .execute());
    }

    private interface LiquibaseCommand {
        void run(Database database) throws Exception;
    }

    private void run(String action, LiquibaseCommand command) {
        String schema = pool.settings().schema();
        try (Connection connection = pool.connection()) {
            DSL.using(connection, SQLDialect.POSTGRES).createSchemaIfNotExists(DSL.name(schema)).execute();
            advisoryLock(connection, "SELECT pg_advisory_lock(?)", schema);
            try {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
                database.setDefaultSchemaName(schema);
                database.setLiquibaseSchemaName(schema);
                Map<String, Object> scope = Map.of(
                        AnalyticsArgs.ENABLED.getKey(), false,
                        Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(PostgresMigrations.class.getClassLoader()),
                        Scope.Attr.ui.name(), new LoggerUIService());
                Scope.child(scope, () -> command.run(database));
            } finally {
                if (!connection.isClosed()) {
                    advisoryLock(connection, "SELECT pg_advisory_unlock(?)", schema);
                }
            }
        } catch (DbException e) {
            throw e;
        } catch (Exception e) {
            throw PostgresErrorTranslator.translate(e, action);
        }
    }

    private static void advisoryLock(Connection connection, String lockFunctionCall, String schema) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        try (PreparedStatement statement = connection.prepareStatement(lockFunctionCall)) {
            statement.setLong(1, LOCK_NAMESPACE | (schema.hashCode() & 0xFFFF_FFFFL));
            statement.execute();
        }
    }
}
