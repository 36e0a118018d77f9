package io.soltrade.data.questdb;

import io.questdb.client.Sender;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Not a test (never part of {@code verify}): the batch writer against the raw ILP {@code Sender} writing the
 * same trades, encoded the same way, to the same launched server, in the same run, modes alternating after a
 * warm-up. Prints rows/s per mode, the ratio to raw HTTP, and flush acknowledgement p50/p99 per 1,000 rows.
 *
 * <p>Its name matches neither the Surefire nor the Failsafe pattern, so only an explicit run starts it:
 * <pre>
 * ./mvnw -B -q -o -pl adapter-questdb -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=QuestDbWriterBenchmark -Dbench.rows=200000 -Dbench.saveRows=40000 -Dbench.rounds=3
 * </pre>
 */
final class QuestDbWriterBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 200_000);
    private static final int SAVE_ROWS = Integer.getInteger("bench.saveRows", 40_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int BATCH = 1_000;
    private static final int THREADS = 8;

    private record Result(double rowsPerSecond, double p50Millis, double p99Millis) {}

    /** The entry point Failsafe runs when named with {@code -Dit.test}; it measures, it asserts nothing. */
    @org.junit.jupiter.api.Test
    void measure() throws Exception {
        main(new String[0]);
    }

    /** The benchmark server's PG wire pool and reader: the trade store looks ids up through them before writing. */
    private static com.zaxxer.hikari.HikariDataSource pool;
    private static PgWireReader reader;

    public static void main(String[] args) throws Exception {
        try (QuestDbServer server = QuestDbServer.start()) {
            QuestDbSettings settings = QuestDbSettings.of(server.ilpConfig(), server.pgUrl(), server.pgUser(), server.pgPassword());
            com.zaxxer.hikari.HikariConfig poolConfig = new com.zaxxer.hikari.HikariConfig();
            poolConfig.setJdbcUrl(server.pgUrl());
            poolConfig.setUsername(server.pgUser());
            poolConfig.setPassword(server.pgPassword());
            poolConfig.setMaximumPoolSize(settings.poolSize());
            pool = new com.zaxxer.hikari.HikariDataSource(poolConfig);
            SchemaApplier.apply(pool, Duration.ofSeconds(60));
            reader = new PgWireReader(pool, settings.readVisibilityTimeout());
            Map<String, List<Double>> rates = new LinkedHashMap<>();
            Map<String, Result> last = new LinkedHashMap<>();
            for (int round = 0; round <= ROUNDS; round++) {
                boolean warmUp = round == 0;
                int rows = warmUp ? ROWS / 4 : ROWS;
                int saveRows = warmUp ? SAVE_ROWS / 4 : SAVE_ROWS;
                record(rates, last, warmUp, "raw Sender HTTP", raw(server.ilpConfig() + "auto_flush=off;", trades(rows), true));
                record(rates, last, warmUp, "writer batchSave", batchSave(settings, trades(rows)));
                record(rates, last, warmUp, "raw Sender TCP", raw(server.ilpTcpConfig() + "protocol_version=3;", trades(rows), false));
                record(rates, last, warmUp, "raw Sender x8 flush/row", rawPerRow(server.ilpConfig() + "auto_flush=off;", trades(saveRows)));
                record(rates, last, warmUp, "writer save x8 threads", concurrentSave(settings, trades(saveRows), false));
                record(rates, last, warmUp, "writer saveAsync x8", concurrentSave(settings, trades(rows), true));
            }
            double rawHttp = median(rates.get("raw Sender HTTP"));
            System.out.printf(Locale.ROOT, "%n%-24s %12s %10s %14s %14s%n", "mode", "rows/s", "vs HTTP", "ack p50 ms", "ack p99 ms");
            rates.forEach((mode, values) -> {
                double median = median(values);
                Result r = last.get(mode);
                System.out.printf(Locale.ROOT, "%-24s %12.0f %10.2f %14.2f %14.2f%n", mode, median, median / rawHttp, r.p50Millis(), r.p99Millis());
            });
            System.out.printf(Locale.ROOT, "(median of %d rounds of %,d rows; save x8: %,d rows; p50/p99 of the last round)%n", ROUNDS, ROWS, SAVE_ROWS);
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private static void record(Map<String, List<Double>> rates, Map<String, Result> last, boolean warmUp, String mode, Result result) {
        if (!warmUp) {
            rates.computeIfAbsent(mode, m -> new ArrayList<>()).add(result.rowsPerSecond());
            last.put(mode, result);
        }
    }

    private static List<Trade> trades(int count) {
        Pubkey token = TestRows.pubkey();
        Instant start = TestRows.now().minusSeconds(600);
        List<Trade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(TestRows.paperTrade(token, start.plusNanos(i * 1_000L)));
        }
        return trades;
    }

    private static Result raw(String config, List<Trade> trades, boolean acknowledged) {
        Histogram flushes = new Histogram(3);
        long started = System.nanoTime();
        try (Sender sender = Sender.fromConfig(config)) {
            SenderRowSink sink = new SenderRowSink(sender);
            long batchStarted = System.nanoTime();
            for (int i = 0; i < trades.size(); i++) {
                TradeRowEncoder.INSTANCE.encode(trades.get(i), sink);
                if ((i + 1) % BATCH == 0 || i == trades.size() - 1) {
                    sender.flush();
                    // encode + send + acknowledgement of 1,000 rows: what the writer's histogram measures too
                    flushes.recordValue((System.nanoTime() - batchStarted) / 1_000);
                    batchStarted = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(trades.size() / seconds, acknowledged ? flushes.getValueAtPercentile(50) / 1000.0 : Double.NaN,
                acknowledged ? flushes.getValueAtPercentile(99) / 1000.0 : Double.NaN);
    }

    private static Result batchSave(QuestDbSettings settings, List<Trade> trades) {
        IlpBatchWriter writer = new IlpBatchWriter(settings.writerSettings(), new HttpIlpTransport(settings.ilpClientConfiguration()));
        QuestDbTradeStore store = new QuestDbTradeStore(writer, reader, settings);
        long started = System.nanoTime();
        for (int i = 0; i < trades.size(); i += BATCH) {
            store.batchSave(trades.subList(i, Math.min(trades.size(), i + BATCH)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BatchWriterStats stats = writer.stats();
        store.intake().close();
        writer.close();
        return new Result(trades.size() / seconds, stats.flushP50Millis(), stats.flushP99Millis());
    }

    /** The raw baseline of a synchronous save: 8 threads, a sender each, every row flushed (acknowledged) alone. */
    private static Result rawPerRow(String config, List<Trade> trades) throws Exception {
        Histogram flushes = new Histogram(3);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                done.add(threads.submit(() -> {
                    try (Sender sender = Sender.fromConfig(config)) {
                        SenderRowSink sink = new SenderRowSink(sender);
                        for (int i = first; i < trades.size(); i += THREADS) {
                            TradeRowEncoder.INSTANCE.encode(trades.get(i), sink);
                            long flushStarted = System.nanoTime();
                            sender.flush();
                            synchronized (flushes) {
                                flushes.recordValue((System.nanoTime() - flushStarted) / 1_000);
                            }
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(trades.size() / seconds, flushes.getValueAtPercentile(50) / 1000.0, flushes.getValueAtPercentile(99) / 1000.0);
    }

    private static Result concurrentSave(QuestDbSettings settings, List<Trade> trades, boolean async) throws Exception {
        IlpBatchWriter writer = new IlpBatchWriter(settings.writerSettings(), new HttpIlpTransport(settings.ilpClientConfiguration()));
        QuestDbTradeStore store = new QuestDbTradeStore(writer, reader, settings);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = t;
                done.add(threads.submit(() -> {
                    List<java.util.concurrent.CompletableFuture<Void>> pending = new ArrayList<>();
                    for (int i = first; i < trades.size(); i += THREADS) {
                        if (async) {
                            pending.add(store.saveAsync(trades.get(i)));
                        } else {
                            store.save(trades.get(i));
                        }
                    }
                    pending.forEach(java.util.concurrent.CompletableFuture::join);
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        BatchWriterStats stats = writer.stats();
        store.intake().close();
        writer.close();
        return new Result(trades.size() / seconds, stats.flushP50Millis(), stats.flushP99Millis());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
