package io.soltrade.data.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.reliability.support.PostgresSessions;
import io.soltrade.data.reliability.support.RunningAdapter;
import io.soltrade.data.reliability.support.Soak;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL adapter's sessions terminated by the server ({@code pg_terminate_backend}, as a failover, an
 * operator or an idle-session killer does) in the middle of COPY batches and of configuration units of work.
 * Callers are told with a {@link TransientDbException}; a batch or unit lands whole or not at all (never a
 * part), an acknowledged one is stored exactly once even after the caller retried it, and the pool heals: the
 * next calls succeed on fresh sessions. Shown to fail without the protection by translating SQLSTATE 57P01
 * (terminated by an administrator) as a permanent error (see the it-tests README).
 */
class PostgresBackendTerminationIT {
    private static final int POOL = 4;
    private static final int BATCHES = Soak.pick(8, 80);
    private static final int BATCH_SIZE = 8_000;
    private static final int UNITS = Soak.pick(120, 1_200);
    private static final Actor ACTOR = Actor.of("fault-test");

    private static TestingPostgres postgres;
    private static PostgresSettings settings;
    private static RunningAdapter adapter;

    @BeforeAll
    static void start() {
        postgres = TestingPostgres.start();
        settings = postgres.settings(POOL);
        adapter = RunningAdapter.start(new PostgresModule(settings));
    }

    @AfterAll
    static void stop() {
        try {
            adapter.close();
        } finally {
            postgres.close();
        }
    }

