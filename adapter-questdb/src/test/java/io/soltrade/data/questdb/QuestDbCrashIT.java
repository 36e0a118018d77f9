package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * QuestDB killed with -9 in the middle of an ingest and restarted on the same root: every row the writer
 * acknowledged is there exactly once, rows it could not get acknowledged were reported to their callers (who
 * resend them, as a caller of a port does), and in the end the table holds exactly the rows sent, with
 * exactly the amounts sent. Rows: {@code -Dquestdb.crash.rows} (default 300,000; the figure is
 * 1,000,000).
 */
class QuestDbCrashIT {
    private static final int ROWS = Integer.getInteger("questdb.crash.rows", 300_000);
    private static final int BATCH = 1_000;
    private static final int PRODUCERS = 2;
    private static final BigInteger BASE_AMOUNT = BigInteger.TEN.pow(18);

    @Test
    void killDashNineDuringIngestLosesNothingAcknowledgedAndDoublesNothing() throws Exception {
        QuestDbServer server = QuestDbFixture.server();
        Assumptions.assumeFalse(server.isExternal(), "kill -9 needs a launched server");
        String run = UUID.randomUUID().toString().substring(0, 8);
        TraderId trader = TraderId.of("crash-" + run);
        Pubkey token = TestRows.pubkey();
        Instant base = TestRows.now().minusSeconds(3_600);
        IlpBatchWriter writer = new IlpBatchWriter(
                new BatchWriterSettings(Duration.ofMillis(100), BATCH, 20 * BATCH, Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(30)),
                new HttpIlpTransport(QuestDbFixture.settings().ilpClientConfiguration()));
        QuestDbTradeStore store = new QuestDbTradeStore(writer, QuestDbFixture.instance(PgWireReader.class),
                QuestDbFixture.settings().withBuffer(20 * BATCH, Duration.ofSeconds(5)).withDeadlines(Duration.ofSeconds(30), Duration.ofSeconds(30)));
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong reportedFailures = new AtomicLong();
        // The producer whose batch takes the acknowledged count past a third opens this and the killer kills at once
        // (a 100 ms poll left the kill's point to chance); the count at the kill shows the ingest was under way.
        CountDownLatch thirdAcknowledged = new CountDownLatch(1);
        AtomicLong acknowledgedAtKill = new AtomicLong(-1);
        int batches = ROWS / BATCH;
        ExecutorService threads = Executors.newFixedThreadPool(PRODUCERS + 1);
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                producers.add(threads.submit(() -> {
                    for (int b = producer; b < batches; b += PRODUCERS) {
                        List<Trade> batch = batch(run, trader, token, base, b);
                        long giveUpAt = System.nanoTime() + Duration.ofMinutes(5).toNanos();
                        while (true) {
                            try {
                                store.batchSave(batch);
                                if (acknowledged.addAndGet(batch.size()) >= ROWS / 3) {
                                    thirdAcknowledged.countDown();
                                }
                                break;
                            } catch (TransientDbException e) {
                                reportedFailures.incrementAndGet(); // not acknowledged: resend, as any caller may
                                if (System.nanoTime() - giveUpAt > 0) {
                                    throw e;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            Future<?> killer = threads.submit(() -> {
                assertThat(thirdAcknowledged.await(5, TimeUnit.MINUTES)).as("a third acknowledged").isTrue();
                acknowledgedAtKill.set(acknowledged.get());
                server.kill();
                server.restart();
                return null;
            });
            killer.get();
            for (Future<?> producer : producers) {
                producer.get();
            }
        } finally {
            threads.shutdownNow();
            store.intake().close();
            writer.close();
        }

        assertThat(acknowledgedAtKill.get()).as("rows acknowledged when QuestDB was killed").isBetween((long) ROWS / 3, ROWS - 2L * BATCH);
        assertThat(writer.stats().retried() + reportedFailures.get() + store.intake().readsRetried())
                .as("the kill was felt: rows were resent or a read tried again").isPositive();
        assertThat(store.findById(new PaperTradeId("crash-" + run + "-0"))).isPresent(); // waits for WAL apply
        BigInteger expectedSum = BASE_AMOUNT.multiply(BigInteger.valueOf(ROWS))
                .add(BigInteger.valueOf(ROWS).multiply(BigInteger.valueOf(ROWS - 1)).divide(BigInteger.TWO));
        try (Connection connection = QuestDbFixture.connect();
             PreparedStatement totals = connection.prepareStatement(
                     "SELECT count(), count_distinct(trade_id), sum(amount_in) FROM trades WHERE trader = ?")) {
            totals.setString(1, trader.value());
            try (ResultSet row = totals.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("rows").isEqualTo(ROWS);
                assertThat(row.getLong(2)).as("distinct trade ids").isEqualTo(ROWS);
                assertThat(row.getBigDecimal(3).toBigIntegerExact()).as("sum of amounts").isEqualTo(expectedSum);
            }
        }
    }

    private static List<Trade> batch(String run, TraderId trader, Pubkey token, Instant base, int batch) {
        List<Trade> trades = new ArrayList<>(BATCH);
        for (int i = batch * BATCH; i < (batch + 1) * BATCH; i++) {
            trades.add(new Trade(new PaperTradeId("crash-" + run + "-" + i), base.plusNanos(i * 1_000L), trader, TradingMode.PAPER,
                    TradeSide.BUY, TestRows.SOL, token, TokenAmount.of(BASE_AMOUNT.add(BigInteger.valueOf(i))), TokenAmount.of(1_000L + i),
                    TokenAmount.of(5_000L), new BigDecimal("0.000123456789"), i, MevStatus.NONE));
        }
        return trades;
    }

}
