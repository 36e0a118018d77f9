package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QuestDB frozen (SIGSTOP of a private server, never the shared one) under readers and writers, with the adapter's
 * own settings and no timeout in the PG wire URL: reads in flight when it froze end with a transient error within
 * the read timeout (the pool's socket timeout) instead of hanging, writes end within the writer's retry deadline,
 * and after SIGCONT the same adapter serves again with every acknowledged trade stored once.
 */
class QuestDbFrozenIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration RETRY_DEADLINE = Duration.ofSeconds(3);
    /** HikariCP's wait for a connection (5 s) plus its validation (2 s) and a loaded machine's slack. */
    private static final Duration MARGIN = Duration.ofSeconds(20);

    private static QuestDbServer server;
    private static Injector injector;

    @BeforeAll
    static void start() {
        server = QuestDbServer.launch();
        QuestDbSettings settings = QuestDbSettings.of(server.ilpConfig() + "request_timeout=1000;", server.pgUrl(), server.pgUser(), server.pgPassword())
                .withDeadlines(RETRY_DEADLINE, Duration.ofSeconds(5)).withReadTimeout(READ_TIMEOUT);
        assertThat(settings.pgUrl()).doesNotContain("socketTimeout");
        injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
        }, new QuestDbModule(settings));
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
    void readsAndWritesInFlightWhenQuestDbFreezesEndWithinTheirTimeoutsAndServiceResumes() throws Exception {
        TradeStore trades = injector.getInstance(TradeStore.class);
        Pubkey token = TestRows.pubkey();
        Instant start = TestRows.now();
        Trade before = TestRows.paperTrade(token, start);
        trades.save(before);

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Trade> acknowledged = new ConcurrentLinkedQueue<>();
        acknowledged.add(before);
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<Future<?>> loops = new ArrayList<>();
        try {
            for (int reader = 0; reader < 4; reader++) {
                // back-to-back reads: the pool hands a just-used connection out without validating it, so reads are in
                // flight on open connections at the moment the server stops
                loops.add(callers.submit(() -> callUntil(stop, unexpected, () -> {
                    trades.findById(before.id());
                    trades.findBetween(new TimeRange(start, start.plusSeconds(1)), 10);
                })));
            }
            for (int writer = 0; writer < 2; writer++) {
                loops.add(callers.submit(() -> callUntil(stop, unexpected, () -> {
                    Trade trade = TestRows.paperTrade(token, TestRows.now());
                    trades.save(trade);
                    acknowledged.add(trade);
                })));
            }
            await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            server.freeze();
            try {
                await().pollDelay(Duration.ofMillis(300)).until(() -> true);
                stop.set(true);
                Duration bound = RETRY_DEADLINE.plus(READ_TIMEOUT).plus(MARGIN);
                for (Future<?> loop : loops) {
                    loop.get(bound.toMillis(), TimeUnit.MILLISECONDS); // a hung call is a TimeoutException here
                }
            } finally {
                server.thaw();
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(unexpected).as("calls on the frozen server end with TransientDbException or succeed").isEmpty();

        Trade after = TestRows.paperTrade(token, TestRows.now());
        await("service after SIGCONT").atMost(Duration.ofSeconds(60)).ignoreException(TransientDbException.class).until(() -> {
            trades.save(after);
            return trades.findById(after.id()).isPresent();
        });
        acknowledged.add(after);
        List<Trade> stored = trades.findByToken(token, 10_000);
        assertThat(stored).as("every acknowledged trade, once").containsAll(acknowledged);
        assertThat(stored.stream().map(Trade::id).distinct().count()).isEqualTo(stored.size());
        assertThat(trades.findById(before.id())).isEqualTo(Optional.of(before));
    }

    private static void callUntil(AtomicBoolean stop, ConcurrentLinkedQueue<Throwable> unexpected, Runnable call) {
        while (!stop.get()) {
            try {
                call.run();
            } catch (TransientDbException expected) {
                // what a frozen server should produce
            } catch (RuntimeException e) {
                unexpected.add(e);
            }
        }
    }
}
