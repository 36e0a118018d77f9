package io.soltrade.data.questdb;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.TradeStore;
import java.util.Objects;

/**
 * Trades, positions, metrics and MEV events on QuestDB: binds {@link TradeStore}, {@link PositionStore},
 * {@link MetricsStore} and {@link MevEventStore} as singletons sharing one batch writer (ILP over HTTP) and one
 * small PG wire pool, and contributes a {@link HealthCheck}, a {@link ManagedResource} that closes the writer before
 * the pool, and a {@link MeterBinder} for the writer's and the pool's figures (bound by the host into its registry).
 * The schema is applied when the pool is created, if the settings say so.
 *
 * <p>A start that fails leaves nothing behind: the pool closes itself when it cannot connect or the schema cannot be
 * applied, the writer starts its thread only with the first write, and a failed pool is not built again for each
 * binding that needs it (Guice asks once per eager singleton): the first failure is rethrown instead of connecting
 * again.
 */
public final class QuestDbModule extends AbstractModule {
    private final QuestDbSettings settings;
    private final QuestDbEndpoints endpoints;
    private RuntimeException poolFailure;

    public QuestDbModule(QuestDbSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.endpoints = QuestDbEndpoints.of(settings.ilpClientConfiguration());
    }

    @Override
    protected void configure() {
        bind(QuestDbSettings.class).toInstance(settings);
        Multibinder.newSetBinder(binder(), ManagedResource.class).addBinding().to(QuestDbResources.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(QuestDbHealthCheck.class);
        Multibinder.newSetBinder(binder(), MeterBinder.class).addBinding().to(QuestDbMetrics.class);
    }

    @Provides
    @Singleton
    synchronized HikariDataSource pool() {
        if (poolFailure != null) {
            throw poolFailure;
        }
        try {
            return newPool();
        } catch (RuntimeException e) {
            poolFailure = e;
            throw e;
        }
    }

    private HikariDataSource newPool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("questdb-pg");
        FollowingPgDataSource following = null;
        if (endpoints.size() > 1) {
            // several endpoints: each new connection goes to the one the writes go to (see FollowingPgDataSource)
            following = new FollowingPgDataSource(settings.pgUrl(), endpoints, pgProperties());
            config.setDataSource(following);
        } else {
            config.setJdbcUrl(settings.pgUrl());
        }
        config.setUsername(settings.pgUser());
        config.setPassword(settings.pgPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setAutoCommit(true);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(2_000);
        // Every query waits at most this for the server (pgjdbc's default is forever: a frozen server hangs a read).
        config.addDataSourceProperty("socketTimeout", Long.toString(settings.readTimeout().toSeconds()));
        // One connection attempt at start-up (HikariCP's default), bounded: a refused or silent server fails the start.
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("loginTimeout", "5");
        HikariDataSource pool = new HikariDataSource(config);
        if (following != null) {
            endpoints.onSwitch(endpoint -> pool.getHikariPoolMXBean().softEvictConnections());
        }
        if (settings.applySchema()) { // on the first endpoint that answers; with several, the writer prepares each before use
            try {
                SchemaApplier.apply(pool, SchemaApplier.applyTimeout(settings));
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        return pool;
    }

    @Provides
    @Singleton
    IlpBatchWriter writer() {
        return new IlpBatchWriter(settings.writerSettings(), new HttpIlpTransport(endpoints, this::prepareEndpoint));
    }

    /**
     * Applies the schema on one endpoint (through its own PG wire host alone) before the writer's first request to it,
     * so rows never land in a table QuestDB creates by itself (without DEDUP keys). Repeatable: on an endpoint already
     * migrated it reads the history and applies nothing.
     */
    private void prepareEndpoint(int endpoint) {
        if (!settings.applySchema()) {
            return;
        }
        java.util.Properties login = pgProperties();
        login.setProperty("user", settings.pgUser());
        login.setProperty("password", settings.pgPassword());
        login.setProperty("connectTimeout", "5");
        SchemaApplier.apply(FollowingPgDataSource.pinned(settings.pgUrl(), endpoints, login, endpoint), SchemaApplier.applyTimeout(settings));
    }

    private java.util.Properties pgProperties() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("socketTimeout", Long.toString(settings.readTimeout().toSeconds()));
        return properties;
    }

    @Provides
    @Singleton
    PgWireReader reader(HikariDataSource pool) {
        return new PgWireReader(pool, settings.readVisibilityTimeout());
    }

    @Provides
    @Singleton
    QuestDbResources resources(QuestDbTradeStore trades, IlpBatchWriter writer, HikariDataSource pool) {
        return new QuestDbResources(trades.intake(), writer, pool);
    }

    @Provides
    @Singleton
    QuestDbMetrics metrics(IlpBatchWriter writer, HikariDataSource pool) {
        return new QuestDbMetrics(writer, pool);
    }

    @Provides
    @Singleton
    QuestDbHealthCheck healthCheck(HikariDataSource pool, IlpBatchWriter writer, PgWireReader reader) {
        return new QuestDbHealthCheck(pool, writer, reader);
    }

    @Provides
    @Singleton
    QuestDbTradeStore questDbTradeStore(IlpBatchWriter writer, PgWireReader reader) {
        return new QuestDbTradeStore(writer, reader, settings);
    }

    @Provides
    @Singleton
    TradeStore tradeStore(QuestDbTradeStore trades) {
        return trades;
    }

    @Provides
    @Singleton
    PositionStore positionStore(IlpBatchWriter writer, PgWireReader reader) {
        return new QuestDbPositionStore(writer, reader);
    }

    @Provides
    @Singleton
    MetricsStore metricsStore(IlpBatchWriter writer, PgWireReader reader) {
        return new QuestDbMetricsStore(writer, reader);
    }

    @Provides
    @Singleton
    MevEventStore mevEventStore(IlpBatchWriter writer, PgWireReader reader) {
        return new QuestDbMevEventStore(writer, reader);
    }
}
