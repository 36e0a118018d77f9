package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two QuestDB servers as the two endpoints of one ILP configuration ({@code addr=A;addr=B;}) and one PG wire URL
 * ({@code A,B}). Four threads save batches of trades; once 2,000 are acknowledged, A, the endpoint in use, is killed
 * with -9. Ingestion carries on against B, and afterwards (A restarted on its root to be read) the trades
 * acknowledged are exactly the distinct trade ids found across both servers: none lost, none that was not saved, no
 * id twice on either server (DEDUP makes the writer's resend of a request A may have committed harmless).
 */
class QuestDbFailoverIT {
    private static final int THREADS = 4;
    private static final int BATCH = 20;
    private static final int BEFORE_KILL = 2_000;
    private static final int AFTER_KILL = 2_000;

    @Test
    void killingTheEndpointInUseMovesIngestionToTheOtherAndLosesNothingAcknowledged() throws Exception {
        try (QuestDbServer a = QuestDbServer.launch(); QuestDbServer b = QuestDbServer.launch()) {
            QuestDbSettings settings = QuestDbSettings.of("http::addr=127.0.0.1:" + a.httpPort() + ";addr=127.0.0.1:" + b.httpPort() + ";",
                            "jdbc:postgresql://" + hostPort(a) + "," + hostPort(b) + "/qdb", a.pgUser(), a.pgPassword())
                    .withDeadlines(Duration.ofSeconds(60), Duration.ofSeconds(20));
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new QuestDbModule(settings));
            TradeStore store = injector.getInstance(TradeStore.class);
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> failed = ConcurrentHashMap.newKeySet();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService savers = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (int i = 0; i < THREADS; i++) {
                    running.add(savers.submit(() -> {
                        while (!stop.get()) {
                            List<Trade> batch = new ArrayList<>();
                            for (int n = 0; n < BATCH; n++) {
                                batch.add(TestRows.paperTrade(TestRows.pubkey(), TestRows.now()));
                            }
                            try {
                                store.batchSave(batch);
                                batch.forEach(trade -> acknowledged.add(trade.id().naturalKey()));
                            } catch (DbException e) {
                                batch.forEach(trade -> failed.add(trade.id().naturalKey()));
                            }
                        }
                        return null;
                    }));
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= BEFORE_KILL);
                // acknowledged at WAL commit; visible once A's WAL apply catches up (on a quiet machine the acks can come first)
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(ids(a, false)).as("writes went to A, the first endpoint, before the kill").isNotEmpty());
                a.kill();
                int atKill = acknowledged.size();

                try {
                    await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= atKill + AFTER_KILL);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    // a CI run of 2026-12-04 stalled here (no 2,000 acknowledgements in 120 s; 8 runs alone, loaded or not,
                    // passed in 12 to 25 s): say where the store stood
                    throw new AssertionError("ingestion after the kill stalled: " + acknowledged.size() + " acknowledged, " + atKill
                            + " of them before the kill, " + failed.size() + " failed; " + standing(injector, store), e);
                }
            } finally {
                stop.set(true);
                for (Future<?> saver : running) {
                    saver.get(120, java.util.concurrent.TimeUnit.SECONDS);
                }
                savers.shutdown();
                for (ManagedResource resource : injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() { }))) {
                    resource.close();
                }
            }

            a.restart(); // to read what A committed before it was killed
            List<String> onA = ids(a, true);
            List<String> onB = ids(b, true);
            Set<String> across = new HashSet<>(onA);
            across.addAll(onB);
            assertThat(onA).as("no id twice on A").doesNotHaveDuplicates();
            assertThat(onB).as("no id twice on B: ingestion went on there").isNotEmpty().doesNotHaveDuplicates();
            assertThat(failed).as("no save failed: the writer moved to B within its retry deadline").isEmpty();
            assertThat(across).as("acknowledged trades = distinct trades across both servers").isEqualTo(acknowledged);
        }
    }

    /** The store's health details, its intake's counts and the stacks of its threads and its callers', for a failure message. */
    private static String standing(Injector injector, TradeStore store) {
        StringBuilder text = new StringBuilder();
        for (HealthCheck check : injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() { }))) {
            HealthReport report = check.check();
            text.append("health ").append(report.state()).append(' ').append(report.details()).append(report.error().map(e -> " " + e).orElse(""));
        }
        if (store instanceof QuestDbTradeStore questDb) {
            text.append("; intake remembers ").append(questDb.intake().remembered()).append(", reads retried ").append(questDb.intake().readsRetried());
        }
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            boolean ours = thread.getName().startsWith("questdb")
                    || java.util.Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("io.soltrade.data.questdb.QuestDbTradeStore"));
            if (ours && thread != Thread.currentThread()) {
                text.append("\n").append(thread.getName()).append(' ').append(thread.getState());
                for (StackTraceElement frame : stack) {
                    text.append("\n    at ").append(frame);
                }
            }
        });
        return text.toString();
    }

    private static String hostPort(QuestDbServer server) {
        return FollowingPgDataSource.hosts(server.pgUrl()).get(0);
    }

    /** Every trade id on one server (once its WAL is applied, if {@code settled}: nothing writes to it then). */
    private static List<String> ids(QuestDbServer server, boolean settled) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.pgUrl(), server.pgUser(), server.pgPassword())) {
            if (settled) {
                awaitApplied(connection);
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT trade_id FROM trades");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /**
     * Waits until the trades table has applied every committed transaction. A CI run of 2026-12-04 timed out here once
     * (A's table, after its restart, behind for a minute; 8 runs alone passed in 18 to 21 s), without saying why: the
     * status now goes into the failure. A table QuestDB suspended while applying (it does after some crashes: its
     * issues 3979 and 6129) is resumed as an operator would, with a line saying so: what was acknowledged is in the WAL
     * either way, and the assertions that follow check that all of it is there.
     */
    private static void awaitApplied(Connection connection) throws SQLException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        boolean resumed = false;
        while (true) {
            try (PreparedStatement status = connection.prepareStatement(
                    "SELECT suspended, writerTxn, sequencerTxn, errorTag, errorMessage FROM wal_tables() WHERE name = 'trades'");
                    ResultSet row = status.executeQuery()) {
                if (!row.next() || row.getLong(2) >= row.getLong(3)) {
                    return;
                }
                String state = "suspended=" + row.getBoolean(1) + ", writerTxn=" + row.getLong(2) + ", sequencerTxn=" + row.getLong(3)
                        + ", error=" + row.getString(4) + " " + row.getString(5);
                if (row.getBoolean(1) && !resumed) {
                    System.out.println("QuestDbFailoverIT: the trades table was suspended (" + state + "); resuming its WAL");
                    try (PreparedStatement resume = connection.prepareStatement("ALTER TABLE trades RESUME WAL")) {
                        resume.execute();
                    }
                    resumed = true;
                } else if (System.nanoTime() - giveUp > 0) {
                    throw new AssertionError("the trades table did not apply its WAL within 120 s: " + state);
                }
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
