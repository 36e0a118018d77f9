package io.soltrade.data.bench.scenario;

import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The trades a run writes: paper trades of the trader {@code bench-<run id>} over a few random tokens, each with a
 * fresh id, so a run never collides with real data or with another run, and DEDUP or ON CONFLICT never turns a
 * write into a no-op. Thread-safe.
 */
final class BenchTrades {
    private static final int TOKENS = 8;

    private final String runId;
    private final TraderId trader;
    private final Pubkey quoteToken;
    private final List<Pubkey> tokens = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    BenchTrades(String runId) {
        this.runId = runId;
        this.trader = TraderId.of("bench-" + runId);
        SplittableRandom random = new SplittableRandom(runId.hashCode());
        this.quoteToken = randomKey(random);
        for (int i = 0; i < TOKENS; i++) {
            tokens.add(randomKey(random));
        }
    }

    TraderId trader() {
        return trader;
    }

    Trade next() {
        long n = sequence.incrementAndGet();
        Pubkey token = tokens.get((int) (n % TOKENS));
        boolean buy = (n & 1) == 0;
        return new Trade(new PaperTradeId("b" + runId + "-" + n), Instant.now().truncatedTo(ChronoUnit.MICROS), trader,
                TradingMode.PAPER, buy ? TradeSide.BUY : TradeSide.SELL, buy ? quoteToken : token, buy ? token : quoteToken,
                TokenAmount.of(1_000_000 + n), TokenAmount.of(2_000_000 + n), TokenAmount.of(5_000),
                BigDecimal.valueOf(150_000_000 + n % 1_000, 6), 300_000_000L + n, MevStatus.NONE);
    }

    List<Trade> batch(int size) {
        List<Trade> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(next());
        }
        return batch;
    }

    private static Pubkey randomKey(SplittableRandom random) {
        byte[] bytes = new byte[Pubkey.BYTES];
        random.nextBytes(bytes);
        return Pubkey.ofBytes(bytes);
    }
}
