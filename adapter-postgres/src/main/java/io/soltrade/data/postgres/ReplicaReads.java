package io.soltrade.data.postgres;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TransientDbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.postgresql.PGConnection;

/**
 * Reads that may lag, served by streaming replicas through the read pool, without losing read-your-writes.
 *
 * <p>After each write of the store commits, {@link #recordCommit} asks the primary, on the same connection, for its
 * WAL position ({@code pg_current_wal_lsn()}, which a commit flushed locally has passed) and keeps the highest one:
 * the position of the latest write this store acknowledged. A replica connection serves a read only once its server
 * has replayed up to that position ({@code pg_last_wal_replay_lsn()}); it waits, polling, at most
 * {@link PostgresReplication#replicaWaitTimeout()}, and the read goes to the primary if the replica is further
 * behind, or fails transiently (down, recovery conflict, read pool exhausted). So a read sees every write this store
 * acknowledged before it started; writes acknowledged by other processes appear within the replication lag.
 *
 * <p>What each connection's server was last seen to have replayed is remembered (a server's replay position never
 * goes back), so while the store writes nothing new a read costs no extra round trip. A server that is not in
 * recovery (a primary, after a fallback or a promotion) has everything it will ever have, and serves at once.
 *
 * <p>If the position after a commit cannot be read (the connection broke just after the commit), the next read asks
 * the primary for its current position first, which is past that commit.
 */
final class ReplicaReads implements ManagedResource {
    private static final String CURRENT_POSITION = "SELECT pg_current_wal_lsn()::text";
    private static final String REPLAY_POSITION = "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text";
    private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LONGEST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final PostgresConnectionPool readPool;
    private final PostgresTransactions primary;
    private final PostgresTransactions replica;
    private final PostgresTransactions probe;
    private final Duration waitTimeout;
    private final AtomicReference<WalPosition> acknowledged = new AtomicReference<>(WalPosition.START);
    // Starts at one: what the primary holds before this store's first write (the migration, other processes' writes)
    // is unknown, so the first read asks.
    private final AtomicInteger unknownCommits = new AtomicInteger(1);
    private final Map<PGConnection, WalPosition> replayedBySession = Collections.synchronizedMap(new WeakHashMap<>());
    private final LongAdder servedByReplica = new LongAdder();
    private final LongAdder servedByPrimary = new LongAdder();
    private final LongAdder replicaBehind = new LongAdder();

    /**
     * How many reads went where since start: served by a replica, by the primary instead (of which
     * {@code replicaBehind} because the replica had not caught up in time, the rest because it failed transiently).
     */
    record Counts(long servedByReplica, long servedByPrimary, long replicaBehind) {}

    /** Reads through {@code readPool}, falling back to {@code primaryPool}. */
    ReplicaReads(PostgresConnectionPool readPool, PostgresConnectionPool primaryPool) {
        this.readPool = readPool;
        this.primary = new PostgresTransactions(primaryPool);
        this.replica = new PostgresTransactions(readPool, this::awaitReplay, TransactionScope.ConnectionHook.NONE);
        this.probe = new PostgresTransactions(readPool);
        this.waitTimeout = readPool.settings().replication().replicaWaitTimeout();
    }

    /** Runs a read on a replica that has replayed this store's acknowledged writes, else on the primary. */
    <T> T read(String action, PostgresTransactions.Work<T> work) {
        try {
            T result = replica.autoCommit(action, work);
            servedByReplica.increment();
            return result;
        } catch (TransientDbException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // the caller gave up: no second attempt
            }
            servedByPrimary.increment();
        }
        return primary.autoCommit(action, work);
    }

    /**
     * After a commit on the primary: remembers the primary's WAL position as this store's latest acknowledged write.
     * Never throws (the write is acknowledged whatever happens here).
     */
    void recordCommit(Connection connection) {
        try {
            acknowledged.accumulateAndGet(currentPosition(connection), WalPosition::max);
        } catch (SQLException | RuntimeException e) {
            unknownCommits.incrementAndGet();
        }
    }

    /** The position a replica must have replayed to serve a read now. */
    WalPosition required() {
        int unknown = unknownCommits.get();
        if (unknown > 0) {
            WalPosition current = primary.autoCommit("read the primary's WAL position", scope -> currentPosition(scope.connection()));
            acknowledged.accumulateAndGet(current, WalPosition::max);
            unknownCommits.addAndGet(-unknown);
        }
        return acknowledged.get();
    }

    private void awaitReplay(Connection connection) throws SQLException {
        WalPosition required = required();
        PGConnection session = connection.unwrap(PGConnection.class);
        WalPosition replayed = replayedBySession.getOrDefault(session, WalPosition.START);
        if (replayed.reached(required)) {
            return;
        }
        long start = System.nanoTime();
        long pause = FIRST_PAUSE_NANOS;
        try (PreparedStatement statement = connection.prepareStatement(REPLAY_POSITION)) {
            while (true) {
                replayed = replayPosition(statement);
                replayedBySession.put(session, replayed);
                if (replayed.reached(required)) {
                    return;
                }
                long left = waitTimeout.toNanos() - (System.nanoTime() - start);
                if (left <= 0) {
                    replicaBehind.increment();
                    throw DbException.of(DbErrorKind.TIMEOUT, PostgresErrorTranslator.BACKEND, "the replica had replayed the WAL to " + replayed
                            + ", not to " + required + " (this store's latest acknowledged write), within " + waitTimeout);
                }
                pause(Math.min(pause, left));
                pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
            }
        }
    }

    private static void pause(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DbException.of(DbErrorKind.TIMEOUT, PostgresErrorTranslator.BACKEND, "interrupted while waiting for a replica to catch up", null, e);
        }
    }

    private static WalPosition currentPosition(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CURRENT_POSITION); ResultSet result = statement.executeQuery()) {
            result.next();
            return WalPosition.parse(result.getString(1));
        }
    }

    private static WalPosition replayPosition(PreparedStatement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            String replayed = result.getString(2);
            return result.getBoolean(1) && replayed != null ? WalPosition.parse(replayed) : WalPosition.END;
        }
    }

    /** What the read pool's server is (standby or primary) and has replayed, for the health check; throws if it does not answer. */
    Map<String, String> probe() {
        return probe.autoCommit("probe the read pool", scope -> {
            try (PreparedStatement statement = scope.connection().prepareStatement(REPLAY_POSITION); ResultSet result = statement.executeQuery()) {
                result.next();
                boolean standby = result.getBoolean(1);
                return standby ? Map.of("read.server", "standby", "read.replayed", String.valueOf(result.getString(2))) : Map.of("read.server", "primary");
            }
        });
    }

    Counts counts() {
        return new Counts(servedByReplica.sum(), servedByPrimary.sum(), replicaBehind.sum());
    }

    PostgresConnectionPool pool() {
        return readPool;
    }

    @Override
    public String name() {
        return readPool.name();
    }

    @Override
    public void close() {
        readPool.close();
    }
}
