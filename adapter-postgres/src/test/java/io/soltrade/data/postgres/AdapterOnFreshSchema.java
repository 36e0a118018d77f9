package io.soltrade.data.postgres;

import io.soltrade.data.postgres.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * The adapter wired by hand on a fresh, migrated schema of the test server, for ITs that need its insides
 * (the pool's counters, the transactions) as well as the stores. Closing it closes the stores and drops the schema.
 */
final class AdapterOnFreshSchema implements AutoCloseable {
    final TestingPostgres postgres;
    final PostgresSettings settings;
    final PostgresConnectionPool pool;
    final PostgresTransactions transactions;
    final AsyncWrites asyncWrites;
    final PostgresConfigStore configStore;
    final PostgresTradeStore tradeStore;

    private AdapterOnFreshSchema(int poolSize) {
        this.postgres = TestingPostgres.start();
        this.settings = postgres.settings(poolSize);
        this.pool = new PostgresConnectionPool(settings);
        new PostgresMigrations(pool).migrate();
        this.transactions = new PostgresTransactions(pool);
        this.asyncWrites = new AsyncWrites(poolSize, 10_000, Duration.ofSeconds(10));
        this.configStore = new PostgresConfigStore(transactions, Clock.systemUTC());
        this.tradeStore = new PostgresTradeStore(transactions, asyncWrites);
    }

    static AdapterOnFreshSchema start(int poolSize) {
        return new AdapterOnFreshSchema(poolSize);
    }

    /** Terminates every server session of this adapter's pool (found by its application name); how many. */
    int killPoolSessions() throws SQLException {
        try (Connection admin = postgres.connect();
                PreparedStatement kill = admin.prepareStatement(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? AND pid <> pg_backend_pid()")) {
            kill.setString(1, PostgresConnectionPool.applicationName(settings));
            try (ResultSet result = kill.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** How many server sessions this adapter's pool has open now, as the server counts them. */
    int serverSessions() throws SQLException {
        try (Connection admin = postgres.connect();
                PreparedStatement count = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, PostgresConnectionPool.applicationName(settings));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            asyncWrites.close();
        } finally {
            try {
                pool.close();
            } finally {
                postgres.close();
            }
        }
    }
}
