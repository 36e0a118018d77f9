package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariPoolMXBean;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.token.TokenMetadata;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Many more callers than connections: every call succeeds (they queue for a connection within the pool
 * timeout instead of failing), and neither the pool nor the server ever holds more than the configured 20.
 */
class PostgresConcurrencyIT {
    private static final int POOL_SIZE = 20;
    private static final int CALLS_PER_CALLER = 4;
    private static AdapterOnFreshSchema adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterOnFreshSchema.start(POOL_SIZE);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @ParameterizedTest(name = "{0} callers on a pool of 20")
    @ValueSource(ints = {50, 200})
    void manyCallersAllSucceedAndThePoolNeverGrowsPastItsSize(int callers) throws Exception {
        Pubkey token = SampleValues.pubkey();
        TokenMetadata metadata = SampleValues.splToken();
        adapter.configStore.upsertToken(metadata, SampleValues.ACTOR);
        PoolWatch watch = PoolWatch.start(adapter.pool.stats());
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Trade>>> futures = new ArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        try {
            for (int caller = 0; caller < callers; caller++) {
                int id = caller;
                futures.add(threads.submit(() -> {
                    go.await();
                    List<Trade> saved = new ArrayList<>();
                    for (int call = 0; call < CALLS_PER_CALLER; call++) {
                        Trade trade = SampleValues.liveTrade(token, SampleValues.T0.plusMillis(id * 1_000L + call));
                        inFlight.incrementAndGet();
                        try {
                        switch (call % 3) {
                            case 0 -> adapter.tradeStore.save(trade);
                            case 1 -> adapter.tradeStore.batchSave(List.of(trade, SampleValues.paperTrade(SampleValues.pubkey(), SampleValues.T0)));
                            default -> {
                                adapter.tradeStore.save(trade);
                                assertThat(adapter.configStore.findToken(metadata.mint())).contains(metadata);
                            }
                        }
                        } finally {
                            inFlight.decrementAndGet();
                        }
                        saved.add(trade);
                    }
                    return saved;
                }));
            }
            // The trades table is locked while the callers start: the first calls (all saves) hold their connections
            // until it is released, so the other callers must queue for one. Released by a latch alone, 200 callers on
            // a quiet 2-core machine drifted apart (19 calls in flight at most) and the pool was never oversubscribed.
            try (Connection blocker = adapter.postgres.connect()) {
                blocker.setAutoCommit(false);
                DSL.using(blocker, SQLDialect.POSTGRES).execute("LOCK TABLE {0} IN EXCLUSIVE MODE", DSL.name(adapter.settings.schema(), "trades"));
                go.countDown();
                await("every caller in a call, " + POOL_SIZE + " connections busy, the others queueing for one")
                        .atMost(Duration.ofSeconds(20)).until(() -> inFlight.get() == callers
                        && adapter.pool.stats().getActiveConnections() == POOL_SIZE
                        && adapter.pool.stats().getThreadsAwaitingConnection() == callers - POOL_SIZE);
                blocker.commit();
            }
            List<Trade> saved = new ArrayList<>();
            for (Future<List<Trade>> future : futures) {
                saved.addAll(future.get()); // a pool error in any caller fails the test here
            }

            assertThat(saved).hasSize(callers * CALLS_PER_CALLER);
            assertThat(adapter.tradeStore.findByToken(token, 10_000)).hasSize(callers * CALLS_PER_CALLER);
        } finally {
            threads.shutdownNow();
            watch.stop();
        }
        assertThat(watch.maxTotal.get()).isPositive().isLessThanOrEqualTo(POOL_SIZE);
        assertThat(watch.maxActive.get()).isLessThanOrEqualTo(POOL_SIZE);
        assertThat(adapter.serverSessions()).isLessThanOrEqualTo(POOL_SIZE);
    }

    /** Samples the pool's counters every millisecond while the load runs. */
    private static final class PoolWatch {
        final AtomicInteger maxTotal = new AtomicInteger();
        final AtomicInteger maxActive = new AtomicInteger();
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        static PoolWatch start(HikariPoolMXBean pool) {
            PoolWatch watch = new PoolWatch();
            watch.sampler.scheduleAtFixedRate(() -> {
                watch.maxTotal.accumulateAndGet(pool.getTotalConnections(), Math::max);
                watch.maxActive.accumulateAndGet(pool.getActiveConnections(), Math::max);
            }, 0, 1, TimeUnit.MILLISECONDS);
            return watch;
        }

        void stop() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
