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
 * it answers but callers are queueing for connections (every connection busy and someone waiting), or when the read
 * pool (if any) does not answer (reads that may lag then go to the primary); DOWN when the primary does not answer.
 * With a read pool, its counters, what its server is and where reads went are in the details ({@code read.*}).
 * Never throws.
 */
final class PostgresHealthCheck implements HealthCheck {
    private final PostgresConnectionPool pool;
    private final PostgresTransactions transactions;
    private final Optional<ReplicaReads> replicas;

    PostgresHealthCheck(PostgresConnectionPool pool, PostgresTransactions transactions) {
        this(pool, transactions, Optional.empty());
    }

    PostgresHealthCheck(PostgresConnectionPool pool, PostgresTransactions transactions, Optional<ReplicaReads> replicas) {
        this.pool = pool;
        this.transactions = transactions;
        this.replicas = replicas;
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
            TreeMap<String, String> details = poolDetails();
            HikariPoolMXBean stats = pool.stats();
            boolean queueing = stats != null && stats.getThreadsAwaitingConnection() > 0 && stats.getIdleConnections() == 0;
            Optional<String> readFailure = replicas.flatMap(reads -> readDetails(reads, details));
            HealthState state = queueing || readFailure.isPresent() ? HealthState.DEGRADED : HealthState.UP;
            return new HealthReport(backend(), state, latency, details, readFailure);
        } catch (RuntimeException e) {
            return HealthReport.down(backend(), Duration.ofNanos(System.nanoTime() - start), e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private TreeMap<String, String> poolDetails() {
        TreeMap<String, String> details = new TreeMap<>();
        details.put("schema", pool.settings().schema());
        details.put("pool.max", Integer.toString(pool.settings().maxPoolSize()));
        putCounters("pool.", pool.stats(), details);
        return details;
    }

    /** Adds the read side's details; returns why it does not answer, if it does not. */
    private static Optional<String> readDetails(ReplicaReads reads, Map<String, String> details) {
        details.put("read.pool.max", Integer.toString(reads.pool().settings().replication().readPoolSize()));
        putCounters("read.pool.", reads.pool().stats(), details);
        ReplicaReads.Counts counts = reads.counts();
        details.put("read.servedByReplica", Long.toString(counts.servedByReplica()));
        details.put("read.servedByPrimary", Long.toString(counts.servedByPrimary()));
        details.put("read.replicaBehind", Long.toString(counts.replicaBehind()));
        try {
            details.putAll(reads.probe());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("read pool: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private static void putCounters(String prefix, HikariPoolMXBean stats, Map<String, String> details) {
        if (stats != null) {
            details.put(prefix + "total", Integer.toString(stats.getTotalConnections()));
            details.put(prefix + "active", Integer.toString(stats.getActiveConnections()));
            details.put(prefix + "idle", Integer.toString(stats.getIdleConnections()));
            details.put(prefix + "waiting", Integer.toString(stats.getThreadsAwaitingConnection()));
        }
    }
}
