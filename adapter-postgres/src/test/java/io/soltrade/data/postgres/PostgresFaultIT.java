package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.TransientDbException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server kills the pool's sessions ({@code pg_terminate_backend}, as a restart or failover would) in the
 * middle of work. The caller gets a {@link TransientDbException}, nothing is half-written, a retry lands the
 * work exactly once, and the pool refills itself.
 */
class PostgresFaultIT {
    private static final int POOL_SIZE = 4;
    private static AdapterOnFreshSchema adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterOnFreshSchema.start(POOL_SIZE);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    /** How many rows hold the trades' tokens: each trade once, and nothing else on those fresh tokens. */
    private static int stored(List<Trade> trades) {
        List<String> tokens = trades.stream().map(trade -> trade.token().base58()).distinct().toList();
        return adapter.transactions.autoCommit("count", scope -> scope.dsl().fetchCount(TRADES, TRADES.TOKEN.in(tokens)));
    }

    /** A COPY one of the pool's sessions is running: its statement, rows the server took, and whether any row of the batch is visible. */
    private record CopyInProgress(String statement, long rowsProcessed, boolean batchPartlyVisible) {}

    private static Optional<CopyInProgress> copyInProgress(Connection admin, Pubkey token) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT a.query, p.tuples_processed, EXISTS (SELECT 1 FROM trades WHERE token = ?) "
                + "FROM pg_stat_progress_copy p JOIN pg_stat_activity a ON a.pid = p.pid WHERE a.application_name = ?")) {
            query.setString(1, token.base58());
            query.setString(2, PostgresConnectionPool.applicationName(adapter.settings));
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(new CopyInProgress(result.getString(1), result.getLong(2), result.getBoolean(3))) : Optional.empty();
            }
        }
    }

    /**
     * Waits until the pool holds its full size again, every connection alive on the server. Connections killed
     * while idle are found (and replaced) when next borrowed, so each round borrows all of them at once.
     */
    private static void awaitPoolFull() {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            borrowEveryConnection();
            return adapter.pool.stats().getTotalConnections() == POOL_SIZE && adapter.serverSessions() == POOL_SIZE;
        });
    }

    private static void borrowEveryConnection() {
        ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
        List<CompletableFuture<Void>> holders = new ArrayList<>();
        java.util.concurrent.CountDownLatch allBorrowed = new java.util.concurrent.CountDownLatch(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            holders.add(CompletableFuture.runAsync(() -> {
                try {
                    adapter.transactions.autoCommit("probe", scope -> {
                        scope.dsl().selectOne().fetch();
                        allBorrowed.countDown();
                        allBorrowed.await(5, java.util.concurrent.TimeUnit.SECONDS);
                        return null;
                    });
                } catch (TransientDbException killed) {
                    allBorrowed.countDown(); // a dead connection, now evicted and being replaced
                }
            }, threads));
        }
        try {
            CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBatchWhoseSessionIsKilledDuringCopyIsAllOrNothingAndARetryLandsItOnce() throws Exception {
        Pubkey token = SampleValues.pubkey();
        List<Trade> batch = IntStream.range(0, 30_000) // about 9 MB of COPY text
                .mapToObj(i -> SampleValues.liveTrade(token, SampleValues.T0.plusMillis(i))).toList();
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try {
            // Kill during a COPY once the batch is well under way (a third of it taken by the server in this COPY, or
            // some of it visible to other sessions already), so a writer that commits part of a batch would show.
            Future<CopyInProgress> killedDuring = killer.submit(() -> {
                try (Connection admin = adapter.postgres.connect()) {
                    admin.setSchema(adapter.settings.schema());
                    CopyInProgress copy = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1))
                            .until(() -> copyInProgress(admin, token),
                                    progress -> progress.filter(p -> p.rowsProcessed() >= 10_000 || p.batchPartlyVisible()).isPresent())
                            .orElseThrow();
                    adapter.killPoolSessions();
                    return copy;
                }
            });

            Throwable failure = catchThrowable(() -> adapter.tradeStore.batchSave(batch));

            assertThat(killedDuring.get().statement()).startsWith("COPY trades");
            assertThat(failure).isInstanceOf(TransientDbException.class);
        } finally {
            killer.shutdownNow();
        }
        assertThat(stored(batch)).as("rows of the killed batch").isZero();

        awaitPoolFull();
        adapter.tradeStore.batchSave(batch);

        assertThat(stored(batch)).isEqualTo(batch.size());
        assertThat(adapter.tradeStore.findByToken(token, 1)).containsExactly(batch.get(batch.size() - 1));
    }

    @Test
    void aUnitOfWorkWhoseSessionIsKilledLeavesNoChangeAndNoAuditEntryAndARetrySucceeds() throws Exception {
        TokenMetadata first = SampleValues.splToken();
        TokenMetadata second = SampleValues.token2022();
        awaitPoolFull();

        Throwable failure = catchThrowable(() -> adapter.configStore.inTransaction(ops -> {
            ops.upsertToken(first, SampleValues.ACTOR);
            assertThat(killPoolSessionsQuietly()).isPositive();
            ops.upsertToken(second, SampleValues.ACTOR);
            return null;
        }));

        assertThat(failure).isInstanceOf(TransientDbException.class);
        awaitPoolFull();
        assertThat(adapter.configStore.findToken(first.mint())).isEmpty();
        assertThat(adapter.configStore.auditTrail("token", first.mint().base58(), 10)).isEmpty();

        adapter.configStore.inTransaction(ops -> {
            ops.upsertToken(first, SampleValues.ACTOR);
            ops.upsertToken(second, SampleValues.ACTOR);
            return null;
        });

        assertThat(adapter.configStore.findToken(first.mint())).contains(first);
        assertThat(adapter.configStore.findToken(second.mint())).contains(second);
        assertThat(adapter.configStore.auditTrail("token", first.mint().base58(), 10)).extracting(AuditEntry::action).containsExactly("create");
    }

    @Test
    void aRuleTriggeredInAUnitWhoseSessionIsKilledStaysActiveAndARetryTriggersItExactlyOnce() throws Exception {
        TraderConfig config = adapter.configStore.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);
        TokenMetadata token = SampleValues.splToken();
        adapter.configStore.upsertToken(token, SampleValues.ACTOR);
        OrderRule rule = SampleValues.stopLoss(config.trader(), token.mint());
        adapter.configStore.saveOrderRule(rule, SampleValues.ACTOR);
        awaitPoolFull();

        Throwable failure = catchThrowable(() -> adapter.configStore.inTransaction(ops -> {
            assertThat(ops.trigger(rule.id(), SampleValues.T0.plusSeconds(60), SampleValues.ACTOR)).isPresent();
            assertThat(killPoolSessionsQuietly()).isPositive();
            return ops.findOrderRule(rule.id());
        }));

        assertThat(failure).isInstanceOf(TransientDbException.class);
        awaitPoolFull();
        assertThat(adapter.configStore.findOrderRule(rule.id()).orElseThrow().isActive()).as("the killed trigger was rolled back").isTrue();
        assertThat(adapter.configStore.auditTrail("order_rule", rule.id().toString(), 10)).extracting(AuditEntry::action).containsExactly("create");

        List<Optional<OrderRule>> retries = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            retries.add(adapter.configStore.trigger(rule.id(), SampleValues.T0.plusSeconds(60), SampleValues.ACTOR));
        }
        assertThat(retries.stream().filter(Optional::isPresent)).as("triggers that took effect").hasSize(1);
        assertThat(adapter.configStore.auditTrail("order_rule", rule.id().toString(), 10)).extracting(AuditEntry::action)
                .containsExactly("trigger", "create");
    }

    /**
     * Async writes whose sessions are killed under them: every future completes (none is left pending), with success
     * or a {@link TransientDbException}; the acknowledged trades are stored once each, and the failed ones, retried,
     * land once too.
     */
    @Test
    void asyncWritesWhoseSessionsAreKilledAllCompleteAndLandExactlyOnce() throws Exception {
        Pubkey token = SampleValues.pubkey();
        List<Trade> trades = IntStream.range(0, 1_500).mapToObj(i -> SampleValues.liveTrade(token, SampleValues.T0.plusMillis(i))).toList();
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < trades.size(); i++) {
            futures.add(adapter.tradeStore.saveAsync(trades.get(i)));
            if (i % 500 == 250) {
                killPoolSessionsQuietly();
            }
        }
        List<Trade> failed = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            try {
                futures.get(i).get(60, TimeUnit.SECONDS); // a future left pending fails the test here
            } catch (ExecutionException e) {
                assertThat(e.getCause()).as("async failure of trade %d", i).isInstanceOfAny(TransientDbException.class);
                failed.add(trades.get(i));
            }
        }
        System.out.printf("PostgresFaultIT: %d of %d async writes met a killed session%n", failed.size(), trades.size());
        awaitPoolFull();
        for (Trade trade : failed) {
            adapter.tradeStore.save(trade);
        }
        assertThat(stored(trades)).isEqualTo(trades.size());
    }

    private static int killPoolSessionsQuietly() {
        try {
            return adapter.killPoolSessions();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sessionsKilledUnderLoadLoseNoAcknowledgedWriteAndThePoolRefills() throws Exception {
        int writers = 8;
        int tradesPerWriter = 150;
        Set<Trade> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger transientFailures = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        List<CompletableFuture<Void>> load = new ArrayList<>();
        for (int writer = 0; writer < writers; writer++) {
            int id = writer;
            load.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < tradesPerWriter; i++) {
                    Trade trade = SampleValues.liveTrade(SampleValues.pubkey(), SampleValues.T0.plusMillis(id * 10_000L + i));
                    for (int attempt = 1; ; attempt++) {
                        try {
                            if (i % 2 == 0) {
                                adapter.tradeStore.save(trade);
                            } else {
                                adapter.tradeStore.batchSave(List.of(trade));
                            }
                            acknowledged.add(trade);
                            break;
                        } catch (TransientDbException e) {
                            transientFailures.incrementAndGet();
                            if (attempt == 20) {
                                throw e;
                            }
                        }
                    }
                }
            }, threads));
        }
        try {
            for (int round = 1; round <= 3; round++) {
                int target = round * writers * tradesPerWriter / 4;
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= target);
                adapter.killPoolSessions();
            }
            CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get();
        } finally {
            threads.shutdownNow();
        }

        assertThat(transientFailures.get()).as("calls that met a killed session").isPositive();
        assertThat(acknowledged).hasSize(writers * tradesPerWriter);
        assertThat(stored(new ArrayList<>(acknowledged))).isEqualTo(writers * tradesPerWriter);
        awaitPoolFull();
    }
}
