package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch writer over real ILP/HTTP: against the launched server, or against a port where nothing listens. */
class IlpBatchWriterIT {
    private static final Duration LONG = Duration.ofHours(1);
    private final TradeStore reads = QuestDbFixture.instance(TradeStore.class);
    private IlpBatchWriter writer;

    /** A row QuestDB rejects: a string into the LONG column {@code slot} of {@code trades}. */
    enum RejectedRow implements RowEncoder<Instant> {
        INSTANCE;

        @Override
        public String table() {
            return "trades";
        }

        @Override
        public void encode(Instant at, RowSink sink) {
            sink.table("trades").varchar("trade_id", "paper:rejected").varchar("slot", "not a number").at(at);
        }
    }

    @AfterEach
    void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (DbException ignored) {
                // tests that leave rows undelivered assert on close themselves
            }
        }
    }

    private IlpBatchWriter writer(String ilpConfig, Duration flushInterval, int batchRows, int capacity, Duration enqueueTimeout,
                                  Duration retryDeadline, Duration closeDeadline) {
        QuestDbSettings settings = QuestDbSettings.of(ilpConfig, "jdbc:postgresql://127.0.0.1:1/qdb", "admin", "quest");
        writer = new IlpBatchWriter(new BatchWriterSettings(flushInterval, batchRows, capacity, enqueueTimeout, retryDeadline, closeDeadline),
                new HttpIlpTransport(settings.ilpClientConfiguration()));
        return writer;
    }

    private IlpBatchWriter serverWriter(Duration flushInterval, int batchRows) {
        return writer(QuestDbFixture.server().ilpConfig(), flushInterval, batchRows, 100_000, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    private static String nowhere() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http::addr=127.0.0.1:" + probe.getLocalPort() + ";";
        }
    }

    @Test
    void theTimerSendsARowAtTheFlushIntervalWhenNoOtherRowArrives() {
        ManualNanoClock clock = new ManualNanoClock();
        QuestDbSettings settings = QuestDbSettings.of(QuestDbFixture.server().ilpConfig(), "jdbc:postgresql://127.0.0.1:1/qdb", "admin", "quest");
        writer = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(100), 100_000, 100_000, Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(10)), new HttpIlpTransport(settings.ilpClientConfiguration()), clock);
        Trade trade = TestRows.paperTrade(TestRows.pubkey(), TestRows.now());

        CompletableFuture<Void> saved = writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(trade));
        clock.advance(Duration.ofMillis(100).minusNanos(1));
        IlpBatchWriterTest.awaitTimerChecked(writer);
        assertThat(writer.stats().requests()).as("requests 1 ns before the flush interval").isZero();

        clock.advance(Duration.ofNanos(1));
        writer.clockMoved();
        await().until(saved::isDone);
        assertThat(saved).isCompleted();
        assertThat(writer.stats().requests()).isEqualTo(1);
        assertThat(reads.findById(trade.id())).contains(trade);
    }

    @Test
    void aThousandWaitingRowsAreSentWithoutTheTimer() {
        serverWriter(LONG, 1_000);
        Pubkey token = TestRows.pubkey();
        Instant start = TestRows.now();
        List<CompletableFuture<Void>> saved = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            saved.add(writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(TestRows.paperTrade(token, start.plusNanos(i * 1_000L)))));
        }
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> writer.stats().requests() == 0);

        saved.add(writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(TestRows.paperTrade(token, start.plusMillis(5)))));

        await().atMost(Duration.ofSeconds(30)).until(() -> saved.stream().allMatch(CompletableFuture::isDone));
        assertThat(saved).allSatisfy(future -> assertThat(future).isCompleted());
        assertThat(writer.stats().requests()).isEqualTo(1);
        assertThat(reads.findByToken(token, 10_000)).hasSize(1_000);
    }

    @Test
    void aRejectedRowFailsItsCallerWithTheReasonAndOthersAreStored() throws Exception {
        serverWriter(LONG, 3);
        Trade before = TestRows.paperTrade(TestRows.pubkey(), TestRows.now());
        Trade after = TestRows.paperTrade(TestRows.pubkey(), TestRows.now());

        CompletableFuture<Void> good1 = writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(before));
        CompletableFuture<Void> bad = writer.writeAsync(RejectedRow.INSTANCE, List.of(TestRows.now()));
        CompletableFuture<Void> good2 = writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(after));

        await().atMost(Duration.ofSeconds(30)).until(() -> good1.isDone() && bad.isDone() && good2.isDone());
        assertThatThrownBy(bad::get).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(PermanentDbException.class).hasMessageContaining("cast error").hasMessageContaining("slot");
        assertThat(good1).isCompleted();
        assertThat(good2).isCompleted();
        Trade later = TestRows.paperTrade(TestRows.pubkey(), TestRows.now());
        writer.write(TradeRowEncoder.INSTANCE, List.of(later));
        assertThat(reads.findById(before.id())).contains(before);
        assertThat(reads.findById(after.id())).contains(after);
        assertThat(reads.findById(later.id())).contains(later);
        assertThat(writer.stats().failed()).isEqualTo(1);
    }

    @Test
    void aServerThatStaysDownFailsCallersTransientlyAfterTheRetryDeadline() throws Exception {
        writer(nowhere(), Duration.ofMillis(10), 1_000, 10_000, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(5));

        assertThatThrownBy(() -> writer.write(TradeRowEncoder.INSTANCE, List.of(TestRows.paperTrade(TestRows.pubkey(), TestRows.now()))))
                .isInstanceOf(TransientDbException.class).hasMessageContaining("retry deadline");
        assertThat(writer.stats().retried()).isPositive();
        assertThat(writer.stats().outstanding()).isZero();
    }

    @Test
    void aFullBufferGivesBackpressureAndStaysBounded() throws Exception {
        writer(nowhere(), Duration.ofMillis(10), 10, 10, Duration.ofMillis(200), LONG, Duration.ofMillis(200));
        Pubkey token = TestRows.pubkey();
        List<Trade> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(TestRows.paperTrade(token, TestRows.now()));
        }
        CompletableFuture<Void> stuck = writer.writeAsync(TradeRowEncoder.INSTANCE, ten);

        assertThatThrownBy(() -> writer.write(TradeRowEncoder.INSTANCE, List.of(TestRows.paperTrade(token, TestRows.now()))))
                .isInstanceOf(TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.BACKPRESSURE);
        assertThat(writer.stats().outstanding()).isEqualTo(10);
        assertThat(stuck).isNotDone();
    }

    @Test
    void closeDeliversWhatItCanAndCountsExactlyWhatItCannot() throws Exception {
        serverWriter(LONG, 100_000);
        Trade queued = TestRows.paperTrade(TestRows.pubkey(), TestRows.now());
        CompletableFuture<Void> delivered = writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(queued));
        writer.close();
        assertThat(delivered).isCompleted();
        assertThat(reads.findById(queued.id())).contains(queued);

        writer(nowhere(), LONG, 100_000, 100_000, Duration.ofSeconds(1), LONG, Duration.ofMillis(300));
        List<Trade> five = List.of(TestRows.paperTrade(TestRows.pubkey(), TestRows.now()), TestRows.paperTrade(TestRows.pubkey(), TestRows.now()),
                TestRows.paperTrade(TestRows.pubkey(), TestRows.now()), TestRows.paperTrade(TestRows.pubkey(), TestRows.now()),
                TestRows.paperTrade(TestRows.pubkey(), TestRows.now()));
        CompletableFuture<Void> lostThree = writer.writeAsync(TradeRowEncoder.INSTANCE, five.subList(0, 3));
        CompletableFuture<Void> lostTwo = writer.writeAsync(TradeRowEncoder.INSTANCE, five.subList(3, 5));

        assertThatThrownBy(writer::close).isInstanceOf(PermanentDbException.class)
                .hasMessageContaining("5 of 5 outstanding rows not delivered")
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CLOSED);
        assertThat(lostThree).isCompletedExceptionally();
        assertThat(lostTwo).isCompletedExceptionally();
    }
}
