package io.soltrade.data.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Streaming replicas for PostgreSQL ({@code soltrade.postgres.read-url}, {@code read-pool-size},
 * {@code replica-wait-timeout}, {@code synchronous-commit}), mirroring the adapter's replication settings: where the
 * configuration reads that may lag go, and what a write waits for before it is acknowledged.
 *
 * @param readUrl            a pgjdbc URL, usually multi-host, of the replicas (no password); empty: every read on the primary
 * @param readPoolSize       connections of the read pool
 * @param replicaWaitTimeout how long a replica read waits for the replica to replay this store's latest write before
 *                           the primary serves it (0 never waits; at most 1m)
 * @param synchronousCommit  {@code server-default}, {@code remote-write}, {@code on} or {@code remote-apply}
 */
public record PostgresReplicas(Optional<String> readUrl, int readPoolSize, Duration replicaWaitTimeout, String synchronousCommit) {
    static final List<String> SYNCHRONOUS_COMMIT = List.of("server-default", "remote-write", "on", "remote-apply");

    /** No replica reads, the server's commit setting: the defaults. */
    public static final PostgresReplicas NONE = new PostgresReplicas(Optional.empty(), 20, Duration.ofSeconds(1), "server-default");

    public PostgresReplicas {
        ConfigChecks.present(readUrl, "soltrade.postgres.read-url");
        readUrl.ifPresent(url -> {
            ConfigChecks.jdbcPostgresUrl(url, "soltrade.postgres.read-url");
            if (url.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                throw new ConfigurationException("soltrade.postgres.read-url", "must not carry a password: the read pool logs in as soltrade.postgres.user with soltrade.postgres.password");
            }
        });
        ConfigChecks.between(readPoolSize, "soltrade.postgres.read-pool-size", 1, 1_000);
        ConfigChecks.nonNegative(replicaWaitTimeout, "soltrade.postgres.replica-wait-timeout");
        if (replicaWaitTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new ConfigurationException("soltrade.postgres.replica-wait-timeout", "is " + DurationText.of(replicaWaitTimeout)
                    + ", must be at most 1m (a read that waits longer should go to the primary)");
        }
        ConfigChecks.oneOf(synchronousCommit, "soltrade.postgres.synchronous-commit", SYNCHRONOUS_COMMIT);
    }

    @Override
    public String toString() {
        return "readUrl=" + readUrl.map(Secret::mask).orElse("<none>") + ", readPoolSize=" + readPoolSize + ", replicaWaitTimeout="
                + DurationText.of(replicaWaitTimeout) + ", synchronousCommit=" + synchronousCommit;
    }
}
