package io.soltrade.data.app;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.util.Objects;
import java.util.Optional;

/**
 * The data layer for Guice hosts: {@code Guice.createInjector(new DataLayerModule(config), hostModule)} gives
 * every port, each from the adapter the configuration selects and wrapped in the resilience decorators, and one
 * {@link HealthCheck} per backend in use in the host's {@code Set<HealthCheck>} (a host may add its own to the
 * same set with a {@link Multibinder}).
 *
 * <p>Metrics go to the host's {@link MeterRegistry}: the one given to the constructor, else the one the host's
 * injector binds, else a registry of the data layer's own (see {@link DataLayer#meters()}).
 *
 * <p>The adapters' own modules are not installed into the host's injector: each chosen backend gets an injector
 * of its own (see {@link DataLayer}), so two adapters binding the same interface never meet, and the host sees
 * only the decorated ports. The {@link DataLayer} is an eager singleton, so a backend that cannot start fails
 * the host's injector creation; the host closes it ({@code injector.getInstance(DataLayer.class).close()}).
 */
public final class DataLayerModule extends AbstractModule {
    private final DataLayerConfig config;
    private final MeterRegistry meters;

    /** The data layer {@code config} describes, reporting to the host's bound {@link MeterRegistry} if there is one. */
    public DataLayerModule(DataLayerConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.meters = null;
    }

    /** The data layer {@code config} describes, reporting to {@code meters}. */
    public DataLayerModule(DataLayerConfig config, MeterRegistry meters) {
        this.config = Objects.requireNonNull(config, "config is null");
        this.meters = Objects.requireNonNull(meters, "meters is null");
    }

    @Override
    protected void configure() {
        bind(DataLayerConfig.class).toInstance(config);
        OptionalBinder.newOptionalBinder(binder(), MeterRegistry.class);
        bind(DataLayer.class).toProvider(new Starter(config, meters)).asEagerSingleton();
        Multibinder<HealthCheck> healthChecks = Multibinder.newSetBinder(binder(), HealthCheck.class);
        for (int index = 0; index < config.backendsInUse().size(); index++) {
            healthChecks.addBinding().toProvider(new HealthCheckOf(index));
        }
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

    /** Starts the data layer with the registry given, else the host's, else its own. */
    private static final class Starter implements Provider<DataLayer> {
        private final DataLayerConfig config;
        private final MeterRegistry given;
        @Inject
        private Optional<MeterRegistry> bound;

        Starter(DataLayerConfig config, MeterRegistry given) {
            this.config = config;
            this.given = given;
        }

        @Override
        public DataLayer get() {
            MeterRegistry registry = given != null ? given : bound.orElse(null);
            return registry == null ? DataLayer.create(config) : DataLayer.create(config, registry);
        }
    }

    /** The health check of the {@code index}-th backend in use. */
    private static final class HealthCheckOf implements Provider<HealthCheck> {
        private final int index;
        @Inject
        private Provider<DataLayer> layer;

        HealthCheckOf(int index) {
            this.index = index;
        }

        @Override
        public HealthCheck get() {
            return layer.get().healthChecks().get(index);
        }
    }
}
