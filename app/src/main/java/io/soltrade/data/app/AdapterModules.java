package io.soltrade.data.app;

import com.google.inject.Module;
import io.soltrade.data.memory.MemoryModule;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The adapters' own Guice modules, each built from its settings in the {@link DataLayerConfig}. A backend whose
 * adapter is not part of this build fails here, at start-up, naming the first key that selected it.
 */
final class AdapterModules implements BackendModules {
    /** The backends this build has adapters for. */
    static final List<Backend> AVAILABLE = List.of(Backend.MEMORY);

    private final DataLayerConfig config;

    AdapterModules(DataLayerConfig config) {
        this.config = config;
    }

    @Override
    public Module moduleFor(Backend backend) {
        return switch (backend) {
            case MEMORY -> new MemoryModule();
            case POSTGRES, QUESTDB, REDIS -> throw notInThisBuild(backend);
        };
    }

    private ConfigurationException notInThisBuild(Backend backend) {
        Port port = config.adapters().entrySet().stream().filter(e -> e.getValue() == backend).map(java.util.Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no port uses " + backend));
        String available = port.backends().stream().filter(AVAILABLE::contains).map(Backend::key).collect(Collectors.joining(", "));
        return new ConfigurationException(port.configPath(), "'" + backend.key() + "': the " + backend.key()
                + " adapter is not part of this build yet; available for " + port.key() + ": " + available);
    }
}
