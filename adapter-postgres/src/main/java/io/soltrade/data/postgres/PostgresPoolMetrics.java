package io.soltrade.data.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;

/**
 * The connection pools' figures in the host's registry, by HikariCP's own Micrometer tracker:
 * {@code hikaricp.connections} (total, {@code .active}, {@code .idle}, {@code .pending} threads waiting, {@code .max},
 * {@code .min}), {@code hikaricp.connections.acquire}, {@code .usage} and {@code .creation} timers and
 * {@code hikaricp.connections.timeout}, each tagged {@code pool=soltrade-postgres-<schema>}, and the same for the read
 * pool ({@code soltrade-postgres-read-<schema>}) when there is one. HikariCP takes one registry per pool: binding a
 * second time fails.
 */
final class PostgresPoolMetrics implements MeterBinder {
    private final PostgresConnectionPool pool;
    private final Optional<PostgresConnectionPool> readPool;

    PostgresPoolMetrics(PostgresConnectionPool pool, Optional<PostgresConnectionPool> readPool) {
        this.pool = pool;
        this.readPool = readPool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        track(pool, registry);
        readPool.ifPresent(read -> track(read, registry));
    }

    private static void track(PostgresConnectionPool pool, MeterRegistry registry) {
        ((HikariDataSource) pool.dataSource()).setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
}
