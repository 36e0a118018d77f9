package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.HeapGauge;
import io.soltrade.data.bench.measure.MetricKind;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TradeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a burst of writes keeps the heap flat: the heap still reachable after {@code saveAsync} of a steady load
 * (just under the writer's buffer) against after a burst of ten times as many, on one QuestDB trade store whose
 * buffer holds {@code capacity} rows and refuses at once when full (enqueue timeout 0, flush timer off, a request sent
 * once the buffer holds a full batch). Both sides are ours: the "raw" column is the steady load, so the ratio
 * (steady / burst) is 1.00 when the burst costs no more heap than the steady load, and falls by the share of the
 * burst the data layer held beyond its buffer (the refused calls' failed futures are dropped by the caller, as a
 * caller that meets backpressure would).
 */
final class MemoryBurstHeapScenario implements Scenario {
    static final String NAME = "memory.burst-heap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "heap held after a burst of 10x the writer's buffer of saveAsync calls vs after a steady load just under it (one store, buffer bounded, backpressure at once)";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        int capacity = context.sizing().size(5_000, 200);
        TradeStore store = questDb.tradeStore(settings -> settings.withBatching(Duration.ofHours(1), capacity).withBuffer(capacity, Duration.ZERO));
        BenchTrades source = context.trades();
        Side burst = recorder -> heldAfter(store, source, capacity * 10, recorder);
        Side steady = recorder -> heldAfter(store, source, capacity - 1, recorder);
        Comparison comparison = context.rounds().run(burst, steady, 1, context.sizing().size(5, 1));
        String why = "beyond its buffer the store also remembers acknowledged trades until QuestDB has applied them (so a "
                + "resend is not written twice); under a burst that is up to 10,000 trades more than the steady load holds";
        return new ScenarioOutcome(List.of(
                comparison.sample(NAME, "heap after 10x burst (raw = steady)", "bytes", MetricKind.MEMORY, Goal.ratio(), why)), List.of());
    }

    /** Samples the heap still reachable after {@code calls} saveAsync calls, then lets the store send what it holds. */
    private static void heldAfter(TradeStore store, BenchTrades source, int calls, RoundRecorder recorder) throws Exception {
        List<CompletableFuture<Void>> accepted = new ArrayList<>();
        long before = HeapGauge.usedHeapAfterGc();
        for (int i = 0; i < calls; i++) {
            CompletableFuture<Void> save = store.saveAsync(source.next());
            if (!save.isCompletedExceptionally()) {
                accepted.add(save);
            }
        }
        long after = HeapGauge.usedHeapAfterGc();
        recorder.sample(Math.max(1, after - before));
        // a synchronous save sends everything the writer holds; repeated, since a save the intake thread was still
        // handing over can arrive after it (and the flush timer is off)
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (accepted.stream().anyMatch(save -> !save.isDone())) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("saves accepted in a burst were not acknowledged within 60 s");
            }
            drain(store, source);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        for (CompletableFuture<Void> save : accepted) {
            try {
                save.get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof DbException db) || db.kind() != DbErrorKind.BACKPRESSURE) {
                    throw e;
                }
            }
        }
    }

    /** A synchronous save sends everything held; it meets backpressure while the buffer is full, so it tries again. */
    private static void drain(TradeStore store, BenchTrades source) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                store.save(source.next());
                return;
            } catch (DbException e) {
                if (e.kind() != DbErrorKind.BACKPRESSURE || System.nanoTime() > giveUp) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }
}
