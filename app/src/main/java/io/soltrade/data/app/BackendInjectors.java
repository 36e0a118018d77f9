package io.soltrade.data.app;

import com.google.inject.Binder;
import com.google.inject.Binding;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Message;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.Port;
import io.soltrade.data.app.config.Secret;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.ManagedResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Guice injector per backend in use, so that two adapter modules binding the same port interface never
 * meet. Injectors are built in {@link Stage#PRODUCTION} with explicit bindings only and no circular proxies:
 * singletons (pools, batch writers, migrations) are created at start-up, and a backend that cannot start, or whose
 * module misses a binding, fails here rather than at first use.
 */
final class BackendInjectors {
    private static final Logger LOG = LoggerFactory.getLogger(BackendInjectors.class);
    private static final Key<Set<ManagedResource>> RESOURCES = Key.get(new TypeLiteral<>() {});
    private static final Key<Set<HealthCheck>> HEALTH_CHECKS = Key.get(new TypeLiteral<>() {});
    private static final Key<Set<MeterBinder>> METER_BINDERS = Key.get(new TypeLiteral<>() {});

    private final Map<Backend, Injector> injectors;
    private final List<ManagedResource> resources;

    private BackendInjectors(Map<Backend, Injector> injectors, List<ManagedResource> resources) {
        this.injectors = injectors;
        this.resources = resources;
    }

    /**
     * Starts {@code backends} in order. If one fails, the resources of those already started are closed and the
     * failure is rethrown: as the {@link DbException} or configuration error that caused it where there is one,
     * else (an adapter let a driver exception out of its module) as a {@link DbException} of kind UNAVAILABLE
     * naming the backend, with the original as its cause.
     */
    static BackendInjectors start(Collection<Backend> backends, BackendModules modules) {
        Map<Backend, Injector> injectors = new EnumMap<>(Backend.class);
        List<ManagedResource> resources = new ArrayList<>();
        for (Backend backend : backends) {
            long start = System.nanoTime();
            if (backend != Backend.MEMORY) {
                LOG.info("starting the {} backend (connecting; a server that does not answer fails the start after its connect timeout)", backend);
            }
            try {
                Injector injector = Guice.createInjector(Stage.PRODUCTION, BackendInjectors::strict, modules.moduleFor(backend));
                injectors.put(backend, injector);
                resources.addAll(instances(injector, RESOURCES));
                LOG.debug("started backend {} in {} ms", backend, (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                new BackendInjectors(injectors, resources).close();
                throw startFailure(backend, e);
            }
        }
        return new BackendInjectors(injectors, resources);
    }

    /**
     * What every backend's injector is held to: only what its module binds (no just-in-time binding of a class that
     * happens to have an injectable constructor, which would hide a missing binding until first use) and no circular
     * proxy (a dependency cycle is an error at start-up, not a proxy that fails when called).
     */
    private static void strict(Binder binder) {
        binder.requireExplicitBindings();
        binder.disableCircularProxies();
    }

    /** The adapter {@code backend} binds for {@code port}, or a configuration error if it binds none. */
    <T> T port(Port port, Backend backend, Class<T> type) {
        Injector injector = injectors.get(backend);
        if (injector == null || injector.getExistingBinding(Key.get(type)) == null) {
            throw new io.soltrade.data.app.config.ConfigurationException(port.configPath(), "'" + backend.key() + "': the "
                    + backend.key() + " adapter in this build does not provide " + type.getSimpleName());
        }
        return injector.getInstance(type);
    }

    /** The meter binders every started backend's module contributed (pools, batch writers), in start order. */
    List<MeterBinder> meterBinders() {
        List<MeterBinder> binders = new ArrayList<>();
        injectors.values().forEach(injector -> binders.addAll(instances(injector, METER_BINDERS)));
        return binders;
    }

    /** Health checks contributed by {@code backend}'s module. */
    List<HealthCheck> healthChecks(Backend backend) {
        Injector injector = injectors.get(backend);
        return injector == null ? List.of() : List.copyOf(instances(injector, HEALTH_CHECKS));
    }

    /** What {@code backend}'s injector binds for {@code type}; see {@link DataLayer#adapter}. */
    <T> T adapter(Backend backend, Class<T> type) {
        Injector injector = injectors.get(backend);
        if (injector == null) {
            throw new IllegalArgumentException("backend " + backend + " was not started; started: " + injectors.keySet());
        }
        if (injector.getExistingBinding(Key.get(type)) == null) {
            throw new IllegalArgumentException("backend " + backend + " binds no " + type.getName());
        }
        return injector.getInstance(type);
    }

    /** What {@code backend}'s injector binds for {@code type}, if it binds one (settings an adapter module exposes). */
    <T> Optional<T> binding(Backend backend, Class<T> type) {
        Injector injector = injectors.get(backend);
        return injector == null || injector.getExistingBinding(Key.get(type)) == null ? Optional.empty() : Optional.of(injector.getInstance(type));
    }

    /**
     * Closes every managed resource in reverse order of registration and returns what could not be closed
     * cleanly (each resource's own report of what it could not deliver); never throws.
     */
    List<String> close() {
        List<String> problems = new ArrayList<>();
        for (int i = resources.size() - 1; i >= 0; i--) {
            ManagedResource resource = resources.get(i);
            long start = System.nanoTime();
            try {
                resource.close();
                LOG.debug("closed {} in {} ms", resource.name(), (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException e) {
                String problem = resource.name() + ": " + e.getMessage();
                LOG.warn("closing {} did not finish cleanly: {}", resource.name(), e.getMessage());
                problems.add(problem);
            }
        }
        resources.clear();
        return problems;
    }

    private static <T> Set<T> instances(Injector injector, Key<Set<T>> key) {
        Binding<Set<T>> binding = injector.getExistingBinding(key);
        return binding == null ? Set.of() : binding.getProvider().get();
    }

    private static RuntimeException startFailure(Backend backend, RuntimeException e) {
        if (e instanceof io.soltrade.data.app.config.ConfigurationException || e instanceof DbException) {
            return e;
        }
        Collection<Message> messages = e instanceof CreationException creation ? creation.getErrorMessages()
                : e instanceof ProvisionException provision ? provision.getErrorMessages()
                : e instanceof ConfigurationException configuration ? configuration.getErrorMessages()
                : List.of();
        for (Message message : messages) {
            Throwable cause = message.getCause();
            while (cause != null) {
                if (cause instanceof DbException || cause instanceof io.soltrade.data.app.config.ConfigurationException) {
                    return (RuntimeException) cause;
                }
                if (cause instanceof IllegalArgumentException invalid) {
                    return new io.soltrade.data.app.config.ConfigurationException("soltrade." + backend.key(), invalid.getMessage(), invalid);
                }
                cause = cause.getCause();
            }
        }
        Throwable first = messages.stream().map(Message::getCause).filter(java.util.Objects::nonNull).findFirst().orElse(e);
        return DbException.of(DbErrorKind.UNAVAILABLE, backend.key(), "cannot start the " + backend.key() + " backend: "
                + first.getClass().getSimpleName() + ": " + Secret.mask(first.getMessage()), null, e);
    }
}
