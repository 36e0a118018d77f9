package io.soltrade.data.questdb;

import com.zaxxer.hikari.HikariDataSource;
import io.soltrade.data.ports.ManagedResource;

/**
 * The adapter's resources closed in its own order: the batch writer first (it flushes what it can and
 * reports what it could not deliver), then the PG wire pool.
 */
final class QuestDbResources implements ManagedResource {
    private final IlpBatchWriter writer;
    private final HikariDataSource pool;

    QuestDbResources(IlpBatchWriter writer, HikariDataSource pool) {
        this.writer = writer;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "questdb (batch writer, then PG wire pool)";
    }

    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            pool.close();
        }
    }
}
