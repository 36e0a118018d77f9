package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.postgres.testing.TestingReplicatedPostgres;
import io.soltrade.data.postgres.testing.TestingReplicatedPostgres.Replication;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Promotion drills on a private primary and streaming replica: the old primary goes away (stopped cleanly, or as in a
 * crash), {@code pg_promote()} makes the replica the primary, and the adapter, whose write URL lists both servers
 * ({@code targetServerType=primary}), writes to the new primary without being reconfigured. A ledger holds every write
 * the store acknowledged; the new primary is checked for each.
 *
 * <p>What the layer promises, which these drills pin down:
 * <ul>
 *   <li>A planned switchover (old primary stopped cleanly, then the replica promoted) loses no acknowledged write, with
 *       asynchronous replication too: a clean shutdown sends the last WAL to a connected standby first.</li>
 *   <li>With asynchronous replication (the server default), a crashed primary may take with it writes it acknowledged
 *       and had not yet sent: promoting the replica loses them. The second drill makes that window deterministic.</li>
 *   <li>With {@code synchronousCommit} waiting for a synchronous standby, a write is acknowledged only once the standby
 *       has it, so promoting that standby loses no acknowledged write, even after a crash. While the standby is away
 *       writes wait, unacknowledged.</li>
 * </ul>
 */
class PostgresPromoteDrillIT {
    private static final String SCHEMA = "it_drill";
    private static final int WRITERS = 4;
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(60);

    @Test
    void aPlannedPromotionUnderWriteLoadLosesNoAcknowledgedWrite() throws Exception {
        try (TestingReplicatedPostgres servers = TestingReplicatedPostgres.start(); Adapter adapter = new Adapter(servers, PostgresSynchronousCommit.SERVER_DEFAULT);
                WriteLoad load = new WriteLoad(adapter.store)) {
            load.awaitAcknowledged(100);

            servers.stopPrimary();
            servers.promoteReplica();
            long promotedAt = System.nanoTime();
            int atPromotion = load.acknowledgedCount();
            load.awaitAcknowledged(atPromotion + 100);
            Duration resumedAfter = Duration.ofNanos(load.firstAcknowledgedAfter(promotedAt) - promotedAt);
            List<Pubkey> ledger = load.stop();

            System.out.printf("planned promotion: %d writes acknowledged, %d transient failures, writes resumed %d ms after pg_promote()%n",
                    ledger.size(), load.failures.get(), resumedAfter.toMillis());
            assertThat(storedOn(servers.connectToReplica(), ledger)).as("every acknowledged write is on the new primary").containsExactlyInAnyOrderElementsOf(ledger);
        }
    }

    @Test
    void anAsynchronousReplicaPromotedAfterACrashLacksWhatThePrimaryHadNotSent() throws Exception {
        try (TestingReplicatedPostgres servers = TestingReplicatedPostgres.start(); Adapter adapter = new Adapter(servers, PostgresSynchronousCommit.SERVER_DEFAULT)) {
            List<Pubkey> replicated = writeSequentially(adapter.store, 20);
            servers.awaitReplicaCaughtUp();
            servers.detachReplica();
            List<Pubkey> neverSent = writeSequentially(adapter.store, 20);

            servers.crashPrimary();
            servers.promoteReplica();
            List<Pubkey> afterPromotion = writeSequentially(adapter.store, 20);

            Set<Pubkey> onNewPrimary = storedOn(servers.connectToReplica(), concat(replicated, neverSent, afterPromotion));
            assertThat(onNewPrimary).containsAll(replicated).containsAll(afterPromotion);
            assertThat(onNewPrimary).as("acknowledged by the crashed primary, never received by the replica: lost").doesNotContainAnyElementsOf(neverSent);
        }
    }

    @Test
    void withSynchronousCommitACrashedPrimaryLosesNoAcknowledgedWrite() throws Exception {
        try (TestingReplicatedPostgres servers = TestingReplicatedPostgres.start(Replication.SYNCHRONOUS);
                Adapter adapter = new Adapter(servers, PostgresSynchronousCommit.ON); WriteLoad load = new WriteLoad(adapter.store)) {
            load.awaitAcknowledged(100);

            servers.detachReplica();
            int atDetach = load.acknowledgedCount();
            // Either the primary goes on acknowledging writes the replica cannot receive (asynchronous), or every writer
            // waits for the absent standby (synchronous). Crash the primary in that state.
            await("the primary to acknowledge 50 unreplicated writes, or every writer to wait for the standby").atMost(RESUME_WITHIN)
                    .until(() -> load.acknowledgedCount() >= atDetach + 50 || waitingForStandby(servers) == WRITERS);
            int acknowledgedWhileDetached = load.acknowledgedCount() - atDetach;
            servers.crashPrimary();
            servers.promoteReplica();
            int atPromotion = load.acknowledgedCount();
            load.awaitAcknowledged(atPromotion + 100);
            List<Pubkey> ledger = load.stop();

            System.out.printf("synchronous crash drill: %d writes acknowledged (%d while the standby was away), %d transient failures%n",
                    ledger.size(), acknowledgedWhileDetached, load.failures.get());
            assertThat(storedOn(servers.connectToReplica(), ledger)).as("every acknowledged write is on the promoted standby").containsExactlyInAnyOrderElementsOf(ledger);
        }
    }

