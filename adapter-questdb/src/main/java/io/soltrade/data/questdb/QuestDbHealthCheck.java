package io.soltrade.data.questdb;

import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * QuestDB's health: PG wire answers, none of the adapter's WAL tables is suspended, and their apply lag
 * (sequencer minus applied transactions) is small; plus the batch writer's counters. A suspended table or a
 * lag of {@value #LAG_WARNING_TXNS}+ transactions is {@code DEGRADED}: writes are still acknowledged, but reads
 * wait for the lag and fail when it does not close.
 */
final class QuestDbHealthCheck implements HealthCheck {
    static final long LAG_WARNING_TXNS = 1_000;
    private static final Set<String> TABLES = Set.of(TradeRowEncoder.TABLE, PositionRowEncoder.TABLE, MetricRowEncoder.TABLE, MevEventRowEncoder.TABLE);

    private final DataSource dataSource;
    private final IlpBatchWriter writer;
    private final String walQuery;

    QuestDbHealthCheck(DataSource dataSource, IlpBatchWriter writer, PgWireReader reader) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.walQuery = reader.query("wal.all");
    }

    @Override
    public String backend() {
        return QuestDbExceptionTranslator.BACKEND;
    }

    @Override
    public HealthReport check() {
        long started = System.nanoTime();
        TreeMap<String, String> details = new TreeMap<>();
        BatchWriterStats stats = writer.stats();
        details.put("writer.queuedRows", Long.toString(stats.queued()));
        details.put("writer.flushedRows", Long.toString(stats.flushed()));
        details.put("writer.retriedRows", Long.toString(stats.retried()));
        details.put("writer.failedRows", Long.toString(stats.failed()));
        details.put("writer.outstandingRows", Long.toString(stats.outstanding()));
        details.put("writer.flushP99Millis", String.format("%.2f", stats.flushP99Millis()));
        StringBuilder problems = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(walQuery);
             ResultSet tables = statement.executeQuery()) {
            while (tables.next()) {
                String table = tables.getString("name");
                if (!TABLES.contains(table)) {
                    continue;
                }
                boolean suspended = tables.getBoolean("suspended");
                long lag = Math.max(0, tables.getLong("sequencerTxn") - tables.getLong("writerTxn"));
                details.put(table + ".suspended", Boolean.toString(suspended));
                details.put(table + ".applyLagTxns", Long.toString(lag));
                if (suspended) {
                    problems.append("table ").append(table).append(" is suspended; ");
                } else if (lag >= LAG_WARNING_TXNS) {
                    problems.append("table ").append(table).append(" is ").append(lag).append(" transactions behind; ");
                }
            }
        } catch (SQLException | RuntimeException e) {
            return HealthReport.down(backend(), elapsed(started), "PG wire check failed: " + e.getMessage());
        }
        if (writer.isClosed()) {
            problems.append("batch writer is closed; ");
        }
        if (problems.length() == 0) {
            return HealthReport.up(backend(), elapsed(started), details);
        }
        return new HealthReport(backend(), HealthState.DEGRADED, elapsed(started), details, Optional.of(problems.toString().strip()));
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
