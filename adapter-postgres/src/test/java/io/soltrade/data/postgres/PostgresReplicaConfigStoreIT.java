package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.contract.ConfigStoreContract;
import io.soltrade.data.postgres.testing.TestingReplicatedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ConfigStore contract kit with replica reads on: a primary and a streaming replica of this machine's PostgreSQL
 * binaries, the adapter built by {@link PostgresModule} with a read URL, so every read that may lag is served by the
 * replica. The kit reads back each write at once: that holds because a replica read waits for the replica to replay the
 * store's latest acknowledged write. Plus what only replica routing promises: where each read goes, what happens when
 * the replica is behind, and what another process's writes look like meanwhile.
 */
class PostgresReplicaConfigStoreIT extends ConfigStoreContract {
    private static final String SCHEMA = "it_replica";
    private static TestingReplicatedPostgres servers;
    private static Injector injector;
    private static PostgresConfigStore store;
    private static ReplicaReads replicaReads;

    @BeforeAll
    static void start() {
        servers = TestingReplicatedPostgres.start();
        injector = injector(servers.settings(SCHEMA, 8).replicaWaitTimeout(Duration.ofMillis(500)).build());
        store = injector.getInstance(PostgresConfigStore.class);
        replicaReads = injector.getInstance(ReplicaReads.class);
    }

