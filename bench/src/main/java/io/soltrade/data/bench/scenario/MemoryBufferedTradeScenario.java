package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.HeapGauge;
import io.soltrade.data.bench.measure.MetricKind;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.ports.TradeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a trade costs while it waits to be sent to QuestDB. Ours: {@code saveAsync} of fresh trades into a writer
 * told not to send yet (flush interval of an hour, batch larger than the round): the heap still reachable
 * afterwards, per trade (the queued trade, its submission and the caller's future). Raw: the same trades appended
 * to an ILP {@link Sender} with auto-flush off: the heap still reachable plus the bytes in the sender's native
 * buffer, per trade. Then both send what they hold.
 */
final class MemoryBufferedTradeScenario implements Scenario {
    static final String NAME = "memory.buffered-trade-heap";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "heap held per trade waiting in the QuestDB writer (saveAsync) vs heap + native buffer bytes per row held by an ILP Sender";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        QuestDbBench questDb = context.backend(QuestDbBench.class, QuestDbBench::open);
        int trades = context.sizing().size(20_000, 500);
        TradeStore holding = questDb.tradeStore(settings -> settings.withBatching(Duration.ofHours(1), trades + 1));
        BenchTrades source = context.trades();
        RawIlpTrades rows = new RawIlpTrades();
        Side ours = recorder -> {
            List<CompletableFuture<Void>> futures = new ArrayList<>(trades);
            long before = HeapGauge.usedHeapAfterGc();
            for (int i = 0; i < trades; i++) {
                futures.add(holding.saveAsync(source.next()));
            }
            long after = HeapGauge.usedHeapAfterGc();
            recorder.sample((double) Math.max(1, after - before) / trades);
            holding.save(source.next());
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
        };
        Side raw = recorder -> {
            try (Sender sender = questDb.rawSender()) {
                long before = HeapGauge.usedHeapAfterGc();
                for (int i = 0; i < trades; i++) {
                    rows.append(sender, source.next());
                }
                long after = HeapGauge.usedHeapAfterGc();
                // the sender keeps its rows in native memory: its heap delta is about nothing, and noise (garbage of
                // the harness freed in between) can make it negative (-61 bytes per row in a smoke run of 500 rows);
                // counted as no heap then, the buffer's bytes still counted
                recorder.sample((double) (Math.max(0, after - before) + sender.bufferView().size()) / trades);
                sender.flush();
            }
        };
        // five rounds: the row is the median, so one round disturbed by a collection or a stray thread does not decide it
        Comparison comparison = context.rounds().run(ours, raw, 1, context.sizing().rounds(5, 1));
        String why = "until it is sent, the writer keeps each trade as its domain object (about 280 bytes: the Trade record, "
                + "its id, amounts, Instant and BigDecimal price; keys and trader are shared) so it can encode it again for a retry "
                + "or for another endpoint after failover, plus about 230 bytes of bookkeeping that each buy a guarantee: its "
                + "submission (retry deadline, one decided outcome, joined duplicates), the caller's future, the in-flight "
                + "entry by id (first save wins, updates of an unsent trade) and the buffer's entry by content (a resubmitted copy "
                + "joins, flush timer, group commit). The Sender holds only the encoded row, about 570 bytes, and keeps none of "
                + "these promises; see docs/bench.md, buffered trade heap";
        return new ScenarioOutcome(List.of(
                comparison.sample(NAME, "heap per buffered trade", "bytes/trade", MetricKind.MEMORY, Goal.ratio(), why)), List.of());
    }
}
