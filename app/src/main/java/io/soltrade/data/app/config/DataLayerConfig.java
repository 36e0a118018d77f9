package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole data-layer configuration, validated: which backend serves each {@link Port}, how to reach each
 * server, and the resilience policy. Built once at start-up by {@link #load}; an invalid configuration never
 * gets this far (a {@link ConfigurationException} names the key). Printing it never prints a secret.
 */
public record DataLayerConfig(
        Map<Port, Backend> adapters,
        PostgresConnection postgres,
        QuestDbConnection questdb,
        RedisConnection redis,
        ResiliencePolicy resilience) {

    public DataLayerConfig {
        ConfigChecks.present(adapters, "soltrade.adapters");
        EnumMap<Port, Backend> copy = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            Backend backend = ConfigChecks.present(adapters.get(port), port.configPath());
            if (!port.backends().contains(backend)) {
                throw new ConfigurationException(port.configPath(), "'" + backend + "' has no adapter for " + port.key()
                        + "; available: " + port.backends().stream().map(Backend::key).collect(Collectors.joining(", ")));
            }
            copy.put(port, backend);
        }
        adapters = Collections.unmodifiableMap(copy);
        ConfigChecks.present(postgres, "soltrade.postgres");
        ConfigChecks.present(questdb, "soltrade.questdb");
        ConfigChecks.present(redis, "soltrade.redis");
        ConfigChecks.present(resilience, "soltrade.resilience");
    }

    /** The defaults: the {@code memory} profile, every port in memory, no server needed. */
    public static DataLayerConfig defaults() {
        return ConfigLoader.load("memory", Optional.empty(), Map.of());
    }

    /**
     * Loads profile {@code profile} ({@code memory} or {@code local}), then {@code file} over it when given, then
     * the {@code SOLTRADE_*} environment variables over both.
     */
    public static DataLayerConfig load(String profile, Optional<Path> file) {
        return ConfigLoader.load(profile, file, System.getenv());
    }

    /**
     * Reads the {@code soltrade} section of a host's own Typesafe configuration (unresolved is fine), with our
     * defaults under it. Environment variables are not applied: the host decides its own overrides.
     */
    public static DataLayerConfig from(Config hostConfig) {
        return ConfigLoader.fromHost(hostConfig);
    }

    public Backend backendOf(Port port) {
        return adapters.get(port);
    }

    /** The backends at least one port uses, in {@link Backend} order. */
    public Set<Backend> backendsInUse() {
        EnumSet<Backend> used = EnumSet.noneOf(Backend.class);
        used.addAll(adapters.values());
        return Collections.unmodifiableSet(used);
    }

    /** This configuration with {@code port} served by {@code backend}. */
    public DataLayerConfig withAdapter(Port port, Backend backend) {
        EnumMap<Port, Backend> changed = new EnumMap<>(adapters);
        changed.put(port, backend);
        return new DataLayerConfig(changed, postgres, questdb, redis, resilience);
    }
}
