package io.soltrade.data.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every store, for hosts without Guice: {@code try (DataLayer data = DataLayer.create(config)) { data.trades()... }}.
 *
 * <p>{@link #create} starts each backend the configuration uses (one Guice injector per backend, so adapter
 * modules never meet), takes each port from its chosen backend, and wraps it in the resilience decorators
 * (retry, circuit breaker, time limit; see app/README.md). Everything that can be wrong is found here, at
 * start-up. {@link #close()} closes the adapters' resources in reverse order of registration (batch writers
 * flush before the pools they write through close) and logs whatever could not be delivered.
 */
public final class DataLayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataLayer.class);

    private final DataLayerConfig config;
    private final MeterRegistry meters;
    private final BackendInjectors backends;
    private final BackendGuards guards;
    private final List<HealthCheck> healthChecks;
    private final TradeStore trades;
    private final PositionStore positions;
    private final MetricsStore metrics;
    private final MevEventStore mevEvents;
    private final ConfigStore configStore;
    private final PriceCache prices;
    private final PoolStateCache pools;
    private final EventStream streams;
    private final LiveFeed feed;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DataLayer(DataLayerConfig config, MeterRegistry meters, BackendInjectors backends, BackendGuards guards) {
        this.config = config;
        this.meters = meters;
        this.backends = backends;
        this.guards = guards;
        this.trades = new ResilientTradeStore(port(Port.TRADES, TradeStore.class), guard(Port.TRADES));
        this.positions = new ResilientPositionStore(port(Port.POSITIONS, PositionStore.class), guard(Port.POSITIONS));
        this.metrics = new ResilientMetricsStore(port(Port.METRICS, MetricsStore.class), guard(Port.METRICS));
        this.mevEvents = new ResilientMevEventStore(port(Port.MEV, MevEventStore.class), guard(Port.MEV));
        this.configStore = new ResilientConfigStore(port(Port.CONFIG, ConfigStore.class), guard(Port.CONFIG));
        this.prices = new ResilientPriceCache(port(Port.PRICES, PriceCache.class), guard(Port.PRICES));
        this.pools = new ResilientPoolStateCache(port(Port.POOLS, PoolStateCache.class), guard(Port.POOLS));
        this.streams = new ResilientEventStream(port(Port.STREAMS, EventStream.class), guard(Port.STREAMS));
        this.feed = new ResilientLiveFeed(port(Port.FEED, LiveFeed.class), guard(Port.FEED));
        this.healthChecks = healthChecks(config, backends, guards);
        CacheMeters.bind(meters, "prices", prices::stats);
        CacheMeters.bind(meters, "pools", pools::stats);
    }

    /** Starts the data layer {@code config} describes, with its own meter registry. */
    public static DataLayer create(DataLayerConfig config) {
        return create(config, new SimpleMeterRegistry());
    }

    /** Starts the data layer {@code config} describes, publishing call, retry, breaker and cache metrics to {@code meters}. */
    public static DataLayer create(DataLayerConfig config, MeterRegistry meters) {
        return create(config, meters, new AdapterModules(config));
    }

    /** A data layer of {@code config} with more choices than {@link #create}: see {@link Builder}. */
    public static Builder builder(DataLayerConfig config) {
        return new Builder(config);
    }

    static DataLayer create(DataLayerConfig config, MeterRegistry meters, BackendModules modules) {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(meters, "meters is null");
        Objects.requireNonNull(modules, "modules is null");
        LOG.info("starting data layer: {}", describe(config));
        BackendInjectors backends = BackendInjectors.start(config.backendsInUse(), modules);
        BackendGuards guards = new BackendGuards(config.resilience(), config.backendsInUse(), meters);
        try {
            DataLayer layer = new DataLayer(config, meters, backends, guards);
            layer.logHealthAtStart();
            return layer;
        } catch (RuntimeException e) {
            backends.close();
            guards.close();
            throw e;
        }
    }

    /** Checks every backend once at start-up, so that a server that answers badly shows in the log before first use. */
    private void logHealthAtStart() {
        for (HealthReport report : health()) {
            if (report.state() == io.soltrade.data.ports.HealthState.UP) {
                LOG.debug("{} is UP ({} ms)", report.backend(), report.latency().toMillis());
            } else {
                LOG.warn("{} is {} at start-up: {}", report.backend(), report.state(), report.error().orElse(report.details().toString()));
            }
        }
    }

    private <T> T port(Port port, Class<T> type) {
        return backends.port(port, config.backendOf(port), type);
    }

    private BackendGuard guard(Port port) {
        return guards.of(config.backendOf(port));
    }

    private static List<HealthCheck> healthChecks(DataLayerConfig config, BackendInjectors backends, BackendGuards guards) {
        List<HealthCheck> checks = new ArrayList<>();
        for (Backend backend : config.backendsInUse()) {
            List<HealthCheck> contributed = backends.healthChecks(backend);
            if (contributed.isEmpty()) {
                contributed = List.of(new NoHealthCheck(backend));
            }
            for (HealthCheck check : contributed) {
                checks.add(new GuardedHealthCheck(check, guards.of(backend).breaker()));
            }
        }
        return List.copyOf(checks);
    }

    private static String describe(DataLayerConfig config) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Port, Backend> entry : config.adapters().entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(entry.getKey().key()).append('=').append(entry.getValue().key());
        }
        return out.toString();
    }

    public DataLayerConfig config() {
        return config;
    }

    public TradeStore trades() {
        return trades;
    }

    public PositionStore positions() {
        return positions;
    }

    public MetricsStore metrics() {
        return metrics;
    }

    public MevEventStore mevEvents() {
        return mevEvents;
    }

    public ConfigStore configStore() {
        return configStore;
    }

    public PriceCache prices() {
        return prices;
    }

    public PoolStateCache pools() {
        return pools;
    }

    public EventStream streams() {
        return streams;
    }

    public LiveFeed feed() {
        return feed;
    }

    /** Where call, retry, circuit-breaker and cache metrics go. */
    public MeterRegistry meters() {
        return meters;
    }

    /** Checks every backend in use now: one report per health check, with the circuit breaker's state folded in. */
    public List<HealthReport> health() {
        return healthChecks.stream().map(HealthCheck::check).toList();
    }

    /**
     * Starts {@code backend} alone, checks it and closes it: what {@code health} reports per backend when the whole
     * data layer cannot start. A backend that cannot start is reported DOWN with the reason.
     */
    public static List<HealthReport> probe(DataLayerConfig config, Backend backend) {
        long start = System.nanoTime();
        BackendInjectors started;
        try {
            started = BackendInjectors.start(List.of(backend), new AdapterModules(config));
        } catch (io.soltrade.data.ports.DbException e) {
            return List.of(HealthReport.down(backend.key(), Duration.ofNanos(System.nanoTime() - start), e.getMessage()));
        }
        try {
            List<HealthCheck> checks = started.healthChecks(backend);
            return checks.isEmpty() ? List.of(new NoHealthCheck(backend).check()) : checks.stream().map(HealthCheck::check).toList();
        } finally {
            started.close();
        }
    }

    /** The backends this data layer started: those at least one port uses. */
    public java.util.Set<Backend> backends() {
        return config.backendsInUse();
    }

    /**
     * The adapter {@code backend} built for {@code type}, undecorated (no retry, breaker or metrics): for tests and
     * diagnostics that need the adapter itself, e.g. a memory store to give a failure plan. Ports are used through
     * {@link #trades()} and the other accessors.
     *
     * @throws IllegalArgumentException if {@code backend} was not started or binds no {@code type}
     */
    public <T> T adapter(Backend backend, Class<T> type) {
        com.google.inject.Injector injector = backends.injector(backend);
        if (injector == null || injector.getExistingBinding(com.google.inject.Key.get(type)) == null) {
            throw new IllegalArgumentException("backend " + backend + " " + (injector == null ? "was not started; started: " + backends()
                    : "binds no " + type.getSimpleName()));
        }
        return injector.getInstance(type);
    }

    /**
     * Closes the adapters' resources in reverse order of registration, then the resilience scheduler. Logs what
     * could not be delivered; a second call does nothing.
     */
    @Override
    public void close() {
        shutDown();
    }

    /** {@link #close()}, returning what each resource reported it could not deliver (empty: a clean shutdown). */
    List<String> shutDown() {
        if (!closed.compareAndSet(false, true)) {
            return List.of();
        }
        List<String> problems = backends.close();
        guards.close();
        if (problems.isEmpty()) {
            LOG.info("data layer closed cleanly");
        } else {
            LOG.warn("data layer closed; not delivered: {}", problems);
        }
        return problems;
    }

    /**
     * Starts a data layer with a meter registry of the host's and, where a test or a host needs it, its own Guice
     * module for a backend in place of the adapter module the configuration describes (a memory backend with a
     * failure plan, an adapter built with settings the configuration does not map).
     */
    public static final class Builder {
        private final DataLayerConfig config;
        private final java.util.EnumMap<Backend, com.google.inject.Module> modules = new java.util.EnumMap<>(Backend.class);
        private MeterRegistry meters = new SimpleMeterRegistry();

        private Builder(DataLayerConfig config) {
            this.config = Objects.requireNonNull(config, "config is null");
        }

        /** Where call, retry, breaker, cache, pool and writer metrics go (default: a registry of the data layer's own). */
        public Builder meters(MeterRegistry meters) {
            this.meters = Objects.requireNonNull(meters, "meters is null");
            return this;
        }

        /** Builds {@code backend} from {@code module} instead of its adapter's module. */
        public Builder module(Backend backend, com.google.inject.Module module) {
            modules.put(Objects.requireNonNull(backend, "backend is null"), Objects.requireNonNull(module, "module is null"));
            return this;
        }

        /** Starts every backend the configuration uses; see {@link DataLayer#create(DataLayerConfig, MeterRegistry)}. */
        public DataLayer start() {
            AdapterModules adapters = new AdapterModules(config);
            java.util.Map<Backend, com.google.inject.Module> chosen = new java.util.EnumMap<>(modules);
            return create(config, meters, backend -> chosen.containsKey(backend) ? chosen.get(backend) : adapters.moduleFor(backend));
        }
    }

    /** A backend whose module contributed no health check: only its circuit breaker says anything. */
    private static final class NoHealthCheck implements HealthCheck {
        private final Backend backend;

        NoHealthCheck(Backend backend) {
            this.backend = backend;
        }

        @Override
        public String backend() {
            return backend.key();
        }

        @Override
        public HealthReport check() {
            return HealthReport.up(backend.key(), Duration.ZERO, Map.of("check", "none contributed"));
        }
    }
}
