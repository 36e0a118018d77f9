package io.soltrade.data.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.reliability.support.FaultServers;
import io.soltrade.data.reliability.support.Ledger;
import io.soltrade.data.reliability.support.Rows;
import io.soltrade.data.reliability.support.RunningAdapter;
import io.soltrade.data.reliability.support.Soak;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * QuestDB killed with SIGKILL while writers stream trades (single saves, batches, async saves) and metrics into
 * it, then restarted on the same data directory. Callers whose rows were in flight wait in the batch writer's
 * retries and are acknowledged once the server is back, or are told (TransientDbException) when the retry
 * deadline passes. Afterwards every acknowledged row is stored exactly once (DEDUP keys make the resend of a
 * request that had been committed harmless) and nothing is stored that was not written. Shown to fail without
 * the protection by dropping the DEDUP clause from the adapter's schema (see the it-tests README).
 */
class QuestDbKillDuringIngestIT {
    private static final int WRITERS = 4;
    private static final int ROWS_BEFORE_KILL = Soak.pick(3_000, 30_000);
    private static final int ROWS_AFTER_RESTART = Soak.pick(3_000, 30_000);

    private static QuestDbServer server;
    private static RunningAdapter adapter;

    @BeforeAll
    static void start() {
        server = FaultServers.questDb();
        QuestDbSettings settings = QuestDbSettings.of(server.ilpConfig() + "request_timeout=5000;", server.pgUrl(), server.pgUser(), server.pgPassword())
                .withBatching(Duration.ofMillis(20), 500)
                .withDeadlines(Duration.ofMinutes(3), Duration.ofSeconds(30));
        adapter = RunningAdapter.start(new QuestDbModule(settings));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void everyAcknowledgedRowSurvivesAKillOnceAndEveryOtherWasReported() throws Exception {
        TradeStore trades = adapter.port(TradeStore.class);
        MetricsStore metrics = adapter.port(MetricsStore.class);
        Instant windowStart = ContractFixtures.windowStart().truncatedTo(ChronoUnit.MILLIS);
        AtomicLong instants = new AtomicLong();
        String metricName = "kill_metric_" + ContractFixtures.word(10);
        Ledger<TradeId, Trade> tradeLedger = new Ledger<>();
        Ledger<Instant, MetricPoint> metricLedger = new Ledger<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        Function<Long, Instant> at = n -> windowStart.plus(n, ChronoUnit.MICROS);

        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (long op = 0; writing.get(); op++) {
                    try {
                        switch ((int) ((op + writer) % 4)) {
                            case 0 -> {
                                Trade trade = ContractFixtures.paperTrade(ContractFixtures.pubkey(), at.apply(instants.incrementAndGet()));
                                try {
                                    trades.save(trade);
                                    tradeLedger.acknowledged(trade.id(), trade);
                                } catch (TransientDbException e) {
                                    tradeLedger.failed(trade.id(), trade, e);
                                }
                            }
                            case 1 -> {
                                List<Trade> batch = new ArrayList<>();
                                for (int i = 0; i < 25; i++) {
                                    batch.add(ContractFixtures.liveTrade(ContractFixtures.pubkey(), at.apply(instants.incrementAndGet())));
                                }
                                try {
                                    trades.batchSave(batch);
                                    batch.forEach(trade -> tradeLedger.acknowledged(trade.id(), trade));
                                } catch (TransientDbException e) {
                                    batch.forEach(trade -> tradeLedger.failed(trade.id(), trade, e));
                                }
                            }
                            case 2 -> {
                                Trade trade = ContractFixtures.paperTrade(ContractFixtures.pubkey(), at.apply(instants.incrementAndGet()));
                                trades.saveAsync(trade).handle((ok, failure) -> {
                                    if (failure == null) {
                                        tradeLedger.acknowledged(trade.id(), trade);
                                    } else if (failure instanceof TransientDbException) {
                                        tradeLedger.failed(trade.id(), trade, failure);
                                    } else {
                                        unexpected.add(failure);
                                    }
                                    return null;
                                }).join();
                            }
                            default -> {
                                MetricPoint point = ContractFixtures.metricPoint(metricName, Map.of("writer", Integer.toString(writer)), at.apply(instants.incrementAndGet()));
                                try {
                                    metrics.record(point);
                                    metricLedger.acknowledged(point.at(), point);
                                } catch (TransientDbException e) {
                                    metricLedger.failed(point.at(), point, e);
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
            }, "writer-" + w);
            thread.setDaemon(true);
            thread.start();
            writers.add(thread);
        }

        await("rows acknowledged before the kill").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> tradeLedger.acknowledgedCount() + metricLedger.acknowledgedCount() >= ROWS_BEFORE_KILL);
        long acknowledgedAtKill = tradeLedger.acknowledgedCount() + metricLedger.acknowledgedCount();
        server.kill();
        server.restart();
        await("rows acknowledged after the restart").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> tradeLedger.acknowledgedCount() + metricLedger.acknowledgedCount() >= acknowledgedAtKill + ROWS_AFTER_RESTART);
        writing.set(false);
        for (Thread writer : writers) {
            writer.join(Duration.ofMinutes(4).toMillis());
            assertThat(writer.isAlive()).as("%s finished: no caller hangs", writer.getName()).isFalse();
        }

        assertThat(unexpected).as("failures other than TransientDbException").isEmpty();
        TimeRange window = TimeRange.of(windowStart, at.apply(instants.get() + 1));
        List<Trade> storedTrades = new ArrayList<>();
        List<MetricPoint> storedMetrics = new ArrayList<>();
        for (Instant from = window.from(); from.isBefore(window.to()); from = from.plus(5_000, ChronoUnit.MICROS)) {
            Instant to = from.plus(5_000, ChronoUnit.MICROS);
            TimeRange page = TimeRange.of(from, to.isAfter(window.to()) ? window.to() : to);
            storedTrades.addAll(await("trades readable").atMost(Duration.ofMinutes(1)).ignoreException(DbException.class)
                    .until(() -> trades.findBetween(page, 10_000), rows -> true));
            storedMetrics.addAll(metrics.find(metricName, Map.of(), page, 10_000));
        }
        Rows.assertHoldsExactly("trades after kill -9", storedTrades, tradeLedger.acknowledged(), tradeLedger.unacknowledged(), Trade::id);
        Rows.assertHoldsExactly("metrics after kill -9", storedMetrics, metricLedger.acknowledged(), metricLedger.unacknowledged(), MetricPoint::at);
    }
}