    @Test
    void readsGoOnWhenTheReplicaStops() throws Exception {
        try (TestingReplicatedPostgres servers = TestingReplicatedPostgres.start(); Adapter adapter = new Adapter(servers, PostgresSynchronousCommit.SERVER_DEFAULT)) {
            TokenMetadata token = SampleValues.splToken();
            adapter.store.upsertToken(token, SampleValues.ACTOR);
            assertThat(adapter.store.findToken(token.mint())).contains(token);
            assertThat(adapter.health().details()).containsEntry("read.server", "standby");

            servers.stopReplica();

            assertThat(adapter.store.findToken(token.mint())).contains(token);
            assertThat(adapter.store.activeRules(token.mint())).isEmpty();
            await("the read pool to reconnect to the primary (preferSecondary)").atMost(RESUME_WITHIN)
                    .until(() -> "primary".equals(adapter.health().details().get("read.server")));
        }
    }

    // ---- the pieces

    /** The adapter as a host builds it, writes to {@link TestingReplicatedPostgres#failoverUrl()}, reads that may lag to the replica. */
    private static final class Adapter implements AutoCloseable {
        final Injector injector;
        final ConfigStore store;

        Adapter(TestingReplicatedPostgres servers, PostgresSynchronousCommit commit) {
            injector = PostgresReplicaConfigStoreIT.injector(servers.settings(SCHEMA, WRITERS).synchronousCommit(commit).build());
            store = injector.getInstance(ConfigStore.class);
        }

        HealthReport health() {
            return injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {})).iterator().next().check();
        }

        @Override
        public void close() {
            List<ManagedResource> resources = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    /** Writers upserting fresh tokens, each retried after a transient failure until acknowledged; the ledger keeps the acknowledged. */
    private static final class WriteLoad implements AutoCloseable {
        private record Acknowledged(Pubkey mint, long at) {}

        final AtomicLong failures = new AtomicLong();
        private final ConcurrentLinkedQueue<Acknowledged> ledger = new ConcurrentLinkedQueue<>();
        private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        private volatile boolean stopping;

        WriteLoad(ConfigStore store) {
            for (int i = 0; i < WRITERS; i++) {
                writers.execute(() -> {
                    while (!stopping) {
                        TokenMetadata token = SampleValues.splToken();
                        while (!stopping) {
                            try {
                                store.upsertToken(token, SampleValues.ACTOR);
                                ledger.add(new Acknowledged(token.mint(), System.nanoTime()));
                                break;
                            } catch (TransientDbException e) {
                                failures.incrementAndGet();
                                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // retry back-off
                            }
                        }
                    }
                });
            }
        }

        int acknowledgedCount() {
            return ledger.size();
        }

        void awaitAcknowledged(int count) {
            await("%d acknowledged writes".formatted(count)).atMost(RESUME_WITHIN).pollInterval(Duration.ofMillis(20)).until(() -> ledger.size() >= count);
        }

        long firstAcknowledgedAfter(long nanoTime) {
            return ledger.stream().mapToLong(Acknowledged::at).filter(at -> at - nanoTime > 0).min().orElseThrow();
        }

        List<Pubkey> stop() throws InterruptedException {
            stopping = true;
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped").isTrue();
            return ledger.stream().map(Acknowledged::mint).toList();
        }

        @Override
        public void close() throws InterruptedException {
            if (!stopping) {
                stop();
            }
        }
    }

    private static List<Pubkey> writeSequentially(ConfigStore store, int count) {
        List<Pubkey> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TokenMetadata token = SampleValues.splToken();
            await("token %d acknowledged".formatted(i)).atMost(RESUME_WITHIN).pollInterval(Duration.ofMillis(50))
                    .ignoreExceptionsInstanceOf(TransientDbException.class)
                    .until(() -> {
                        store.upsertToken(token, SampleValues.ACTOR);
                        return true;
                    });
            written.add(token.mint());
        }
        return written;
    }

    @SafeVarargs
    private static List<Pubkey> concat(List<Pubkey>... lists) {
        List<Pubkey> all = new ArrayList<>();
        for (List<Pubkey> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    /** Which of {@code mints} the server behind {@code connection} holds. */
    private static Set<Pubkey> storedOn(Connection connection, List<Pubkey> mints) throws SQLException {
        try (connection; PreparedStatement query = connection.prepareStatement("SELECT mint FROM it_drill.tokens WHERE mint = ANY (?)")) {
            Array array = connection.createArrayOf("text", mints.stream().map(Pubkey::base58).toArray());
            query.setArray(1, array);
            Set<Pubkey> stored = new HashSet<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    stored.add(Pubkey.of(result.getString(1)));
                }
            }
            return stored;
        }
    }

    /** Sessions on the primary waiting for a synchronous standby to confirm their commit. */
    private static int waitingForStandby(TestingReplicatedPostgres servers) throws SQLException {
        try (Connection connection = servers.connectToPrimary();
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'SyncRep'");
                ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
