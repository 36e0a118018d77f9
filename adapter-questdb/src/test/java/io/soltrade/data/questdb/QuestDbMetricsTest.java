package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.ports.PermanentDbException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batch writer's figures as a host's registry shows them, against a scripted transport (no server). */
class QuestDbMetricsTest {
    private final ScriptedIlpTransport transport = new ScriptedIlpTransport();
    private final IlpBatchWriter writer = new IlpBatchWriter(new BatchWriterSettings(Duration.ofMillis(20), 1_000, 5_000,
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(5)), transport);
    private final HikariDataSource pool = new HikariDataSource();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        writer.close();
        pool.close();
    }

    @Test
    void queuedAcknowledgedRetriedFailedOutstandingCapacityAndFlushLatencyReachTheRegistry() {
        new QuestDbMetrics(writer, pool).bindTo(registry);

        writer.write(IlpBatchWriterTest.TextRows.INSTANCE, List.of("a", "b", "c"));
        transport.failNext(ScriptedIlpTransport.transientFailure());
        writer.write(IlpBatchWriterTest.TextRows.INSTANCE, List.of("d", "e"));
        transport.failNext(ScriptedIlpTransport.permanentFailure());
        assertThatThrownBy(() -> writer.write(IlpBatchWriterTest.TextRows.INSTANCE, List.of("f"))).isInstanceOf(PermanentDbException.class);

        assertThat(counter("soltrade.questdb.writer.rows.queued")).isEqualTo(6);
        assertThat(counter("soltrade.questdb.writer.rows.acknowledged")).isEqualTo(5);
        assertThat(counter("soltrade.questdb.writer.rows.retried")).isEqualTo(2);
        assertThat(counter("soltrade.questdb.writer.rows.failed")).isEqualTo(1);
        assertThat(registry.get("soltrade.questdb.writer.rows.outstanding").gauge().value()).isZero();
        assertThat(registry.get("soltrade.questdb.writer.buffer.capacity.rows").gauge().value()).isEqualTo(5_000);
        var flush = registry.get("soltrade.questdb.writer.flush").timer();
        assertThat(flush.count()).as("one per acknowledged request").isEqualTo(2);
        assertThat(flush.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(flush.takeSnapshot().percentileValues()).extracting(value -> value.percentile()).containsExactly(0.5, 0.99);
    }

    @Test
    void thePgWirePoolReportsThroughHikariCpsTracker() {
        new QuestDbMetrics(writer, pool).bindTo(registry);

        assertThat(pool.getMetricsTrackerFactory()).isInstanceOf(com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory.class);
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }
}
