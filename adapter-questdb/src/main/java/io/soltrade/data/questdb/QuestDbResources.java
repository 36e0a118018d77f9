package io.soltrade.data.questdb;

import com.zaxxer.hikari.HikariDataSource;
import io.soltrade.data.ports.ManagedResource;

/**
 * The adapter's resources closed in its own order: the trade intake first (it hands what is queued to the writer),
 * then the batch writer (it flushes what it can and reports what it could not deliver), then the PG wire pool.
 */
final class QuestDbResources implements ManagedResource {
    private final TradeIntake intake;
    private final IlpBatchWriter writer;
    private final HikariDataSource pool;

    QuestDbResources(TradeIntake intake, IlpBatchWriter writer, HikariDataSource pool) {
        this.intake = intake;
        this.writer = writer;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "questdb (trade intake, batch writer, then PG wire pool)";
    }

    @Override
    public void close() {
        try {
            intake.close();
        } finally {
            try {
                writer.close();
            } finally {
                pool.close();
            }
        }
    }
}
