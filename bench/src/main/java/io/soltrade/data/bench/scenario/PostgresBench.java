package io.soltrade.data.bench.scenario;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Both sides of the PostgreSQL scenarios, in a schema of the run's own ({@code bench_<run id>}, migrated by the
 * adapter, dropped on close). Ours: {@link TradeStore} and {@link ConfigStore} from {@link PostgresModule} with a
 * pool of {@value #POOL_SIZE}, started inside a {@link DataLayer} ({@link BenchDataLayer}): the adapter itself, or the
 * same adapter behind the data layer's decorators. Raw: plain pgjdbc on a HikariCP pool of the same size, whose connections'
 * {@code currentSchema} is the run's schema, and a {@code raw_trades} table copied from the adapter's.
 */
final class PostgresBench implements AutoCloseable {
    static final int POOL_SIZE = 20;

    private final String schema;
    private final DataLayer ours;
    private final HikariDataSource raw;

    private PostgresBench(String schema, DataLayer ours, HikariDataSource raw) {
        this.schema = schema;
        this.ours = ours;
        this.raw = raw;
    }

    static PostgresBench open(ScenarioContext context) throws Exception {
        BenchTargets targets = context.targets();
        BenchTargets.HostPort at = targets.postgresAddress();
        String why = ServerProbe.unreachable("PostgreSQL", at.host(), at.port()).orElse(null);
        if (why != null) {
            throw new ScenarioSkipped(why + "; start one or set SOLTRADE_PG_URL");
        }
        String schema = "bench_" + context.runId();
        PostgresSettings settings = PostgresSettings.builder(targets.postgresUrl(), targets.postgresUser())
                .password(targets.postgresPassword()).schema(schema).maxPoolSize(POOL_SIZE).build();
        DataLayer ours = BenchDataLayer.start(context.servers(), Backend.POSTGRES, new PostgresModule(settings));
        HikariDataSource raw;
        try {
            raw = rawPool(targets, schema);
        } catch (RuntimeException e) {
            ours.close();
            throw e;
        }
        PostgresBench bench = new PostgresBench(schema, ours, raw);
        try (Connection connection = raw.getConnection(); PreparedStatement statement = connection.prepareStatement(BenchSql.named("postgres.raw-table.create"))) {
            statement.execute();
        } catch (SQLException e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    private static HikariDataSource rawPool(BenchTargets targets, String schema) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench-raw-postgres");
        config.setJdbcUrl(targets.postgresUrl());
        config.setUsername(targets.postgresUser());
        config.setPassword(targets.postgresPassword());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setConnectionTimeout(30_000);
        config.addDataSourceProperty("currentSchema", schema);
        return new HikariDataSource(config);
    }

    TradeStore tradeStore(OursThrough through) {
        return through == OursThrough.ADAPTER ? ours.adapter(Backend.POSTGRES, TradeStore.class) : ours.trades();
    }

    ConfigStore configStore(OursThrough through) {
        return through == OursThrough.ADAPTER ? ours.adapter(Backend.POSTGRES, ConfigStore.class) : ours.configStore();
    }

    DataSource raw() {
        return raw;
    }

    /** Closes our pool, drops the run's schema through the raw pool, closes the raw pool. */
    @Override
    public void close() throws SQLException {
        try {
            ours.close();
        } finally {
            try (Connection connection = raw.getConnection(); PreparedStatement statement = connection.prepareStatement(BenchSql.named("postgres.drop-run-schema"))) {
                statement.execute();
            } finally {
                raw.close();
            }
        }
    }

    @Override
    public String toString() {
        return "postgres bench (schema " + schema + ")";
    }
}
