package io.soltrade.data.postgres;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TradeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The PostgreSQL adapter for Guice: {@link ConfigStore} and {@link TradeStore} as singletons, the connection
 * pool and the async-write threads as {@link ManagedResource}s (the pool registered first, so the host, closing
 * in reverse, drains async writes before the pool goes), a {@link HealthCheck}, and a {@link MeterBinder} for the
 * pool's HikariCP metrics (bound by the host into its registry). With
 * {@link PostgresSettings#migrateOnStart()} the changelog is applied when the pool is built.
 *
 * <p>Plain Java hosts use it the same way: {@code Guice.createInjector(new PostgresModule(settings))
 * .getInstance(TradeStore.class)}.
 */
public final class PostgresModule extends AbstractModule {
    private static final Duration ASYNC_CLOSE_DEADLINE = Duration.ofSeconds(10);
    private static final int ASYNC_QUEUE_PER_CONNECTION = 1_000;

    private final PostgresSettings settings;

    public PostgresModule(PostgresSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        bind(ConfigStore.class).to(PostgresConfigStore.class);
        bind(TradeStore.class).to(PostgresTradeStore.class);
        Multibinder<ManagedResource> resources = Multibinder.newSetBinder(binder(), ManagedResource.class);
        resources.addBinding().to(PostgresConnectionPool.class);
        resources.addBinding().to(AsyncWrites.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(PostgresHealthCheck.class);
        Multibinder.newSetBinder(binder(), MeterBinder.class).addBinding().to(PostgresPoolMetrics.class);
    }

    @Provides
    @Singleton
    PostgresConnectionPool pool() {
        PostgresConnectionPool pool;
        try {
            pool = new PostgresConnectionPool(settings);
        } catch (HikariPool.PoolInitializationException e) {
            throw PostgresErrorTranslator.translate(e, "connect to " + settings.url() + " as " + settings.user());
        }
        if (settings.migrateOnStart()) {
            try {
                new PostgresMigrations(pool).migrate();
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        return pool;
    }

    @Provides
    @Singleton
    PostgresPoolMetrics poolMetrics(PostgresConnectionPool pool) {
        return new PostgresPoolMetrics(pool);
    }

    @Provides
    @Singleton
    PostgresTransactions transactions(PostgresConnectionPool pool) {
        return new PostgresTransactions(pool);
    }

    @Provides
    @Singleton
    AsyncWrites asyncWrites() {
        return new AsyncWrites(settings.maxPoolSize(), settings.maxPoolSize() * ASYNC_QUEUE_PER_CONNECTION, ASYNC_CLOSE_DEADLINE);
    }

    @Provides
    @Singleton
    PostgresConfigStore configStore(PostgresTransactions transactions) {
        return new PostgresConfigStore(transactions, Clock.systemUTC());
    }

    @Provides
    @Singleton
    PostgresTradeStore tradeStore(PostgresTransactions transactions, AsyncWrites asyncWrites) {
        return new PostgresTradeStore(transactions, asyncWrites);
    }

    @Provides
    @Singleton
    PostgresHealthCheck healthCheck(PostgresConnectionPool pool, PostgresTransactions transactions) {
        return new PostgresHealthCheck(pool, transactions);
    }
}
