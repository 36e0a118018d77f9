package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.TradeStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/** Round trips, dedup, schema, partitions and TTL on the real server, through the module's stores. */
class QuestDbStoresIT {
    private final TradeStore trades = QuestDbFixture.instance(TradeStore.class);
    private final MetricsStore metrics = QuestDbFixture.instance(MetricsStore.class);
    private final MevEventStore mevEvents = QuestDbFixture.instance(MevEventStore.class);

    @Test
    void u64ExtremesExactDecimalsAndMicrosecondsRoundTrip() {
        Instant at = TestRows.now().plusNanos(1_000);
        Trade trade = TestRows.liveTrade(TestRows.pubkey(), at, TokenAmount.of(new java.math.BigInteger("9223372036854775808")),
                new BigDecimal("99999999999999999999.999999999999999999"));

        trades.save(trade);

        Trade readBack = trades.findById(trade.id()).orElseThrow();
        assertThat(readBack).isEqualTo(trade);
        assertThat(readBack.amountOut()).isEqualTo(TokenAmount.MAX);
        assertThat(readBack.amountIn().toString()).isEqualTo("9223372036854775808");
        assertThat(readBack.executedAt()).isEqualTo(at);
    }

    @Test
    void retriedBatchAddsNoDuplicates() throws Exception {
        Pubkey token = TestRows.pubkey();
        Instant start = TestRows.now();
        List<Trade> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(TestRows.paperTrade(token, start.plusMillis(i)));
        }

        trades.batchSave(batch);
        trades.batchSave(batch);
        trades.batchSave(batch.subList(0, 50));

