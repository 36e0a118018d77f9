package io.soltrade.data.postgres;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The connection pool's figures in the host's registry, by HikariCP's own Micrometer tracker:
 * {@code hikaricp.connections} (total, {@code .active}, {@code .idle}, {@code .pending} threads waiting, {@code .max},
 * {@code .min}), {@code hikaricp.connections.acquire}, {@code .usage} and {@code .creation} timers and
 * {@code hikaricp.connections.timeout}, each tagged {@code pool=soltrade-postgres-<schema>}. HikariCP takes one
 * registry per pool: binding a second time fails.
 */
final class PostgresPoolMetrics implements MeterBinder {
    private final PostgresConnectionPool pool;

    PostgresPoolMetrics(PostgresConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ((HikariDataSource) pool.dataSource()).setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }
}
