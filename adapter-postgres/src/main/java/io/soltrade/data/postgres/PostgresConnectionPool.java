package io.soltrade.data.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.ManagedResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One of the adapter's HikariCP pools: a fixed number of pgjdbc connections whose search_path is the configured
 * schema. Every connection has a connect and a socket timeout, so a dead server or network path surfaces as a
 * transient error instead of a hung caller. HikariCP masks the password in what it logs; this class never
 * logs it either.
 *
 * <p>The {@link Role#PRIMARY} pool (every write, and the reads that must be current) connects only to a primary
 * ({@code targetServerType=primary} unless the URL says otherwise), so a multi-host URL listing the primary and its
 * standbys follows a promotion. The {@link Role#READ} pool ({@link PostgresReplication#readUrl()}) prefers standbys,
 * spreads its connections over them and is read-only; its pool and application names end in {@code read}, so its
 * metrics and sessions are told apart from the primary's.
 */
final class PostgresConnectionPool implements ManagedResource {
    static final String APPLICATION_NAME = "soltrade-data";
    static final Duration READ_CONNECTION_LIFETIME = Duration.ofMinutes(5);

    /** Which server a pool talks to. */
    enum Role {
        PRIMARY,
        READ
    }

    private final HikariDataSource dataSource;
    private final PostgresSettings settings;
    private final Role role;

    PostgresConnectionPool(PostgresSettings settings) {
        this(settings, Role.PRIMARY, System.getenv());
    }

    PostgresConnectionPool(PostgresSettings settings, Role role) {
        this(settings, role, System.getenv());
    }

    PostgresConnectionPool(PostgresSettings settings, Role role, Map<String, String> environment) {
        this.settings = settings;
        this.role = role;
        this.dataSource = new HikariDataSource(hikariConfig(settings, role, environment));
    }

    static HikariConfig hikariConfig(PostgresSettings settings, Map<String, String> environment) {
        return hikariConfig(settings, Role.PRIMARY, environment);
    }

    static HikariConfig hikariConfig(PostgresSettings settings, Role role, Map<String, String> environment) {
        HikariConfig config = role == Role.PRIMARY ? primaryConfig(settings) : readConfig(settings);
        config.setUsername(settings.user());
        config.setPassword(settings.effectivePassword(environment));
        config.setConnectionTimeout(settings.poolTimeout().toMillis());
        config.setValidationTimeout(Math.min(5_000, settings.poolTimeout().toMillis() - 1));
        // Fail at start-up, not at the first query, when the server cannot be reached; and fail on the first attempt
        // (bounded by the connect and login timeouts below): HikariCP would retry a refused connection until this
        // timeout ran out, then the caller's start would wait that long again for the next backend.
        config.setInitializationFailTimeout(1);
        config.setAutoCommit(true);
        // Probe idle connections every 30 s, so sessions the server dropped (restart, failover, idle kill) are
        // replaced before a caller borrows them, not when it does.
        config.setKeepaliveTime(30_000);
        config.addDataSourceProperty("connectTimeout", Integer.toString((int) settings.connectTimeout().toSeconds()));
        config.addDataSourceProperty("loginTimeout", Integer.toString((int) settings.connectTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", Integer.toString((int) settings.socketTimeout().toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Per schema, so operators (and the fault tests) can tell this pool's sessions from any other's.
        config.addDataSourceProperty("ApplicationName", applicationName(settings, role));
        config.addDataSourceProperty("currentSchema", settings.schema());
        config.addDataSourceProperty("sslmode", settings.sslMode().driverValue());
        settings.sslRootCert().ifPresent(path -> config.addDataSourceProperty("sslrootcert", path.toString()));
        // Server-side prepared statements from the first execution: every statement here is reused.
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }

    private static HikariConfig primaryConfig(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("soltrade-postgres-" + settings.schema());
        config.setJdbcUrl(settings.url());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(settings.maxPoolSize());
        // A URL's own parameters win over these defaults (pgjdbc reads the URL last).
        config.addDataSourceProperty("targetServerType", "primary");
        settings.replication().synchronousCommit().sessionStatement().ifPresent(config::setConnectionInitSql);
        return config;
    }

    private static HikariConfig readConfig(PostgresSettings settings) {
        PostgresReplication replication = settings.replication();
        HikariConfig config = new HikariConfig();
        config.setPoolName("soltrade-postgres-read-" + settings.schema());
        config.setJdbcUrl(replication.readUrl().orElseThrow(() -> new IllegalArgumentException("postgres.readUrl is not set")));
        config.setMaximumPoolSize(replication.readPoolSize());
        config.setMinimumIdle(replication.readPoolSize());
        config.setReadOnly(true);
        // Connections that fell back to the primary while a replica was down, or that all landed on one replica,
        // are replaced within minutes, so reads spread over the replicas again.
        config.setMaxLifetime(READ_CONNECTION_LIFETIME.toMillis());
        config.addDataSourceProperty("readOnlyMode", "always");
        config.addDataSourceProperty("targetServerType", "preferSecondary");
        config.addDataSourceProperty("loadBalanceHosts", "true");
        return config;
    }

    /** What {@code pg_stat_activity.application_name} shows for the primary pool's sessions. */
    static String applicationName(PostgresSettings settings) {
        return applicationName(settings, Role.PRIMARY);
    }

    /** What {@code pg_stat_activity.application_name} shows for the sessions of the pool of {@code role}. */
    static String applicationName(PostgresSettings settings, Role role) {
        return APPLICATION_NAME + ":" + settings.schema() + (role == Role.READ ? ":read" : "");
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
        return (role == Role.READ ? "postgres read pool (" : "postgres connection pool (") + settings.schema() + ")";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
