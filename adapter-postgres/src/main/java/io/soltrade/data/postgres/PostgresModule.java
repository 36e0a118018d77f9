package io.soltrade.data.postgres;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.zaxxer.hikari.pool.HikariPool;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.TradeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The PostgreSQL adapter for Guice: {@link ConfigStore} and {@link TradeStore} as singletons, the connection
 * pool and the async-write threads as {@link ManagedResource}s (the pool registered first, so the host, closing
 * in reverse, drains async writes before the pool goes), a {@link HealthCheck}, and a {@link MeterBinder} for the
 * pools' HikariCP metrics (bound by the host into its registry). With
 * {@link PostgresSettings#migrateOnStart()} the changelog is applied when the pool is built. With a read URL
 * ({@link PostgresReplication#readUrl()}) a second, read-only pool serves the {@link ConfigStore} reads that may lag
 * (see {@link PostgresConfigStore}); it is registered right after the primary pool, so it closes before it.
 *
 * <p>A start that fails leaves nothing behind: a pool that cannot connect, or whose migration fails, is closed, and
 * it is not built again for each binding that needs it (Guice asks once per eager singleton): the first failure is
 * rethrown instead of connecting again. The async-write threads start with the first async write.
 *
 * <p>Plain Java hosts use it the same way: {@code Guice.createInjector(new PostgresModule(settings))
 * .getInstance(TradeStore.class)}.
 */
public final class PostgresModule extends AbstractModule {
    private static final Duration ASYNC_CLOSE_DEADLINE = Duration.ofSeconds(10);
    private static final int ASYNC_QUEUE_PER_CONNECTION = 1_000;

    private final PostgresSettings settings;
    private RuntimeException poolFailure;

    public PostgresModule(PostgresSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        bind(ConfigStore.class).to(PostgresConfigStore.class);
        bind(TradeStore.class).to(PostgresTradeStore.class);
        Multibinder<ManagedResource> resources = Multibinder.newSetBinder(binder(), ManagedResource.class);
        resources.addBinding().to(PostgresConnectionPool.class);
        // Bound only with a read URL: a production-stage injector builds every singleton it has.
        OptionalBinder<ReplicaReads> replicas = OptionalBinder.newOptionalBinder(binder(), ReplicaReads.class);
        if (settings.replication().readUrl().isPresent()) {
            replicas.setBinding().toProvider(new ReplicaReadsProvider(settings, getProvider(PostgresConnectionPool.class))).in(Scopes.SINGLETON);
            resources.addBinding().to(ReplicaReads.class);
        }
        resources.addBinding().to(AsyncWrites.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(PostgresHealthCheck.class);
        Multibinder.newSetBinder(binder(), MeterBinder.class).addBinding().to(PostgresPoolMetrics.class);
    }

    @Provides
    @Singleton
    synchronized PostgresConnectionPool pool() {
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

    private PostgresConnectionPool newPool() {
        PostgresConnectionPool pool;
        try {
            pool = new PostgresConnectionPool(settings);
        } catch (HikariPool.PoolInitializationException e) {
            throw PostgresErrorTranslator.translate(e, "connect to " + settings.url() + " as " + settings.user());
        }
        try {
            if (settings.migrateOnStart()) {
                new PostgresMigrations(pool).migrate();
            }
            settings.replication().synchronousCommit().requireStandbyOf(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    /** The read pool and its routing, on top of the primary pool (which applied the migration first). */
    private record ReplicaReadsProvider(PostgresSettings settings, Provider<PostgresConnectionPool> primary) implements Provider<ReplicaReads> {
        @Override
        public ReplicaReads get() {
            PostgresConnectionPool primaryPool = primary.get();
            try {
                return new ReplicaReads(new PostgresConnectionPool(settings, PostgresConnectionPool.Role.READ), primaryPool);
            } catch (HikariPool.PoolInitializationException e) {
                throw PostgresErrorTranslator.translate(e, "connect to the read URL " + settings.replication().readUrl().orElseThrow() + " as " + settings.user());
            }
        }
    }

    @Provides
    @Singleton
    PostgresPoolMetrics poolMetrics(PostgresConnectionPool pool, Optional<ReplicaReads> replicas) {
        return new PostgresPoolMetrics(pool, replicas.map(ReplicaReads::pool));
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
    PostgresConfigStore configStore(PostgresConnectionPool pool, PostgresTransactions transactions, Optional<ReplicaReads> replicas) {
        if (replicas.isEmpty()) {
            return new PostgresConfigStore(transactions, Clock.systemUTC());
        }
        // Its own units of work on the primary pool: only configuration writes pay for recording their WAL position.
        PostgresTransactions recorded = new PostgresTransactions(pool, TransactionScope.ConnectionHook.NONE, replicas.get()::recordCommit);
        return new PostgresConfigStore(recorded, replicas, Clock.systemUTC());
    }

    @Provides
    @Singleton
    PostgresTradeStore tradeStore(PostgresTransactions transactions, AsyncWrites asyncWrites) {
        return new PostgresTradeStore(transactions, asyncWrites);
    }

    @Provides
    @Singleton
    PostgresHealthCheck healthCheck(PostgresConnectionPool pool, PostgresTransactions transactions, Optional<ReplicaReads> replicas) {
        return new PostgresHealthCheck(pool, transactions, replicas);
    }
}
