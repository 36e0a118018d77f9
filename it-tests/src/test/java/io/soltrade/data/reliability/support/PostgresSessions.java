package io.soltrade.data.reliability.support;

import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's view of one adapter pool's sessions, found in {@code pg_stat_activity} by the application name the
 * adapter gives them ({@code soltrade-data:<schema>}): how many there are, and terminating them as a failing
 * server or an operator would. Uses its own connection, outside the pool.
 */
public final class PostgresSessions implements AutoCloseable {
    private final Connection admin;
    private final String applicationName;

    public PostgresSessions(TestingPostgres postgres, PostgresSettings settings) {
        this.applicationName = "soltrade-data:" + settings.schema();
        try {
            this.admin = postgres.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + postgres.url(), e);
        }
    }

    public String applicationName() {
        return applicationName;
    }

    /** Sessions of the pool that exist now. */
    public synchronized int count() {
        return queryInt("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?");
    }

    /** Sessions of the pool busy in a statement now (not idle). */
    public synchronized int active() {
        return queryInt("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND state <> 'idle'");
    }

    /** Terminates every session of the pool; returns how many. */
    public synchronized int terminateAll() {
        return queryInt("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?");
    }

    /** Terminates the sessions of the pool that are running a statement matching {@code queryPattern} (SQL LIKE). */
    public synchronized int terminateRunning(String queryPattern) {
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ? AND state = 'active' AND query LIKE ?")) {
            statement.setString(1, applicationName);
            statement.setString(2, queryPattern);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_activity query failed", e);
        }
    }

    private int queryInt(String sql) {
        try (PreparedStatement statement = admin.prepareStatement(sql)) {
            statement.setString(1, applicationName);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_activity query failed", e);
        }
    }

    /** Samples {@link #count()} on a daemon thread until closed, keeping the largest and the number of samples. */
    public Sampler sampleCount() {
        return new Sampler();
    }

    @Override
    public synchronized void close() {
        try {
            admin.close();
        } catch (SQLException ignored) {
            // the test is over; the server drops the session either way
        }
    }

    /** The most sessions seen at once while it ran. */
    public final class Sampler implements AutoCloseable {
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicLong samples = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private Sampler() {
            thread = new Thread(() -> {
                while (running) {
                    max.accumulateAndGet(count(), Math::max);
                    samples.incrementAndGet();
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                }
            }, "pg-session-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        public int max() {
            return max.get();
        }

        public long samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
