package io.soltrade.data.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.ManagedResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The adapter's HikariCP pool: a fixed number of pgjdbc connections whose search_path is the configured
 * schema. Every connection has a connect and a socket timeout, so a dead server or network path surfaces as a
 * transient error instead of a hung caller. HikariCP masks the password in what it logs; this class never
 * logs it either.
 */
final class PostgresConnectionPool implements ManagedResource {
    static final String APPLICATION_NAME = "soltrade-data";

    private final HikariDataSource dataSource;
    private final PostgresSettings settings;

    PostgresConnectionPool(PostgresSettings settings) {
        this(settings, System.getenv());
    }

    PostgresConnectionPool(PostgresSettings settings, Map<String, String> environment) {
        this.settings = settings;
        this.dataSource = new HikariDataSource(hikariConfig(settings, environment));
    }

    static HikariConfig hikariConfig(PostgresSettings settings, Map<String, String> environment) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("soltrade-postgres-" + settings.schema());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.effectivePassword(environment));
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(settings.maxPoolSize());
        config.setConnectionTimeout(settings.poolTimeout().toMillis());
        config.setValidationTimeout(Math.min(5_000, settings.poolTimeout().toMillis() - 1));
        // Fail at start-up, not at the first query, when the server cannot be reached.
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.setAutoCommit(true);
        // Probe idle connections every 30 s, so sessions the server dropped (restart, failover, idle kill) are
        // replaced before a caller borrows them, not when it does.
        config.setKeepaliveTime(30_000);
        config.addDataSourceProperty("connectTimeout", Integer.toString((int) settings.connectTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", Integer.toString((int) settings.socketTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Per schema, so operators (and the fault tests) can tell this pool's sessions from any other's.
        config.addDataSourceProperty("ApplicationName", applicationName(settings));
        config.addDataSourceProperty("currentSchema", settings.schema());
        config.addDataSourceProperty("sslmode", settings.sslMode().driverValue());
        settings.sslRootCert().ifPresent(path -> config.addDataSourceProperty("sslrootcert", path.toString()));
        // Server-side prepared statements from the first execution: every statement here is reused.
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }

    /** What {@code pg_stat_activity.application_name} shows for this pool's sessions. */
    static String applicationName(PostgresSettings settings) {
        return APPLICATION_NAME + ":" + settings.schema();
    }

    /** A connection from the pool; closing it gives it back. */
    Connection connection() throws SQLException {
        if (dataSource.isClosed()) {
            throw DbException.of(DbErrorKind.CLOSED, PostgresErrorTranslator.BACKEND, "the postgres connection pool is closed");
        }
        return dataSource.getConnection();
    }

    DataSource dataSource() {
        return dataSource;
    }

    PostgresSettings settings() {
        return settings;
    }

    /** Live pool counters; HikariCP keeps them current without JMX registration. */
    HikariPoolMXBean stats() {
        return dataSource.getHikariPoolMXBean();
    }

    boolean isClosed() {
        return dataSource.isClosed();
    }

    @Override
    public String name() {
        return "postgres connection pool (" + settings.schema() + ")";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
