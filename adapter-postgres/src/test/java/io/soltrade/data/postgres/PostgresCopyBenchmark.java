package io.soltrade.data.postgres;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.postgres.testing.TestingPostgres;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.postgresql.PGConnection;

/**
 * {@link PostgresTradeStore#batchSave} against a raw pgjdbc {@code CopyManager} COPY of the same rows, in the same
 * run: two fresh schemas migrated alike, every round writes one fresh batch through both (the order alternating
 * each round, so drift in a shared machine's load hits both), after warm-up rounds. The raw side is what a
 * hand-written client would do: one StringBuilder of COPY text, one {@code copyIn} straight into {@code trades},
 * no staging and no idempotency. Reports rows/s of each (median over rounds) and their ratio.
 *
 * <p>Not a test: run with {@code adapter-postgres/copy-benchmark.sh [batchSize] [rounds] [warmupRounds]}.
 */
public final class PostgresCopyBenchmark {
    private static final String RAW_COPY = """
            COPY trades (trade_id, executed_at, trader_id, mode, side, token_in, token_out, amount_in, amount_out, fee, price, slot, mev_status)
            FROM STDIN""";

    private PostgresCopyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (TestingPostgres postgres = TestingPostgres.start();
                PostgresConnectionPool adapterPool = new PostgresConnectionPool(postgres.settings(2));
                PostgresConnectionPool rawPool = new PostgresConnectionPool(postgres.settings(2))) {
            new PostgresMigrations(adapterPool).migrate();
            new PostgresMigrations(rawPool).migrate();
            AsyncWrites unused = new AsyncWrites(1, 1, Duration.ofSeconds(1));
            PostgresTradeStore store = new PostgresTradeStore(new PostgresTransactions(adapterPool), unused);

            List<Double> adapterRates = new ArrayList<>();
            List<Double> rawRates = new ArrayList<>();
            List<Double> retryRates = new ArrayList<>();
            List<Double> fallbackRates = new ArrayList<>();
            for (int round = 0; round < warmup + rounds; round++) {
                List<Trade> batch = batch(batchSize, round);
                double adapter;
                double raw;
                if (round % 2 == 0) {
                    adapter = rate(batchSize, () -> store.batchSave(batch));
                    raw = rate(batchSize, () -> rawCopy(rawPool, batch));
                } else {
                    raw = rate(batchSize, () -> rawCopy(rawPool, batch));
                    adapter = rate(batchSize, () -> store.batchSave(batch));
                }
                // The same batch again: every id stored, so the staging path skips them all.
                double retry = rate(batchSize, () -> store.batchSave(batch));
                // New trades ending with one stored trade: the straight COPY fails at its last row, then staging.
                List<Trade> endsWithStored = new ArrayList<>(batch(batchSize - 1, warmup + rounds + round));
                endsWithStored.add(batch.get(0));
                double fallback = rate(batchSize, () -> store.batchSave(endsWithStored));
                boolean measured = round >= warmup;
                System.out.printf(Locale.ROOT, "%s round %2d: batchSave %,9.0f rows/s   raw COPY %,9.0f rows/s   ratio %.2f"
                                + "   (retried batch %,9.0f rows/s, last row stored %,9.0f rows/s)%n",
                        measured ? "measure" : "warm-up", round, adapter, raw, adapter / raw, retry, fallback);
                if (measured) {
                    adapterRates.add(adapter);
                    rawRates.add(raw);
                    retryRates.add(retry);
                    fallbackRates.add(fallback);
                }
            }
            unused.close();
            double adapterMedian = median(adapterRates);
            double rawMedian = median(rawRates);
            System.out.printf(Locale.ROOT, "%nbatch %,d rows, %d rounds after %d warm-up (median): batchSave %,.0f rows/s, raw COPY %,.0f rows/s, ratio %.2f%n",
                    batchSize, rounds, warmup, adapterMedian, rawMedian, adapterMedian / rawMedian);
            System.out.printf(Locale.ROOT, "retried batch (all stored) %,.0f rows/s; new batch whose last row is stored %,.0f rows/s%n",
                    median(retryRates), median(fallbackRates));
            System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f at the end%n", Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static List<Trade> batch(int size, int round) {
        Pubkey token = SampleValues.pubkey();
        return IntStream.range(0, size)
                .mapToObj(i -> i % 2 == 0
                        ? SampleValues.liveTrade(token, SampleValues.T0.plusSeconds(round).plusNanos(i * 1_000L))
                        : SampleValues.paperTrade(token, SampleValues.T0.plusSeconds(round).plusNanos(i * 1_000L)))
                .toList();
    }

    private interface Write {
        void run() throws Exception;
    }

    private static double rate(int rows, Write write) throws Exception {
        long start = System.nanoTime();
        write.run();
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    /** What a client writes by hand: COPY text in a StringBuilder, one copyIn, auto-commit. */
    private static void rawCopy(PostgresConnectionPool pool, List<Trade> trades) throws Exception {
        StringBuilder text = new StringBuilder(trades.size() * 320);
        for (Trade t : trades) {
            text.append(t.id().naturalKey()).append('\t').append(t.executedAt()).append('\t').append(t.trader().value()).append('\t')
                    .append(t.mode().name()).append('\t').append(t.side().name()).append('\t').append(t.tokenIn().base58()).append('\t')
                    .append(t.tokenOut().base58()).append('\t').append(t.amountIn()).append('\t').append(t.amountOut()).append('\t')
                    .append(t.fee()).append('\t').append(t.price().toPlainString()).append('\t').append(t.slot()).append('\t')
                    .append(t.mevStatus().name()).append('\n');
        }
        try (Connection connection = pool.connection()) {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(RAW_COPY, new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 256 * 1024);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
