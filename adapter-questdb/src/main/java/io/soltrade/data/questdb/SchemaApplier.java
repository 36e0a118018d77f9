package io.soltrade.data.questdb;

import io.soltrade.data.ports.DbException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** Applies {@code /questdb/schema.sql}; every statement is {@code CREATE ... IF NOT EXISTS}, so re-applying is a no-op. */
final class SchemaApplier {
    static final String SCHEMA = "/questdb/schema.sql";

    private SchemaApplier() {}

    static void apply(DataSource dataSource) {
        List<String> statements = SqlResource.statements(SCHEMA);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : statements) {
                statement.execute(ddl);
            }
        } catch (SQLException e) {
            throw QuestDbExceptionTranslator.translate(e, "applying " + SCHEMA);
        }
    }

    static List<String> statements() {
        return SqlResource.statements(SCHEMA);
    }
}
