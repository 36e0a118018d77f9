package io.soltrade.data.questdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Where a QuestDB database stands against the shipped migrations: the files {@code soltrade_schema_history} records
 * (in version order) and the shipped ones it does not record yet (in changelog order), by file name
 * ({@code V001__tables.sql}). Reading it changes nothing: a database without the history table has every migration
 * pending and is left without one. A history that {@code migrate} would refuse (a migration edited since it was
 * applied, a version from a newer release) is refused here too, with the same error.
 */
public record QuestDbSchemaStatus(List<String> applied, List<String> pending) {

    public QuestDbSchemaStatus {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /**
     * Connects over PG wire (one connection, bounded by the connect, login and read timeouts of {@code settings}) and
     * reads the history (read only).
     */
    public static QuestDbSchemaStatus read(QuestDbSettings settings) {
        Objects.requireNonNull(settings, "settings is null");
        try (Connection connection = MigrationConnection.open(settings)) {
            return SchemaApplier.status(connection);
        } catch (SQLException e) {
            throw QuestDbExceptionTranslator.translate(e, "reading the QuestDB schema history");
        }
    }
}
