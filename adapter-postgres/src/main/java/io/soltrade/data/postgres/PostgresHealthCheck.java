package io.soltrade.data.postgres;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One {@code SELECT 1} round trip through the pool, with the pool's counters. UP when it answers; DEGRADED when
 * it answers but callers are queueing for connections (every connection busy and someone waiting); DOWN when
 * it does not answer. Never throws.
 */
final class PostgresHealthCheck implements HealthCheck {
    private final PostgresConnectionPool pool;
    private final PostgresTransactions transactions;

    PostgresHealthCheck(PostgresConnectionPool pool, PostgresTransactions transactions) {
        this.pool = pool;
        this.transactions = transactions;
    }

    @Override
    public String backend() {
        return PostgresErrorTranslator.BACKEND;
    }

    @Override
    public HealthReport check() {
        long start = System.nanoTime();
        try {
            transactions.autoCommit("health check", scope -> scope.dsl().selectOne().fetchOne());
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            Map<String, String> details = poolDetails();
            HikariPoolMXBean stats = pool.stats();
            boolean queueing = stats != null && stats.getThreadsAwaitingConnection() > 0 && stats.getIdleConnections() == 0;
            return new HealthReport(backend(), queueing ? HealthState.DEGRADED : HealthState.UP, latency, new TreeMap<>(details), Optional.empty());
        } catch (RuntimeException e) {
            return HealthReport.down(backend(), Duration.ofNanos(System.nanoTime() - start), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Map<String, String> poolDetails() {
        TreeMap<String, String> details = new TreeMap<>();
        details.put("schema", pool.settings().schema());
        details.put("pool.max", Integer.toString(pool.settings().maxPoolSize()));
        HikariPoolMXBean stats = pool.stats();
        if (stats != null) {
            details.put("pool.total", Integer.toString(stats.getTotalConnections()));
            details.put("pool.active", Integer.toString(stats.getActiveConnections()));
            details.put("pool.idle", Integer.toString(stats.getIdleConnections()));
            details.put("pool.waiting", Integer.toString(stats.getThreadsAwaitingConnection()));
        }
        return details;
    }
}
