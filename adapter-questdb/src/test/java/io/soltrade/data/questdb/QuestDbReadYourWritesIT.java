package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes under many callers, on a server of its own (so the lookups scan only this test's rows, whatever
 * other test classes stored), through an adapter with the default pool of 4 PG wire connections and a visibility timeout long enough for a loaded machine's WAL apply: whatever the lag, a reader
 * waiting for its write to become visible holds no connection, so 200 of them never exhaust the pool. (Readers used
 * to hold a connection each while they waited, and about 30% of them failed with POOL_EXHAUSTED.)
 */
class QuestDbReadYourWritesIT {
    private static QuestDbServer server;
    private static Injector injector;

    @BeforeAll
    static void start() {
        server = QuestDbServer.launch();
        QuestDbSettings defaults = QuestDbSettings.of(server.ilpConfig(), server.pgUrl(), server.pgUser(), server.pgPassword());
        QuestDbSettings patient = new QuestDbSettings(defaults.ilpConfig(), defaults.pgUrl(), defaults.pgUser(), defaults.pgPassword(),
                defaults.flushInterval(), defaults.batchRows(), defaults.bufferCapacityRows(), defaults.enqueueTimeout(), defaults.retryDeadline(),
                defaults.closeDeadline(), Duration.ofSeconds(60), defaults.readTimeout(), defaults.poolSize(), true);
        assertThat(patient.poolSize()).isEqualTo(4);
        injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
        }, new QuestDbModule(patient));
    }

    @AfterAll
    static void stop() {
        try {
            for (ManagedResource resource : injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {}))) {
                resource.close();
            }
        } finally {
            server.close();
        }
    }

    @Test
    void twoHundredReadersOfTheirOwnFreshWritesAllSucceedOnFourConnectionsWhileTheWalLags() throws Exception {
        TradeStore trades = injector.getInstance(TradeStore.class);
        Pubkey token = TestRows.pubkey();
        Instant start = TestRows.now();
        ExecutorService callers = Executors.newFixedThreadPool(201);
        AtomicBoolean loading = new AtomicBoolean(true);
        try {
            // bulk batches keep the table's WAL apply behind the acknowledged writes while the readers run
            Pubkey bulkToken = TestRows.pubkey();
            callers.submit(() -> {
                Instant bulkStart = TestRows.now().minusSeconds(3_600);
                for (int round = 0; loading.get() && round < 20; round++) {
                    List<Trade> bulk = new ArrayList<>();
                    for (int i = 0; i < 5_000; i++) {
                        bulk.add(TestRows.paperTrade(bulkToken, bulkStart.plusNanos((round * 5_000L + i) * 1_000L)));
                    }
                    trades.batchSave(bulk);
                }
                return null;
            });
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Trade trade = TestRows.paperTrade(token, start.plusNanos(i * 1_000L));
                results.add(callers.submit(() -> {
                    go.await();
                    trades.save(trade);
                    return trades.findById(trade.id()).equals(Optional.of(trade));
                }));
            }
            go.countDown();
            List<Throwable> failures = new ArrayList<>();
            int found = 0;
            for (Future<Boolean> result : results) {
                try {
                    found += result.get(3, TimeUnit.MINUTES) ? 1 : 0;
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            assertThat(failures).as("reads that failed").isEmpty();
            assertThat(found).as("callers that read back their own trade").isEqualTo(200);
        } finally {
            loading.set(false);
            callers.shutdown();
            assertThat(callers.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        }
    }
}
