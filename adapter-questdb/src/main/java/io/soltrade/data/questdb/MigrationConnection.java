package io.soltrade.data.questdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The one PG wire connection a migration run or a schema status read uses, outside the module's pool (nothing else of
 * the adapter starts). Bounded like the pool's: 5 s to connect and to log in, and every statement waits at most the
 * settings' {@code readTimeout} for QuestDB (a {@code socketTimeout} in the URL wins). With several hosts in the URL,
 * pgjdbc takes the first that answers, as the pool does at start.
 */
final class MigrationConnection {
    private MigrationConnection() {}

    static Connection open(QuestDbSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.pgUser());
        properties.setProperty("password", settings.pgPassword());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        properties.setProperty("socketTimeout", Long.toString(settings.readTimeout().toSeconds()));
        return DriverManager.getConnection(settings.pgUrl(), properties);
    }
}
