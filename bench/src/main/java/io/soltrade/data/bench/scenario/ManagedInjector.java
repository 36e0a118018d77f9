package io.soltrade.data.bench.scenario;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.soltrade.data.ports.ManagedResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One adapter module's injector, as a host builds it, plus the host's half of the lifecycle: {@link #close()}
 * closes the module's {@link ManagedResource}s in reverse order of registration.
 */
final class ManagedInjector implements AutoCloseable {
    private final Injector injector;

    ManagedInjector(Module module) {
        this.injector = Guice.createInjector(module);
    }

    <T> T get(Class<T> type) {
        return injector.getInstance(type);
    }

    /** Closes every resource, even after one fails; the first failure is thrown with the others suppressed. */
    @Override
    public void close() {
        List<ManagedResource> resources = new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() { })));
        RuntimeException failure = null;
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
