package io.soltrade.data.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.util.Objects;

/**
 * The data layer for Guice hosts: {@code Guice.createInjector(new DataLayerModule(config), hostModule)} gives
 * every port, each from the adapter the configuration selects and wrapped in the resilience decorators.
 *
 * <p>The adapters' own modules are not installed into the host's injector: each chosen backend gets an injector
 * of its own (see {@link DataLayer}), so two adapters binding the same interface never meet, and the host sees
 * only the decorated ports. The {@link DataLayer} is an eager singleton, so a backend that cannot start fails
 * the host's injector creation; the host closes it ({@code injector.getInstance(DataLayer.class).close()}).
 */
public final class DataLayerModule extends AbstractModule {
    private final DataLayerConfig config;
    private final MeterRegistry meters;

    public DataLayerModule(DataLayerConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    public DataLayerModule(DataLayerConfig config, MeterRegistry meters) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.meters = Objects.requireNonNull(meters, "meters is null");
    }

    @Override
    protected void configure() {
        bind(DataLayerConfig.class).toInstance(config);
        bind(DataLayer.class).toProvider(() -> DataLayer.create(config, meters)).asEagerSingleton();
    }

    @Provides
    TradeStore trades(DataLayer layer) {
        return layer.trades();
    }

    @Provides
    PositionStore positions(DataLayer layer) {
        return layer.positions();
    }

    @Provides
    MetricsStore metrics(DataLayer layer) {
        return layer.metrics();
    }

    @Provides
    MevEventStore mevEvents(DataLayer layer) {
        return layer.mevEvents();
    }

    @Provides
    ConfigStore configStore(DataLayer layer) {
        return layer.configStore();
    }

    @Provides
    PriceCache prices(DataLayer layer) {
        return layer.prices();
    }

    @Provides
    PoolStateCache pools(DataLayer layer) {
        return layer.pools();
    }

    @Provides
    EventStream streams(DataLayer layer) {
        return layer.streams();
    }

    @Provides
    LiveFeed feed(DataLayer layer) {
        return layer.feed();
    }
}
