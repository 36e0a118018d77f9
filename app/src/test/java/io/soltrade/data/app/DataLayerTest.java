package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.ConfigurationException;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.Port;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.memory.MemorySettings;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DataLayerTest {
    private final DataLayerConfig memory = DataLayerConfig.inMemory();

    @Test
    void theMemoryProfileServesEveryPortFromTheMemoryAdapterBehindTheDecorators() {
        try (DataLayer data = DataLayer.create(memory)) {
            assertThat(List.of(data.trades(), data.positions(), data.metrics(), data.mevEvents(), data.configStore(),
                    data.prices(), data.pools(), data.streams(), data.feed()))
                    .extracting(port -> port.getClass().getSimpleName())
                    .containsExactly("ResilientTradeStore", "ResilientPositionStore", "ResilientMetricsStore", "ResilientMevEventStore",
                            "ResilientConfigStore", "ResilientPriceCache", "ResilientPoolStateCache", "ResilientEventStream", "ResilientLiveFeed");
            assertThat(List.of(TradeStore.class, PositionStore.class, MetricsStore.class, MevEventStore.class, ConfigStore.class,
                    PriceCache.class, PoolStateCache.class, EventStream.class, LiveFeed.class))
                    .extracting(type -> data.adapter(Backend.MEMORY, type).getClass().getSimpleName())
                    .containsExactly("MemoryTradeStore", "MemoryPositionStore", "MemoryMetricsStore", "MemoryMevEventStore",
                            "MemoryConfigStore", "MemoryPriceCache", "MemoryPoolStateCache", "MemoryEventStream", "MemoryLiveFeed");
            assertThat(data.backends()).as("a backend no port uses is never started").containsExactly(Backend.MEMORY);

            data.trades().save(Samples.trade(1));
            assertThat(data.adapter(Backend.MEMORY, MemoryTradeStore.class).findById(Samples.trade(1).id())).isPresent();
        }
    }

    @Test
    void startingLogsEveryPortsAdapterAndEveryBackendsAddressOnce() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(DataLayer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (DataLayer data = DataLayer.create(memory)) {
            data.trades().save(Samples.trade(1));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).filteredOn(event -> event.getFormattedMessage().startsWith("starting data layer"))
                .singleElement()
                .satisfies(event -> assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.INFO))
                .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .isEqualTo("starting data layer: " + memory.summary());
        assertThat(memory.summary()).startsWith("trades=memory, positions=memory, metrics=memory").endsWith("; memory in this process");
    }

    @Test
    void aGuiceHostGetsTheDecoratedPortsOfOneDataLayer() {
        Injector host = Guice.createInjector(new DataLayerModule(memory));
        DataLayer data = host.getInstance(DataLayer.class);
        try {
            assertThat(host.getInstance(TradeStore.class)).isSameAs(data.trades());
            assertThat(data.trades().getClass().getSimpleName()).isEqualTo("ResilientTradeStore");
            assertThat(host.getInstance(LiveFeed.class)).isSameAs(data.feed());
            assertThat(host.getInstance(DataLayer.class)).isSameAs(data);
        } finally {
            data.close();
        }
    }

    @Test
    void aGuiceHostFindsOneHealthCheckPerBackendInItsOwnSetBesideItsOwnChecks() {
        HealthCheck hostCheck = new HealthCheck() {
            @Override
            public String backend() {
                return "host-cache";
            }

            @Override
            public HealthReport check() {
                return HealthReport.up("host-cache", java.time.Duration.ZERO, java.util.Map.of());
            }
        };
        Injector host = Guice.createInjector(new DataLayerModule(memory),
                binder -> Multibinder.newSetBinder(binder, HealthCheck.class).addBinding().toInstance(hostCheck));
        DataLayer data = host.getInstance(DataLayer.class);
        try {
            Set<HealthCheck> checks = host.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}));

            assertThat(checks).extracting(HealthCheck::backend).containsExactlyInAnyOrder("memory", "host-cache");
            assertThat(checks).filteredOn(check -> check.backend().equals("memory")).singleElement()
                    .isSameAs(data.healthChecks().get(0))
                    .satisfies(check -> assertThat(check.check().details()).containsEntry("circuit", "CLOSED"));
        } finally {
            data.close();
        }
    }

    @Test
    void aGuiceHostsBoundMeterRegistryReceivesTheMetrics() {
        SimpleMeterRegistry hostRegistry = new SimpleMeterRegistry();
        Injector host = Guice.createInjector(new DataLayerModule(memory), binder -> binder.bind(MeterRegistry.class).toInstance(hostRegistry));
        DataLayer data = host.getInstance(DataLayer.class);
        try {
            data.trades().save(Samples.trade(1));

            assertThat(data.meters()).isSameAs(hostRegistry);
            assertThat(hostRegistry.find("soltrade.port.calls").tag("port", "trades").timers()).isNotEmpty();
        } finally {
            data.close();
        }
    }

    @Test
    void closingRemovesTheMetersItRegisteredSoTheNextDataLayerOnTheSameRegistryReportsItsOwn() {
        SimpleMeterRegistry hostRegistry = new SimpleMeterRegistry();
        hostRegistry.counter("host.requests").increment();
        try (DataLayer first = DataLayer.create(memory, hostRegistry)) {
            first.trades().save(Samples.trade(1));
            first.prices().get(io.soltrade.data.domain.TokenSymbol.of("SOL"));
            assertThat(hostRegistry.get("soltrade.cache.misses").tag("cache", "prices").functionCounter().count()).isEqualTo(1);
        }

        assertThat(hostRegistry.getMeters()).extracting(meter -> meter.getId().getName())
                .containsExactly("host.requests");

        try (DataLayer second = DataLayer.create(memory, hostRegistry)) {
            second.prices().get(io.soltrade.data.domain.TokenSymbol.of("SOL"));
            second.prices().get(io.soltrade.data.domain.TokenSymbol.of("BONK"));
            assertThat(hostRegistry.get("soltrade.cache.misses").tag("cache", "prices").functionCounter().count()).isEqualTo(2);
        }
    }

    @Test
    void closingClosesResourcesInReverseOrderOfRegistrationAndReportsWhatWasNotDelivered() {
        List<String> closed = new CopyOnWriteArrayList<>();
        BackendModules modules = backend -> Modules.combine(new MemoryModule(), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder<ManagedResource> resources = Multibinder.newSetBinder(binder(), ManagedResource.class);
                resources.addBinding().toInstance(resource("pool", closed, null));
                resources.addBinding().toInstance(resource("batch writer", closed, "3 rows not delivered"));
            }
        });
        DataLayer data = DataLayer.create(memory, new SimpleMeterRegistry(), modules);

        List<String> problems = data.shutDown();

        assertThat(closed).containsSubsequence("batch writer", "pool");
        assertThat(problems).containsExactly("batch writer: 3 rows not delivered");
        assertThat(data.shutDown()).as("a second close does nothing").isEmpty();
        assertThat(closed).filteredOn("pool"::equals).hasSize(1);
    }

    @Test
    void aBackendThatCannotStartFailsCreationAndClosesTheBackendsAlreadyStarted() {
        List<String> closed = new CopyOnWriteArrayList<>();
        DataLayerConfig pricesOnRedis = memory.withAdapter(Port.PRICES, Backend.REDIS);
        BackendModules modules = backend -> backend == Backend.MEMORY
                ? Modules.combine(new MemoryModule(), binder -> Multibinder.newSetBinder(binder, ManagedResource.class)
                        .addBinding().toInstance(resource("memory resource", closed, null)))
                : new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(String.class).toProvider(() -> {
                            throw DbException.of(DbErrorKind.CONNECTION, "redis", "connection refused: 127.0.0.1:1");
                        }).asEagerSingleton();
                    }
                };

        assertThatThrownBy(() -> DataLayer.create(pricesOnRedis, new SimpleMeterRegistry(), modules))
                .isInstanceOf(DbException.class)
                .hasMessageContaining("connection refused");
        assertThat(closed).containsExactly("memory resource");
    }

    @Test
    void aDriverExceptionAnAdapterLetsOutAtStartBecomesAnUnavailableDbExceptionNamingTheBackend() {
        DataLayerConfig pricesOnRedis = memory.withAdapter(Port.PRICES, Backend.REDIS);
        BackendModules modules = backend -> backend == Backend.MEMORY ? new MemoryModule() : new AbstractModule() {
            @Override
            protected void configure() {
                bind(String.class).toProvider(() -> {
                    throw new IllegalStateException("Failed to initialize pool: Connection to 127.0.0.1:6379 refused");
                }).asEagerSingleton();
            }
        };

        assertThatThrownBy(() -> DataLayer.create(pricesOnRedis, new SimpleMeterRegistry(), modules))
                .isInstanceOf(DbException.class)
                .hasMessage("cannot start the redis backend: IllegalStateException: Failed to initialize pool: Connection to 127.0.0.1:6379 refused")
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.UNAVAILABLE))
                .satisfies(e -> assertThat(((DbException) e).backend()).isEqualTo("redis"));
    }

    @Test
    void aBackendWhoseAdapterLacksAPortFailsAtStartNamingTheKey() {
        BackendModules modules = backend -> new AbstractModule() {
            @Override
            protected void configure() {
                bind(TradeStore.class).toInstance(new MemoryTradeStore());
            }
        };

        assertThatThrownBy(() -> DataLayer.create(memory, new SimpleMeterRegistry(), modules))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("soltrade.adapters.positions: 'memory': the memory adapter in this build does not provide PositionStore");
    }

    @Test
    void aBackendModuleThatLeansOnAJustInTimeBindingFailsAtStart() {
        BackendModules modules = backend -> Modules.combine(new MemoryModule(), new AbstractModule() {
            @Provides
            Object clock(UnboundClock clock) {
                return clock;
            }
        });

        assertThatThrownBy(() -> DataLayer.create(memory, new SimpleMeterRegistry(), modules))
                .isInstanceOf(DbException.class)
                .hasMessageContaining("Explicit bindings are required and DataLayerTest$UnboundClock is not explicitly bound");
    }

    @Test
    void aBackendModuleWithADependencyCycleFailsAtStartInsteadOfGettingAProxy() {
        BackendModules modules = backend -> Modules.combine(new MemoryModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(Ping.class).to(PingAnswer.class).asEagerSingleton();
                bind(Pong.class).to(PongAnswer.class).asEagerSingleton();
            }
        });

        assertThatThrownBy(() -> DataLayer.create(memory, new SimpleMeterRegistry(), modules))
                .isInstanceOf(DbException.class)
                .hasMessageContaining("circular dependencies are disabled");
    }

    /** Injectable, but bound by no module: found just in time unless explicit bindings are required. */
    static final class UnboundClock {
        @Inject
        UnboundClock() {}
    }

    interface Ping {}

    interface Pong {}

    static final class PingAnswer implements Ping {
        @Inject
        PingAnswer(Pong pong) {}
    }

    static final class PongAnswer implements Pong {
        @Inject
        PongAnswer(Ping ping) {}
    }

    @Test
    void healthReportsABackendDownWhenItsStoresFailEveryCall() {
        BackendModules down = backend -> new MemoryModule(MemorySettings.defaults().withFailures(FailurePlan.alwaysTransient()));
        try (DataLayer healthy = DataLayer.create(memory); DataLayer failing = DataLayer.create(memory, new SimpleMeterRegistry(), down)) {
            assertThat(healthy.health()).extracting(HealthReport::state).containsOnly(HealthState.UP);
            assertThat(failing.health()).extracting(HealthReport::state).contains(HealthState.DOWN);
            assertThat(failing.health().get(0).details()).containsEntry("circuit", "CLOSED");
        }
    }

    private static ManagedResource resource(String name, List<String> closed, String undelivered) {
        return new ManagedResource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void close() {
                closed.add(name);
                if (undelivered != null) {
                    throw DbException.of(DbErrorKind.CLOSED, "memory", undelivered);
                }
            }
        };
    }
}
