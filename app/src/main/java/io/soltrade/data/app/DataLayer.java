package io.soltrade.data.app;

import com.google.inject.Module;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.Port;
import io.soltrade.data.app.health.BackendHealth;
import io.soltrade.data.app.metrics.CacheMeters;
import io.soltrade.data.app.resilience.AdapterRetries;
import io.soltrade.data.app.resilience.ResilientPorts;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
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
 *
 * <p>Thread-safe: the ports may be used from any thread; {@link #close()} once, at shutdown.
 */
public final class DataLayer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataLayer.class);

    private final DataLayerConfig config;
    private final MeterRegistry meters;
    private final BackendInjectors backends;
    private final ResilientPorts resilience;
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
    private final List<Meter.Id> boundMeters;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DataLayer(DataLayerConfig config, MeterRegistry meters, BackendInjectors backends, ResilientPorts resilience,
            Set<Meter.Id> metersBefore) {
        this.config = config;
        this.meters = meters;
        this.backends = backends;
        this.resilience = resilience;
        this.trades = resilience.trades(config.backendOf(Port.TRADES), port(Port.TRADES, TradeStore.class));
        this.positions = resilience.positions(config.backendOf(Port.POSITIONS), port(Port.POSITIONS, PositionStore.class));
        this.metrics = resilience.metrics(config.backendOf(Port.METRICS), port(Port.METRICS, MetricsStore.class));
        this.mevEvents = resilience.mevEvents(config.backendOf(Port.MEV), port(Port.MEV, MevEventStore.class));
        this.configStore = resilience.configStore(config.backendOf(Port.CONFIG), port(Port.CONFIG, ConfigStore.class));
        this.prices = resilience.prices(config.backendOf(Port.PRICES), port(Port.PRICES, PriceCache.class));
        this.pools = resilience.pools(config.backendOf(Port.POOLS), port(Port.POOLS, PoolStateCache.class));
        this.streams = resilience.streams(config.backendOf(Port.STREAMS), port(Port.STREAMS, EventStream.class));
        this.feed = resilience.feed(config.backendOf(Port.FEED), port(Port.FEED, LiveFeed.class));
        List<HealthCheck> checks = new ArrayList<>();
        for (Backend backend : config.backendsInUse()) {
            checks.add(BackendHealth.of(backend, backends.healthChecks(backend), resilience.breaker(backend)));
        }
        this.healthChecks = List.copyOf(checks);
        CacheMeters.bind(meters, "prices", prices, PriceCache::stats);
        CacheMeters.bind(meters, "pools", pools, PoolStateCache::stats);
        // The adapters' own figures (pools, batch writer), which only they can read.
        backends.meterBinders().forEach(binder -> binder.bindTo(meters));
        // What this data layer registered, so that closing it leaves no meter reading closed pools in the host's registry.
        this.boundMeters = meters.getMeters().stream().map(Meter::getId).filter(id -> !metersBefore.contains(id)).toList();
    }

    /** Starts the data layer {@code config} describes, with a meter registry of its own. */
    public static DataLayer create(DataLayerConfig config) {
        return builder(config).start();
    }

    /** Starts the data layer {@code config} describes, publishing its metrics to the host's {@code meters}. */
    public static DataLayer create(DataLayerConfig config, MeterRegistry meters) {
        return builder(config).meters(meters).start();
    }

    /** A data layer of {@code config} with more choices than {@link #create}: see {@link Builder}. */
    public static Builder builder(DataLayerConfig config) {
        return new Builder(config);
    }

    static DataLayer create(DataLayerConfig config, MeterRegistry meters, BackendModules modules) {
        Objects.requireNonNull(config, "config is null");
        Objects.requireNonNull(meters, "meters is null");
        Objects.requireNonNull(modules, "modules is null");
        LOG.info("starting data layer: {}", config.summary());
        Set<Meter.Id> metersBefore = meters.getMeters().stream().map(Meter::getId).collect(Collectors.toSet());
        BackendInjectors backends = BackendInjectors.start(config.backendsInUse(), modules);
        ResilientPorts resilience;
        try {
            Map<Backend, AdapterRetries> adapterRetries = new EnumMap<>(Backend.class);
            config.backendsInUse().forEach(backend -> adapterRetries.put(backend, SelfRetriedOperations.of(backend, backends)));
            resilience = new ResilientPorts(config.resilience(), adapterRetries, meters);
        } catch (RuntimeException e) {
            backends.close();
            throw e;
        }
        try {
            DataLayer layer = new DataLayer(config, meters, backends, resilience, metersBefore);
            layer.logHealthAtStart();
            return layer;
        } catch (RuntimeException e) {
            backends.close();
            resilience.close();
            throw e;
        }
    }

    /** Checks every backend once at start-up, so that a server that answers badly shows in the log before first use. */
    private void logHealthAtStart() {
        for (HealthReport report : health()) {
            if (report.state() == HealthState.UP) {
                LOG.debug("{} is UP ({} ms)", report.backend(), report.latency().toMillis());
            } else {
                LOG.warn("{} is {} at start-up: {}", report.backend(), report.state(), report.error().orElse(report.details().toString()));
            }
        }
    }

    private <T> T port(Port port, Class<T> type) {
        return backends.port(port, config.backendOf(port), type);
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

    /** Where call, retry, circuit-breaker, cache, pool and writer metrics go; closing removes the meters it registered. */
    public MeterRegistry meters() {
        return meters;
    }

    /**
     * One health check per backend in use, in {@link Backend} order: the checks its adapter contributed with the
     * backend's circuit breaker folded in (an open breaker is DOWN, a half-open one DEGRADED).
     */
    public List<HealthCheck> healthChecks() {
        return healthChecks;
    }

    /** Checks every backend in use now: one report per backend. */
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
        } catch (DbException e) {
            return List.of(HealthReport.down(backend.key(), Duration.ofNanos(System.nanoTime() - start), e.getMessage()));
        }
        try {
            List<HealthCheck> checks = started.healthChecks(backend);
            return checks.isEmpty() ? List.of(HealthReport.up(backend.key(), Duration.ZERO, Map.of("check", "none contributed")))
                    : checks.stream().map(HealthCheck::check).toList();
        } finally {
            started.close();
        }
    }

    /** The backends this data layer started: those at least one port uses. */
    public Set<Backend> backends() {
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
        return backends.adapter(backend, type);
    }

    /**
     * Closes the adapters' resources in reverse order of registration, then the resilience scheduler, and removes
     * the meters this data layer registered from the host's registry. Logs what could not be delivered; a second
     * call does nothing.
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
        resilience.close();
        boundMeters.forEach(meters::remove);
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
        private final Map<Backend, Module> modules = new EnumMap<>(Backend.class);
        private MeterRegistry meters;

        private Builder(DataLayerConfig config) {
            this.config = Objects.requireNonNull(config, "config is null");
        }

        /** Where the data layer's metrics go (default: a registry of its own). */
        public Builder meters(MeterRegistry meters) {
            this.meters = Objects.requireNonNull(meters, "meters is null");
            return this;
        }

        /** Builds {@code backend} from {@code module} instead of its adapter's module. */
        public Builder module(Backend backend, Module module) {
            modules.put(Objects.requireNonNull(backend, "backend is null"), Objects.requireNonNull(module, "module is null"));
            return this;
        }

        /** Starts every backend the configuration uses; a backend that cannot start fails here, not at first use. */
        public DataLayer start() {
            AdapterModules adapters = new AdapterModules(config);
            Map<Backend, Module> chosen = new EnumMap<>(modules);
            return create(config, meters == null ? new SimpleMeterRegistry() : meters,
                    backend -> chosen.containsKey(backend) ? chosen.get(backend) : adapters.moduleFor(backend));
        }
    }
}
