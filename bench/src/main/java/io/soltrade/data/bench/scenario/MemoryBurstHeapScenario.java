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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether a burst of writes keeps the heap flat: the heap a QuestDB trade store holds at the end of a burst of
 * {@code saveAsync} calls 10x its writer's buffer (and 20x), against a full buffer: {@code capacity - 1} calls, the
 * most the store holds without sending (the bound it is configured to keep). The buffer holds {@code capacity} rows
 * and refuses at once when full (enqueue timeout 0, flush timer off, a request sent once the buffer holds a full
 * batch); the caller drops refused calls' futures, as a caller meeting backpressure would. Ratio heap(full buffer) /
 * heap(10x burst): 1.00 when a burst ten times the buffer holds no more than the buffer; the 20x row shows whether the
 * figure still grows with the burst.
 *
 * <p><b>Measured at the burst's last call.</b> From then on the store accepts nothing new, so what it holds can only
 * shrink (acknowledged trades move from the buffer to the remembered set, applied ones are forgotten): the end of the
 * burst is the high-water mark a host's heap must have room for, which is what "the heap stays flat" promises a user.
 * A burst past the buffer goes on until a call is refused, so it ends with its buffer full, as the reference does:
 * where it stopped in the buffer's cycle (anywhere from empty, just after an acknowledgement, to full) otherwise moved
 * the figure of the same burst by up to 2 MB.
 * Once the writer has drained and QuestDB has applied, every burst size holds no more than before it (nothing leaks:
 * within 0.17 MB in 95 of 105 rounds of 2026-12-04, the rest moving both ways, gauge noise), but that says nothing
 * about the peak, and a ratio of two figures near zero is noise: not the row. The end is read with one full collection
 * ({@link HeapGauge#usedHeapAtOneCollection}): with the repeated collections of {@link HeapGauge#usedHeapAfterGc}
 * (30 to 300 ms) the store went on acknowledging and forgetting in between, and on a quiet machine a 20x burst read as
 * holding almost nothing (a median of 36 KB).
 *
 * <p><b>Why the reference is one call short of the buffer.</b> A burst of exactly the buffer sends its request at its
 * last call, and whether QuestDB acknowledged it before the gauge read decided the figure: 2.0 MB in some runs and
 * 5.4 MB in others for the same 5,000 trades (read with repeated collections). One short, nothing is sent and the
 * figure is steady (2.0 to 2.3 MB).
 *
 * <p><b>What a burst holds</b>, all of it on the host's heap, and all of it within the buffer's capacity (issue 14,
 * 2026-12-04: before, only the first of these was): the trades in the writer's buffer, outstanding until QuestDB
 * acknowledges their request; the trades acknowledged during the burst that QuestDB has not applied yet, remembered by
 * the store so that a resend is not written twice (the adapter's {@code TradeIntake.RecentWrites}, forgotten within
 * about 50 ms of being applied), which keep their room in the buffer until forgotten; and saves queued for the intake
 * thread (ids its filter may hold), which reserve their room when queued. Beyond the capacity: the id of every
 * accepted call in the store's filter of known ids (preallocated for a million ids, about 3.3 bytes an id beyond since
 * its stages tighten, 1.2 before; a refused call adds none since the save finds its room first, 2026-12-04). Not counted: the caller's futures of saves
 * already acknowledged, which the bench drops before it reads ({@link PendingSaves}).
 *
 * <p>Method: one store per size, with identical settings; rounds take the sizes in turn (full buffer, 10x, 20x, so
 * each meets the same machine load), a warm-up round each (JIT, and the store's start-up scan of stored ids, so every
 * measured burst takes the same direct path), then nine measured rounds each; each row is the median of its rounds. A
 * round starts with nothing remembered: after its burst the bench sends what was accepted, waits until QuestDB has
 * applied it, then long enough for the store to forget it.
 */
final class MemoryBurstHeapScenario implements Scenario {
    static final String NAME = "memory.burst-heap";
    /** How long the store takes at most to forget applied writes: its intake checks every 50 ms while idle. */
    private static final Duration FORGET_APPLIED = Duration.ofMillis(250);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "heap held at the end of a burst of saveAsync calls 10x (and 20x) the writer's buffer vs a full buffer "
                + "(one call short of a request); identical stores, buffer bounded, backpressure at once";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        int capacity = context.sizing().size(5_000, 200);
        BenchTrades source = context.trades();
        Side fullBuffer = burst(questDb, capacity, capacity - 1, source);
        Side tenTimes = burst(questDb, capacity, capacity * 10, source);
        Side twentyTimes = burst(questDb, capacity, capacity * 20, source);
        List<Comparison> comparisons = context.rounds().runAgainst(fullBuffer, List.of(tenTimes, twentyTimes), 1, context.sizing().rounds(9, 1));
        String why = "at the burst's end the store holds at most its buffer's " + capacity + " trades (waiting to be sent, "
                + "queued for the intake, or acknowledged and remembered until QuestDB applies them, so that a resend is not "
                + "written twice); a trade remembered or queued costs more heap than one waiting in the buffer";
        return new ScenarioOutcome(List.of(
                comparisons.get(0).sample(NAME, "heap at end of 10x burst (raw = full buffer)", "bytes", MetricKind.MEMORY, Goal.ratio(), why),
                comparisons.get(1).sample(NAME, "heap at end of 20x burst (raw = full buffer)", "bytes", MetricKind.MEMORY, Goal.ratio(), why)),
                List.of());
    }

    /** Bursts of {@code calls} calls on a store of their own, created with the others' settings. */
    private static Side burst(QuestDbBench questDb, int capacity, int calls, BenchTrades source) {
        TradeStore store = questDb.tradeStore(settings -> settings.withBatching(Duration.ofHours(1), capacity).withBuffer(capacity, Duration.ZERO));
        return recorder -> heldAtEnd(questDb, store, source, capacity, calls, recorder);
    }

    /**
     * Samples the heap still reachable right after {@code calls} saveAsync calls, then sends what the store accepted and
     * waits until it is applied and forgotten, so the next round starts from the same state.
     */
    private static void heldAtEnd(QuestDbBench questDb, TradeStore store, BenchTrades source, int capacity, int calls,
                                  RoundRecorder recorder) throws Exception {
        PendingSaves accepted = new PendingSaves();
        long before = HeapGauge.usedHeapAfterGc();
        for (int i = 0; i < calls; i++) {
            CompletableFuture<Void> save = store.saveAsync(source.next());
            if (!save.isCompletedExceptionally()) {
                accepted.add(save);
            }
        }
        if (calls >= capacity) {
            endWithBufferFull(store, source, accepted);
        }
        accepted.forgetCompleted();
        long atEnd = HeapGauge.usedHeapAtOneCollection(); // this instant: repeated collections would let the store move on
        recorder.sample(Math.max(1, atEnd - before));
        awaitAcknowledged(store, source, accepted);
        questDb.awaitTradesApplied(Duration.ofSeconds(60));
        LockSupport.parkNanos(FORGET_APPLIED.toNanos());
    }

    /** Goes on calling until a call is refused, so the burst ends with its buffer full (see the class comment). */
    private static void endWithBufferFull(TradeStore store, BenchTrades source, PendingSaves accepted) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            CompletableFuture<Void> save = store.saveAsync(source.next());
            if (save.isCompletedExceptionally()) {
                return;
            }
            accepted.add(save);
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("the store accepted every call for 10 s: its buffer never filled");
            }
        }
    }

    /**
     * Waits until every accepted save is acknowledged. The flush timer is off, so a synchronous save sends what the writer
     * holds; repeated, since a save the intake thread was still handing over can arrive after it.
     */
    private static void awaitAcknowledged(TradeStore store, BenchTrades source, PendingSaves accepted) {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (accepted.anyPending()) {
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("saves accepted in a burst were not acknowledged within 60 s");
            }
            drain(store, source);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        accepted.throwUnexpected();
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