    /** Batches whose COPY is cut: even-numbered ones are retried until acknowledged, odd ones are left as they fell. */
    @Test
    void aCopyCutByATerminatedSessionLandsWholeOrNotAtAll() throws Exception {
        TradeStore trades = adapter.port(TradeStore.class);
        Instant windowStart = ContractFixtures.windowStart().truncatedTo(ChronoUnit.MILLIS);
        List<List<Trade>> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<Trade> batch = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                batch.add(ContractFixtures.paperTrade(ContractFixtures.pubkey(), windowStart.plus((long) b * BATCH_SIZE + i, ChronoUnit.MICROS)));
            }
            batches.add(batch);
        }
        Map<Integer, Boolean> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, Integer> attempts = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger copiesCut = new AtomicInteger();

        // Cuts up to BATCHES COPY statements (straight into trades, or into the staging table a retried batch
        // takes), then lets the retries through.
        try (PostgresSessions sessions = new PostgresSessions(postgres, settings); Killer killer = new Killer(Duration.ofMillis(2), () -> {
            if (copiesCut.get() < BATCHES) {
                copiesCut.addAndGet(sessions.terminateRunning("COPY trade%"));
            }
        })) {
            ExecutorService callers = Executors.newFixedThreadPool(POOL);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int b = 0; b < BATCHES; b++) {
                    int index = b;
                    work.add(callers.submit(() -> {
                        boolean retry = index % 2 == 0;
                        for (int attempt = 1; attempt <= 100; attempt++) {
                            attempts.merge(index, 1, Integer::sum);
                            try {
                                trades.batchSave(batches.get(index));
                                acknowledged.put(index, true);
                                return;
                            } catch (TransientDbException e) {
                                if (!retry) {
                                    return;
                                }
                            } catch (RuntimeException e) {
                                unexpected.add(e);
                                return;
                            }
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get(10, TimeUnit.MINUTES);
                }
            } finally {
                callers.shutdownNow();
            }
            killer.stop();
        }

        assertThat(unexpected).as("failures other than TransientDbException").isEmpty();
        assertThat(copiesCut.get()).as("COPY statements cut mid-stream").isPositive();
        assertThat(attempts.values().stream().mapToInt(Integer::intValue).sum()).as("attempts").isGreaterThan(BATCHES);
        for (int b = 0; b < BATCHES; b++) {
            List<Trade> batch = batches.get(b);
            TimeRange range = TimeRange.of(batch.get(0).executedAt(), batch.get(batch.size() - 1).executedAt().plus(1, ChronoUnit.MICROS));
            List<Trade> stored = trades.findBetween(range, 10_000);
            if (b % 2 == 0) {
                assertThat(acknowledged).as("retried batch %d acknowledged", b).containsKey(b);
            }
            if (acknowledged.containsKey(b)) {
                assertThat(stored).as("acknowledged batch %d, stored once each", b).containsExactlyInAnyOrderElementsOf(batch);
            } else {
                assertThat(stored.size()).as("batch %d, refused, is all or nothing", b).isIn(0, batch.size());
                if (!stored.isEmpty()) {
                    assertThat(stored).containsExactlyInAnyOrderElementsOf(batch);
                }
            }
        }
        Trade after = ContractFixtures.paperTrade(ContractFixtures.pubkey(), windowStart.minus(1, ChronoUnit.SECONDS));
        trades.batchSave(List.of(after));
        assertThat(trades.findById(after.id())).as("a batch after the faults").contains(after);
    }

    /**
     * Units of work (a token, a trader configuration, an order rule, each with its audit entry) whose sessions are
     * terminated under them. None is retried: an acknowledged unit is stored whole; a failed one whole or not at
     * all (the commit may have happened just before the session died).
     */
    @Test
    void aUnitOfWorkCutByATerminatedSessionIsAllOrNothing() throws Exception {
        ConfigStore config = adapter.port(ConfigStore.class);
        record Unit(TokenMetadata token, TraderConfig trader, OrderRule rule) {}
        List<Unit> units = new ArrayList<>();
        for (int u = 0; u < UNITS; u++) {
            OrderRule rule = ContractFixtures.stopLoss(ContractFixtures.traderId(), ContractFixtures.pubkey(), ContractFixtures.now());
            TokenMetadata skeleton = ContractFixtures.splToken();
            units.add(new Unit(new TokenMetadata(rule.token(), skeleton.symbol(), skeleton.name(), 9, skeleton.program(), List.of()),
                    ContractFixtures.traderConfig(rule.trader()), rule));
        }
        Map<Integer, Boolean> acknowledged = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        AtomicInteger terminated = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();

        // Every 8th turn of the killer (about every 120 ms), while units run, for at most UNITS / 6 rounds.
        try (PostgresSessions sessions = new PostgresSessions(postgres, settings);
                Killer killer = new Killer(Duration.ofMillis(15), () -> {
                    if (rounds.incrementAndGet() % 8 == 0 && rounds.get() / 8 <= UNITS / 6 && sessions.active() > 0) {
                        terminated.addAndGet(sessions.terminateAll());
                    }
                })) {
            ExecutorService callers = Executors.newFixedThreadPool(POOL);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int u = 0; u < UNITS; u++) {
                    int index = u;
                    work.add(callers.submit(() -> {
                        Unit unit = units.get(index);
                        try {
                            config.inTransaction(ops -> {
                                ops.upsertToken(unit.token(), ACTOR);
                                ops.saveTraderConfig(unit.trader(), ACTOR);
                                ops.saveOrderRule(unit.rule(), ACTOR);
                                return null;
                            });
                            acknowledged.put(index, true);
                        } catch (TransientDbException e) {
                            failures.add(e);
                        } catch (RuntimeException e) {
                            unexpected.add(e);
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get(10, TimeUnit.MINUTES);
                }
            } finally {
                callers.shutdownNow();
            }
            killer.stop();
        }

        assertThat(unexpected).as("failures other than TransientDbException").isEmpty();
        assertThat(terminated.get()).as("sessions terminated").isPositive();
        assertThat(failures).as("units told they failed").isNotEmpty();
        assertThat(acknowledged).as("units acknowledged").isNotEmpty();
        for (int u = 0; u < UNITS; u++) {
            Unit unit = units.get(u);
            boolean token = afterKills(() -> config.findToken(unit.token().mint()).isPresent());
            boolean trader = afterKills(() -> config.findTraderConfig(unit.trader().trader()).isPresent());
            boolean rule = afterKills(() -> config.findOrderRule(unit.rule().id()).isPresent());
            int audit = afterKills(() -> config.auditTrail("token", unit.token().mint().base58(), 10).size()
                    + config.auditTrail("trader_config", unit.trader().trader().value(), 10).size()
                    + config.auditTrail("order_rule", unit.rule().id().toString(), 10).size());
            if (acknowledged.containsKey(u)) {
                assertThat(List.of(token, trader, rule)).as("acknowledged unit %d", u).containsOnly(true);
                assertThat(audit).as("audit entries of acknowledged unit %d", u).isEqualTo(3);
            } else {
                assertThat(token == trader && trader == rule).as("failed unit %d is all or nothing: token %s, trader %s, rule %s", u, token, trader, rule)
                        .isTrue();
                assertThat(audit).as("audit entries of failed unit %d", u).isIn(0, 3);
            }
        }
        await("the pool heals").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).ignoreException(DbException.class)
                .until(() -> config.findToken(ContractFixtures.pubkey()).isEmpty());
    }

    /**
     * A read after the killer stopped. A pooled connection it terminated in its last round is found dead on first
     * use (HikariCP checks a connection idle for less than 500 ms without a round trip), once per connection: the
     * read is tried again, as the app's retry policy would, at most once per pooled connection.
     */
    private static <T> T afterKills(java.util.function.Supplier<T> read) {
        TransientDbException last = null;
        for (int attempt = 0; attempt <= POOL; attempt++) {
            try {
                return read.get();
            } catch (TransientDbException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Runs {@code kill} over and over, {@code pause} apart, on a thread of its own until stopped. */
    private static final class Killer implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

        Killer(Duration pause, Runnable kill) {
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        kill.run();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                    LockSupport.parkNanos(pause.toNanos());
                }
            }, "session-killer");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
            assertThat(failures).as("the killer's own queries").isEmpty();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
