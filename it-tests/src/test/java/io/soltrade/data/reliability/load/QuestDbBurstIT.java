package io.soltrade.data.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.reliability.support.FaultServers;
import io.soltrade.data.reliability.support.FrozenProcess;
import io.soltrade.data.reliability.support.Ledger;
import io.soltrade.data.reliability.support.Rows;
import io.soltrade.data.reliability.support.RunningAdapter;
import io.soltrade.data.reliability.support.Soak;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of ten times the QuestDB writer's buffer, sent while QuestDB is frozen (SIGSTOP): the writer holds at
 * most its capacity, every other caller is told at once ({@link TransientDbException} of kind BACKPRESSURE, never a
 * hang, never an OutOfMemoryError), the heap stays within the buffer's worth of rows, and after SIGCONT every
 * accepted row is stored exactly once and no refused row is. Runs on the fault tests' own QuestDB server.
 */
class QuestDbBurstIT {
    private static final int CAPACITY = 10_000;
    private static final int BURST = 10 * CAPACITY * Soak.pick(1, 5);
    private static final int THREADS = 8;
    /** Heap a held row may take (trade, submission, future), generously, plus what the JVM's own churn adds. */
    private static final long BYTES_PER_HELD_ROW = 2_048;
    private static final long HEAP_SLACK = 48L << 20;

    private static QuestDbServer server;
    private static RunningAdapter adapter;

    @BeforeAll
    static void start() {
        server = FaultServers.questDb();
        QuestDbSettings defaults = QuestDbSettings.of(server.ilpConfig() + "request_timeout=5000;", server.pgUrl(), server.pgUser(), server.pgPassword());
        adapter = RunningAdapter.start(new QuestDbModule(defaults.withBatching(Duration.ofMillis(50), 1_000)
                .withBuffer(CAPACITY, Duration.ZERO)
                .withDeadlines(Duration.ofMinutes(5), Duration.ofSeconds(30))));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void aBurstAgainstAFrozenServerIsRefusedNotHeldAndTheHeldRowsLandOnceAfterwards() throws Exception {
        TradeStore trades = adapter.port(TradeStore.class);
        Instant windowStart = ContractFixtures.windowStart().truncatedTo(ChronoUnit.MILLIS);
        AtomicLong instants = new AtomicLong();
        Ledger<TradeId, Trade> ledger = new Ledger<>();

        // 1x: a buffer's worth written while the server answers, so the heap is measured with everything warm.
        List<CompletableFuture<Void>> warmUp = new ArrayList<>();
        for (int i = 0; i < CAPACITY; i++) {
            Trade trade = ContractFixtures.paperTrade(ContractFixtures.pubkey(), windowStart.plus(instants.incrementAndGet(), ChronoUnit.MICROS));
            warmUp.add(trades.saveAsync(trade).thenRun(() -> ledger.acknowledged(trade.id(), trade)));
        }
        CompletableFuture.allOf(warmUp.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        warmUp.clear();
        long heapBefore = usedHeapAfterGc();

        Map<TradeId, Trade> held = new ConcurrentHashMap<>();
        Map<TradeId, CompletableFuture<Void>> heldFutures = new ConcurrentHashMap<>();
        AtomicLong refused = new AtomicLong();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        long heapDuring;
        try (FrozenProcess frozen = FrozenProcess.freeze(FrozenProcess.questDb(server.root()))) {
            ExecutorService callers = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    work.add(callers.submit(() -> {
                        for (int i = 0; i < BURST / THREADS; i++) {
                            Trade trade = ContractFixtures.paperTrade(ContractFixtures.pubkey(), windowStart.plus(instants.incrementAndGet(), ChronoUnit.MICROS));
                            CompletableFuture<Void> future;
                            try {
                                future = trades.saveAsync(trade);
                            } catch (TransientDbException e) {
                                future = CompletableFuture.failedFuture(e);
                            }
                            if (future.isCompletedExceptionally()) {
                                Throwable failure = future.handle((ok, thrown) -> thrown).join();
                                if (failure instanceof TransientDbException backpressure && backpressure.kind() == DbErrorKind.BACKPRESSURE) {
                                    refused.incrementAndGet();
                                } else {
                                    unexpected.add(failure);
                                }
                            } else {
                                held.put(trade.id(), trade);
                                heldFutures.put(trade.id(), future);
                            }
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get(5, TimeUnit.MINUTES);
                }
            } finally {
                callers.shutdownNow();
            }
            heapDuring = usedHeapAfterGc();
            assertThat(unexpected).as("failures other than BACKPRESSURE during the burst").isEmpty();
            assertThat(held.size()).as("rows the writer took while QuestDB was frozen").isLessThanOrEqualTo(CAPACITY);
            assertThat(refused.get()).as("rows refused with BACKPRESSURE").isEqualTo(BURST - held.size());
            assertThat(heldFutures.values()).as("no held row is acknowledged by a frozen server").noneMatch(CompletableFuture::isDone);
        }

        System.out.printf("QuestDbBurstIT: burst %d rows against a frozen QuestDB: %d held (capacity %d), %d refused with BACKPRESSURE;"
                + " heap after GC %d MB before, %d MB while holding them%n", BURST, held.size(), CAPACITY, refused.get(), heapBefore >> 20, heapDuring >> 20);
        assertThat(heapDuring - heapBefore).as("heap growth holding %d rows (before %d MB, during %d MB)", held.size(), heapBefore >> 20, heapDuring >> 20)
                .isLessThan(HEAP_SLACK + CAPACITY * BYTES_PER_HELD_ROW);

        // SIGCONT: the held rows go through, once each; the refused ones were never sent.
        await("held rows acknowledged after SIGCONT").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> heldFutures.values().stream().allMatch(CompletableFuture::isDone));
        heldFutures.forEach((id, future) -> {
            try {
                future.get();
                ledger.acknowledged(id, held.get(id));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError("a held row failed after the server came back: " + id, e.getCause());
            }
        });
        TimeRange window = TimeRange.of(windowStart, windowStart.plus(instants.get() + 1, ChronoUnit.MICROS));
        List<Trade> stored = new ArrayList<>();
        for (Instant from = window.from(); from.isBefore(window.to()); from = from.plus(5_000, ChronoUnit.MICROS)) {
            Instant to = from.plus(5_000, ChronoUnit.MICROS);
            stored.addAll(trades.findBetween(TimeRange.of(from, to.isAfter(window.to()) ? window.to() : to), 10_000));
        }
        Rows.assertHoldsExactly("QuestDB trades after the burst", stored, ledger.acknowledged(), Trade::id);
        assertThat(ledger.acknowledgedCount()).isEqualTo(CAPACITY + held.size());
    }

    /** Used heap after a full collection, the best steady-state figure the JVM offers. */
    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
