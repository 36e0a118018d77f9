package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * A side that writes fresh batches of trades: {@code batchesPerRound} batches of {@code batchSize} are made before
 * each round (outside the timing), and each batch written is one timed operation of {@code batchSize} items.
 */
final class TradeBatchSide implements Side {
    private final BenchTrades trades;
    private final int batchSize;
    private final int batchesPerRound;
    private final BatchWrite write;
    private List<List<Trade>> batches = List.of();

    TradeBatchSide(BenchTrades trades, int batchSize, int batchesPerRound, BatchWrite write) {
        this.trades = trades;
        this.batchSize = batchSize;
        this.batchesPerRound = batchesPerRound;
        this.write = write;
    }

    @Override
    public void prepare() {
        List<List<Trade>> next = new ArrayList<>(batchesPerRound);
        for (int i = 0; i < batchesPerRound; i++) {
            next.add(trades.batch(batchSize));
        }
        batches = next;
    }

    @Override
    public void round(RoundRecorder recorder) throws Exception {
        for (List<Trade> batch : batches) {
            recorder.time(batch.size(), () -> write.write(batch));
        }
    }

    /** Writes one batch durably. */
    @FunctionalInterface
    interface BatchWrite {
        void write(List<Trade> batch) throws Exception;
    }
}
