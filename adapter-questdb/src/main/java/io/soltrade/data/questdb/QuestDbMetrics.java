package io.soltrade.data.questdb;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The QuestDB adapter's figures in the host's registry: the two things that fail first, a full write buffer and an
 * exhausted read pool.
 *
 * <ul>
 *   <li>Batch writer ({@link BatchWriterStats}): {@code soltrade.questdb.writer.rows.queued}, {@code .acknowledged},
 *       {@code .retried} (per attempt) and {@code .failed} counters; {@code .rows.outstanding} (accepted, not yet
 *       decided), {@code .rows.held} (acknowledged trades remembered until QuestDB applies them) and
 *       {@code .buffer.capacity.rows} gauges; {@code soltrade.questdb.writer.flush} timer of each
 *       request from send to the server's acknowledgement, with a histogram and p50/p99.</li>
 *   <li>PG-wire read pool: HikariCP's own Micrometer tracker, {@code hikaricp.connections*} tagged
 *       {@code pool=questdb-pg} (HikariCP takes one registry per pool: binding a second time fails).</li>
 * </ul>
 */
final class QuestDbMetrics implements MeterBinder {
    private final IlpBatchWriter writer;
    private final HikariDataSource pool;

    QuestDbMetrics(IlpBatchWriter writer, HikariDataSource pool) {
        this.writer = writer;
        this.pool = pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        rows(registry, "queued", "Rows accepted from callers", BatchWriterStats::queued);
        rows(registry, "acknowledged", "Rows the server acknowledged after commit", BatchWriterStats::flushed);
        rows(registry, "retried", "Rows sent again after a transient failure, per attempt", BatchWriterStats::retried);
        rows(registry, "failed", "Rows reported failed to their callers", BatchWriterStats::failed);
        Gauge.builder("soltrade.questdb.writer.rows.outstanding", writer, w -> w.stats().outstanding())
                .description("Rows accepted and not yet acknowledged or failed; with the held rows, callers meet BACKPRESSURE at the buffer capacity")
                .register(registry);
        Gauge.builder("soltrade.questdb.writer.rows.held", writer, w -> w.stats().held())
                .description("Trades acknowledged and remembered until QuestDB applies them (a resend is then not written twice); they count against the buffer capacity")
                .register(registry);
        Gauge.builder("soltrade.questdb.writer.buffer.capacity.rows", writer, IlpBatchWriter::capacityRows)
                .description("Outstanding rows the buffer holds at most").register(registry);
        Timer flush = Timer.builder("soltrade.questdb.writer.flush")
                .description("Flush requests from send to the server's acknowledgement")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        writer.observeFlushes(nanos -> flush.record(nanos, TimeUnit.NANOSECONDS));
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    private void rows(MeterRegistry registry, String name, String description, ToDoubleFunction<BatchWriterStats> value) {
        FunctionCounter.builder("soltrade.questdb.writer.rows." + name, writer, w -> value.applyAsDouble(w.stats()))
                .description(description).register(registry);
    }
}
