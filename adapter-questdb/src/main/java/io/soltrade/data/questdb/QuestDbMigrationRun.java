package io.soltrade.data.questdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the QuestDB migrations did: the files {@code soltrade_schema_history} recorded when it started
 * ({@code alreadyApplied}, version order) and those it applied and recorded ({@code appliedNow}, in the order it
 * applied them), by file name ({@code V001__tables.sql}). A run that returns has left every shipped migration
 * recorded, so an empty {@code appliedNow} means the database was up to date.
 */
public record QuestDbMigrationRun(List<String> alreadyApplied, List<String> appliedNow) {

    public QuestDbMigrationRun {
        alreadyApplied = List.copyOf(alreadyApplied);
        appliedNow = List.copyOf(appliedNow);
    }

    /**
     * Connects over PG wire (one connection, bounded by the connect, login and read timeouts of {@code settings}) and
     * applies every migration not recorded yet, as the module does on start with {@code applySchema} on; each wait for
     * WAL apply is bounded too. Repeatable: a run cut short can be started again.
     */
    public static QuestDbMigrationRun apply(QuestDbSettings settings) {
        Objects.requireNonNull(settings, "settings is null");
        try (Connection connection = MigrationConnection.open(settings)) {
            return SchemaApplier.apply(connection, SchemaApplier.applyTimeout(settings));
        } catch (SQLException e) {
            throw QuestDbExceptionTranslator.translate(e, "migrating the QuestDB schema");
        }
    }
}
