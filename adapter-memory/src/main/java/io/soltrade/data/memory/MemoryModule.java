package io.soltrade.data.memory;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.util.List;
import java.util.Objects;

/**
 * Binds every port to its in-memory store, each a singleton built from one {@link MemorySettings}. Each port
 * interface and its concrete class resolve to the same instance, so a host's test can inject
 * {@code MemoryTradeStore} to set a failure plan on the {@code TradeStore} the code under test uses. Contributes
 * a {@link HealthCheck} that follows the failure plans, and the live feed as its one {@link ManagedResource} (its ticker thread).
 */
public final class MemoryModule extends AbstractModule {
    private final MemorySettings settings;

    public MemoryModule() {
        this(MemorySettings.defaults());
    }

    public MemoryModule(MemorySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        bind(TradeStore.class).to(MemoryTradeStore.class);
        bind(PositionStore.class).to(MemoryPositionStore.class);
        bind(MetricsStore.class).to(MemoryMetricsStore.class);
        bind(MevEventStore.class).to(MemoryMevEventStore.class);
        bind(ConfigStore.class).to(MemoryConfigStore.class);
        bind(PriceCache.class).to(MemoryPriceCache.class);
        bind(PoolStateCache.class).to(MemoryPoolStateCache.class);
        bind(EventStream.class).to(MemoryEventStream.class);
        bind(LiveFeed.class).to(MemoryLiveFeed.class);
        Multibinder.newSetBinder(binder(), ManagedResource.class);
    }

    @Provides
    @Singleton
    MemoryTradeStore tradeStore() {
        return new MemoryTradeStore(settings);
    }

    @Provides
    @Singleton
    MemoryPositionStore positionStore() {
        return new MemoryPositionStore(settings);
    }

    @Provides
    @Singleton
    MemoryMetricsStore metricsStore() {
        return new MemoryMetricsStore(settings);
    }

    @Provides
    @Singleton
    MemoryMevEventStore mevEventStore() {
        return new MemoryMevEventStore(settings);
    }

    @Provides
    @Singleton
    MemoryConfigStore configStore() {
        return new MemoryConfigStore(settings);
    }

    @Provides
    @Singleton
    MemoryPriceCache priceCache() {
        return new MemoryPriceCache(settings);
    }

    @Provides
    @Singleton
    MemoryPoolStateCache poolStateCache() {
        return new MemoryPoolStateCache(settings);
    }

    @Provides
    @Singleton
    MemoryEventStream eventStream() {
        return new MemoryEventStream(settings);
    }

    @Provides
    @Singleton
    MemoryLiveFeed liveFeed() {
        return new MemoryLiveFeed(settings);
    }

    /** The feed's ticker thread is the one thing here to stop: close() delivers what is pending first. */
    @ProvidesIntoSet
    @Singleton
    ManagedResource liveFeedResource(MemoryLiveFeed feed) {
        return feed;
    }

    @ProvidesIntoSet
    @Singleton
    HealthCheck healthCheck(MemoryTradeStore trades, MemoryPositionStore positions, MemoryMetricsStore metrics,
                            MemoryMevEventStore mevEvents, MemoryConfigStore config, MemoryPriceCache prices,
                            MemoryPoolStateCache pools, MemoryEventStream streams, MemoryLiveFeed feed) {
        return new MemoryHealthCheck(List.of(trades, positions, metrics, mevEvents, config, prices, pools, streams, feed));
    }
}
