package io.soltrade.data.reliability.support;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Message;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.ManagedResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * One adapter's Guice module running as a host runs it: its own injector (production stage, explicit bindings
 * only, no circular proxies), ports taken from it, and its {@link ManagedResource}s closed in reverse order of
 * registration on {@link #close()}. What a resource reported when it closed (for instance the rows a batch writer
 * could not deliver) is kept for the test to check.
 */
public final class RunningAdapter implements AutoCloseable {
    private final Injector injector;
    private final List<RuntimeException> closeFailures = new ArrayList<>();
    private boolean closed;

    private RunningAdapter(Injector injector) {
        this.injector = injector;
    }

    /**
     * Builds the injector, which starts the adapter (pools, migrations). A start that fails with the adapter's
     * {@link DbException} throws that exception, as a host unwrapping Guice's {@link CreationException} sees it.
     */
    public static RunningAdapter start(Module module) {
        try {
            return new RunningAdapter(Guice.createInjector(Stage.PRODUCTION, binder -> {
                binder.requireExplicitBindings();
                binder.disableCircularProxies();
            }, module));
        } catch (CreationException e) {
            for (Message message : e.getErrorMessages()) {
                if (message.getCause() instanceof DbException db) {
                    throw db;
                }
            }
            throw e;
        }
    }

    public <T> T port(Class<T> type) {
        return injector.getInstance(type);
    }

    public Set<HealthCheck> healthChecks() {
        return injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}));
    }

    public List<ManagedResource> resources() {
        return new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));
    }

    /** Closes every resource, last registered first; failures are collected, not thrown. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ManagedResource> reversed = resources();
        Collections.reverse(reversed);
        for (ManagedResource resource : reversed) {
            try {
                resource.close();
            } catch (RuntimeException e) {
                closeFailures.add(e);
            }
        }
    }

    /** What resources threw when closed (empty when everything was delivered). */
    public synchronized List<RuntimeException> closeFailures() {
        return List.copyOf(closeFailures);
    }
}
