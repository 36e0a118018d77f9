package io.soltrade.data.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the adapter uses streaming replicas: where reads that may lag go, and what a write waits for. Part of
 * {@link PostgresSettings}; set through its builder ({@code readUrl}, {@code readPoolSize},
 * {@code replicaWaitTimeout}, {@code synchronousCommit}).
 *
 * @param readUrl            where reads that may lag go: a pgjdbc URL, usually multi-host
 *                           ({@code jdbc:postgresql://replica1:5432,replica2:5432,primary:5432/db}); unless it says
 *                           otherwise, {@code targetServerType=preferSecondary} and {@code loadBalanceHosts=true}.
 *                           Empty: every read goes to the primary
 * @param readPoolSize       connections of the read pool (fixed size, like the primary's)
 * @param replicaWaitTimeout how long a replica read waits for the replica to replay this store's latest
 *                           acknowledged write before it is served by the primary instead; zero never waits
 * @param synchronousCommit  what a write waits for before it is acknowledged
 */
public record PostgresReplication(Optional<String> readUrl, int readPoolSize, Duration replicaWaitTimeout, PostgresSynchronousCommit synchronousCommit) {
    public static final Duration DEFAULT_REPLICA_WAIT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_REPLICA_WAIT_TIMEOUT = Duration.ofMinutes(1);

    /** No replica reads, the server's commit setting. */
    public static final PostgresReplication NONE = new PostgresReplication(Optional.empty(), PostgresSettings.DEFAULT_MAX_POOL_SIZE,
            DEFAULT_REPLICA_WAIT_TIMEOUT, PostgresSynchronousCommit.SERVER_DEFAULT);

    public PostgresReplication {
        Objects.requireNonNull(readUrl, "postgres.readUrl is null");
        readUrl.ifPresent(url -> PostgresSettings.checkUrl(url, "postgres.readUrl"));
        if (readPoolSize < 1 || readPoolSize > 1_000) {
            throw new IllegalArgumentException("postgres.readPoolSize must be between 1 and 1000, got " + readPoolSize);
        }
        Objects.requireNonNull(replicaWaitTimeout, "postgres.replicaWaitTimeout is null");
        if (replicaWaitTimeout.isNegative() || replicaWaitTimeout.compareTo(MAX_REPLICA_WAIT_TIMEOUT) > 0) {
            throw new IllegalArgumentException("postgres.replicaWaitTimeout must be between 0 and " + MAX_REPLICA_WAIT_TIMEOUT + ", got " + replicaWaitTimeout);
        }
        Objects.requireNonNull(synchronousCommit, "postgres.synchronousCommit is null");
    }

    @Override
    public String toString() {
        return "readUrl=" + readUrl.orElse("<none>") + ", readPoolSize=" + readPoolSize + ", replicaWaitTimeout=" + replicaWaitTimeout
                + ", synchronousCommit=" + synchronousCommit;
    }
}