    @AfterAll
    static void stop() {
        try {
            if (injector != null) {
                List<ManagedResource> resources = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));
                for (int i = resources.size() - 1; i >= 0; i--) {
                    resources.get(i).close();
                }
            }
        } finally {
            servers.close();
        }
    }

    @AfterEach
    void replayRuns() {
        servers.resumeReplay();
    }

    @Override
    protected ConfigStore configStore() {
        return store;
    }

    @Test
    void readsThatMayLagAreServedByTheReplicaAndCurrentReadsByThePrimary() throws SQLException {
        TokenMetadata token = SampleValues.splToken();
        store.upsertToken(token, SampleValues.ACTOR);
        TraderConfig config = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);
        ReplicaReads.Counts before = replicaReads.counts();

        assertThat(store.findToken(token.mint())).contains(token);
        assertThat(store.activeRules(token.mint())).isEmpty();
        assertThat(store.allNodeHealth()).isNotNull();
        ReplicaReads.Counts afterMayLag = replicaReads.counts();
        assertThat(store.findTraderConfig(config.trader())).contains(config);
        assertThat(store.findOrderRule(java.util.UUID.randomUUID())).isEmpty();

        assertThat(afterMayLag.servedByReplica() - before.servedByReplica()).isEqualTo(3);
        assertThat(afterMayLag.servedByPrimary()).isEqualTo(before.servedByPrimary());
        assertThat(replicaReads.counts()).as("findTraderConfig and findOrderRule do not use the read pool").isEqualTo(afterMayLag);
        String readSessions = PostgresConnectionPool.applicationName(replicaReads.pool().settings(), PostgresConnectionPool.Role.READ);
        await("the read pool's 8 sessions, all on the replica").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sessionsNamed(servers.connectToReplica(), readSessions)).as("read pool sessions on the replica").isEqualTo(8);
            assertThat(sessionsNamed(servers.connectToPrimary(), readSessions)).as("read pool sessions on the primary").isZero();
        });
    }

    @Test
    void aReplicaThatHasNotReplayedTheStoresWriteIsBypassedNotRead() {
        servers.pauseReplay();
        TokenMetadata token = SampleValues.splToken();
        ReplicaReads.Counts before = replicaReads.counts();

        store.upsertToken(token, SampleValues.ACTOR);
        long start = System.nanoTime();
        assertThat(store.findToken(token.mint())).as("read your own write while the replica is stuck").contains(token);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        ReplicaReads.Counts after = replicaReads.counts();
        assertThat(after.replicaBehind() - before.replicaBehind()).isEqualTo(1);
        assertThat(after.servedByPrimary() - before.servedByPrimary()).isEqualTo(1);
        assertThat(took).as("waited for the replica for replicaWaitTimeout, not more").isGreaterThanOrEqualTo(Duration.ofMillis(500))
                .isLessThan(Duration.ofSeconds(10));

        servers.resumeReplay();
        assertThat(store.findToken(token.mint())).contains(token);
        assertThat(replicaReads.counts().servedByReplica()).isEqualTo(after.servedByReplica() + 1);
    }

    @Test
    void anotherProcesssWriteReachesLaggingReadsOnlyOnceReplayedButCurrentReadsAtOnce() {
        PostgresSettings otherProcess = servers.settings(SCHEMA, 1).migrateOnStart(false).build().withReplication(PostgresReplication.NONE);
        Injector other = injector(otherProcess);
        try {
            ConfigStore otherStore = other.getInstance(ConfigStore.class);
            TraderConfig config = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);
            TokenMetadata token = SampleValues.splToken();
            store.upsertToken(token, SampleValues.ACTOR);
            assertThat(store.findToken(token.mint())).contains(token);
            servers.pauseReplay();

            TokenMetadata renamed = new TokenMetadata(token.mint(), token.symbol(), "Renamed elsewhere", token.decimals(), token.program(), List.of());
            otherStore.upsertToken(renamed, SampleValues.ACTOR);
            TraderConfig updated = otherStore.saveTraderConfig(config.withMevProtection(MevProtection.disabled()), SampleValues.ACTOR);

            assertThat(store.findToken(token.mint())).as("a read that may lag: the replica has not replayed the other process's write").contains(token);
            assertThat(store.findTraderConfig(config.trader())).as("a current read: on the primary").contains(updated);
            servers.resumeReplay();
            servers.awaitReplicaCaughtUp();
            assertThat(store.findToken(token.mint())).contains(renamed);
        } finally {
            other.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})).forEach(ManagedResource::close);
        }
    }

    @Test
    void aTriggerActsOnThePrimaryEvenWhenTheReplicaStillListsTheRuleAsActive() {
        TraderConfig config = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);
        TokenMetadata token = SampleValues.splToken();
        store.upsertToken(token, SampleValues.ACTOR);
        OrderRule rule = SampleValues.stopLoss(config.trader(), token.mint());
        store.saveOrderRule(rule, SampleValues.ACTOR);
        assertThat(store.activeRules(token.mint())).containsExactly(rule);
        servers.pauseReplay();
        PostgresSettings otherProcess = servers.settings(SCHEMA, 1).migrateOnStart(false).build().withReplication(PostgresReplication.NONE);
        Injector other = injector(otherProcess);
        try {
            other.getInstance(ConfigStore.class).cancel(rule.id(), SampleValues.T0.plusSeconds(1), SampleValues.ACTOR);

            assertThat(store.activeRules(token.mint())).as("the replica lags: the cancelled rule is still listed").containsExactly(rule);
            assertThat(store.trigger(rule.id(), SampleValues.T0.plusSeconds(2), SampleValues.ACTOR)).as("exactly once, decided on the primary").isEmpty();
            assertThat(store.findOrderRule(rule.id())).contains(rule.cancelled(SampleValues.T0.plusSeconds(1)));
        } finally {
            other.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})).forEach(ManagedResource::close);
        }
    }

    @Test
    void aWriteWhosePositionCouldNotBeReadIsStillReadBack() throws SQLException {
        TokenMetadata token = SampleValues.splToken();
        store.upsertToken(token, SampleValues.ACTOR);
        assertThat(store.findToken(token.mint())).contains(token);
        servers.pauseReplay();
        TokenMetadata renamed = new TokenMetadata(token.mint(), token.symbol(), "Renamed", token.decimals(), token.program(), List.of());
        // A write that committed and whose connection broke before its WAL position was read: committed here
        // without recording, then the failed recording, as the store's write path would see it.
        PostgresSettings unrecorded = servers.settings(SCHEMA, 1).migrateOnStart(false).build().withReplication(PostgresReplication.NONE);
        Injector other = injector(unrecorded);
        try {
            other.getInstance(ConfigStore.class).upsertToken(renamed, SampleValues.ACTOR);
        } finally {
            other.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})).forEach(ManagedResource::close);
        }
        Connection broken = servers.connectToPrimary();
        broken.close();
        replicaReads.recordCommit(broken);

        assertThat(store.findToken(token.mint())).as("the next read asked the primary where it is, and the replica is behind that").contains(renamed);
    }

    @Test
    void theReadPoolIsAResourceRegisteredBetweenThePrimaryPoolAndTheAsyncWrites() {
        List<ManagedResource> resources = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));

        assertThat(resources).extracting(ManagedResource::name)
                .containsExactly("postgres connection pool (" + SCHEMA + ")", "postgres read pool (" + SCHEMA + ")", "postgres async writes");
    }

    @Test
    void healthShowsTheReadPoolAndWhereReadsWent() {
        HealthCheck check = injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {})).iterator().next();

        HealthReport report = check.check();

        assertThat(report.state()).isEqualTo(HealthState.UP);
        assertThat(report.details()).containsEntry("read.server", "standby").containsEntry("read.pool.max", "8")
                .containsKeys("read.replayed", "read.pool.total", "read.servedByReplica", "read.servedByPrimary", "read.replicaBehind", "pool.total");
    }

    @Test
    void synchronousCommitWithoutASynchronousStandbyFailsAtStartUp() {
        PostgresSettings settings = servers.settings(SCHEMA, 1).migrateOnStart(false).synchronousCommit(PostgresSynchronousCommit.ON).build();

        Throwable failure = catchThrowable(() -> injector(settings));

        assertThat(failure).isInstanceOf(CreationException.class);
        DbException cause = ((CreationException) failure).getErrorMessages().stream().map(message -> message.getCause())
                .filter(DbException.class::isInstance).map(DbException.class::cast).findFirst().orElseThrow();
        assertThat(cause.kind()).isEqualTo(DbErrorKind.UNSUPPORTED);
        assertThat(cause).hasMessageContaining("postgres.synchronousCommit=ON").hasMessageContaining("synchronous_standby_names is empty");
    }

    /** As a host builds it: production stage (every singleton at once), explicit bindings only. */
    static Injector injector(PostgresSettings settings) {
        return Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
            binder.install(new PostgresModule(settings));
        });
    }

    private static int sessionsNamed(Connection admin, String applicationName) throws SQLException {
        try (admin; PreparedStatement count = admin.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, applicationName);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