        assertThat(trades.findByToken(token, 1_000)).hasSize(100);
        try (Connection connection = QuestDbFixture.connect();
             PreparedStatement count = connection.prepareStatement("SELECT count() FROM trades WHERE token = ?")) {
            count.setString(1, token.base58());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("stored rows, duplicates included").isEqualTo(100);
            }
        }
    }

    @Test
    void metricsAreFoundByNameAndEveryFilteredLabel() {
        String name = "test.metric_" + Long.toHexString(System.nanoTime());
        Instant at = TestRows.now();
        MetricPoint eu = TestRows.metric(name, Map.of("node", "rpc-1", "zone", "eu \"west\""), 1.5, at);
        MetricPoint us = TestRows.metric(name, Map.of("node", "rpc-1", "zone", "us"), 2.5, at.plusMillis(1));
        MetricPoint other = TestRows.metric(name, Map.of("node", "rpc-2"), 3.5, at.plusMillis(2));
        metrics.recordBatch(List.of(eu, us, other));
        metrics.record(eu);
        TimeRange range = TimeRange.of(at, at.plusSeconds(1));

        assertThat(metrics.find(name, Map.of(), range, 100)).containsExactly(eu, us, other);
        assertThat(metrics.find(name, Map.of("node", "rpc-1"), range, 100)).containsExactly(eu, us);
        assertThat(metrics.find(name, Map.of("node", "rpc-1", "zone", "eu \"west\""), range, 100)).containsExactly(eu);
        assertThat(metrics.find(name, Map.of("zone", "asia"), range, 100)).isEmpty();
        assertThat(metrics.find(name, Map.of("bad-key", "x"), range, 100)).isEmpty();
    }

    @Test
    void mevEventsAreFoundByOutcomeAndTime() {
        Instant at = ContractWindow.start();
        MevEvent sandwiched = TestRows.mevEvent(MevOutcome.SANDWICHED, at);
        MevEvent avoided = TestRows.mevEvent(MevOutcome.AVOIDED, at.plusMillis(1));
        mevEvents.batchSave(List.of(sandwiched, avoided));
        TimeRange range = TimeRange.of(at, at.plusSeconds(1));

        assertThat(mevEvents.findByOutcome(MevOutcome.SANDWICHED, range, 10)).containsExactly(sandwiched);
        assertThat(mevEvents.findBetween(range, 10)).containsExactly(sandwiched, avoided);
    }

    @Test
    void badInputFailsBeforeAnyIo() {
        IlpBatchWriter writer = QuestDbFixture.instance(IlpBatchWriter.class);
        long queuedBefore = writer.stats().queued();

        assertThatThrownBy(() -> trades.save(null)).isInstanceOf(DbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.INVALID_INPUT);
        assertThatThrownBy(() -> metrics.find("m", Map.of(), null, 10)).isInstanceOf(DbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.INVALID_INPUT);
        assertThat(writer.stats().queued()).isEqualTo(queuedBefore);
    }

    @Test
    void reapplyingTheSchemaChangesNothing() throws Exception {
        Trade trade = TestRows.paperTrade(TestRows.pubkey(), TestRows.now());
        trades.save(trade);

        assertThat(SchemaApplier.apply(QuestDbFixture.instance(HikariDataSource.class), Duration.ofSeconds(30)).appliedNow()).as("versions applied again").isEmpty();

        assertThat(trades.findById(trade.id())).contains(trade);
        try (Connection connection = QuestDbFixture.connect(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery(
                     "SELECT table_name, partitionBy, ttlValue, ttlUnit, dedup, walEnabled FROM tables() WHERE table_name IN ('trades', 'positions', 'metrics', 'mev_events')")) {
            int count = 0;
            while (tables.next()) {
                count++;
                assertThat(tables.getString("partitionBy")).isEqualTo("DAY");
                assertThat(tables.getInt("ttlValue")).isEqualTo(30);
                assertThat(tables.getString("ttlUnit")).isEqualTo("DAY");
                assertThat(tables.getBoolean("dedup")).isTrue();
                assertThat(tables.getBoolean("walEnabled")).isTrue();
            }
            assertThat(count).isEqualTo(4);
        }
    }

    @Test
    void partitionsAreDailyAndTtlDropsRowsOlderThanThirtyDays() throws Exception {
        Pubkey token = TestRows.pubkey();
        Instant now = TestRows.now();
        Trade recent = TestRows.paperTrade(token, now);
        Trade threeDaysOld = TestRows.paperTrade(token, now.minus(3, ChronoUnit.DAYS));
        Trade twentyNineDaysOld = TestRows.paperTrade(token, now.minus(29, ChronoUnit.DAYS));
        Trade thirtyTwoDaysOld = TestRows.paperTrade(token, now.minus(32, ChronoUnit.DAYS));

        trades.batchSave(List.of(recent, threeDaysOld, twentyNineDaysOld));
        trades.save(thirtyTwoDaysOld);
        trades.save(TestRows.paperTrade(TestRows.pubkey(), TestRows.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trades.findById(thirtyTwoDaysOld.id())).isEmpty());
        assertThat(trades.findByToken(token, 10)).containsExactly(recent, threeDaysOld, twentyNineDaysOld);
        List<String> partitions = new ArrayList<>();
        try (Connection connection = QuestDbFixture.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM table_partitions('trades')")) {
            while (rows.next()) {
                partitions.add(rows.getString(1));
            }
        }
        assertThat(partitions).contains(day(now), day(threeDaysOld.executedAt()), day(twentyNineDaysOld.executedAt()))
                .doesNotContain(day(thirtyTwoDaysOld.executedAt()));
    }

    @Test
    void healthIsUpWithWriterCountersAndApplyLag() {
        HealthCheck health = QuestDbFixture.injector().getInstance(QuestDbHealthCheck.class);

        var report = health.check();

        assertThat(report.state()).isEqualTo(HealthState.UP);
        assertThat(report.details()).containsKeys("trades.applyLagTxns", "trades.suspended", "writer.flushedRows", "writer.outstandingRows");
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    /** A fresh far-future window, as the contract kits use, so time-range reads see only this test's rows. */
    static final class ContractWindow {
        static Instant start() {
            return io.soltrade.data.ports.contract.ContractFixtures.windowStart();
        }
    }

}
