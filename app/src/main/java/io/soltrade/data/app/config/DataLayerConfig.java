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

    /** The {@code memory} profile alone: every port in memory, no server needed, no environment variable read. */
    public static DataLayerConfig inMemory() {
        return ConfigLoader.load("memory", Optional.empty(), Map.of());
    }

    /**
     * Loads profile {@code profile} ({@code memory} or {@code local}), then {@code file} over it when given, then
     * the {@code SOLTRADE_*} environment variables of this process over both.
     *
     * @throws ConfigurationException naming the key or variable at fault, e.g. an unknown {@code SOLTRADE_*}
     *     variable or a port whose adapter nothing chose
     */
    public static DataLayerConfig load(String profile, Optional<Path> file) {
        return load(profile, file, System.getenv());
    }

    /**
     * {@link #load(String, Optional)} with {@code environment} in place of this process's variables; a host whose
     * own variables share the {@code SOLTRADE_} prefix removes them first (every {@code SOLTRADE_*} variable is
     * read, and an unknown one is an error).
     */
    public static DataLayerConfig load(String profile, Optional<Path> file, Map<String, String> environment) {
        return ConfigLoader.load(profile, file, environment);
    }

    /**
     * Reads the {@code soltrade} section of a host's own Typesafe configuration (unresolved is fine), with the
     * defaults of {@code reference.conf} under it; it must choose every port's adapter. Environment variables are not
     * applied: the host decides its own overrides.
     */
    public static DataLayerConfig from(Config hostConfig) {
        return ConfigLoader.fromHost(hostConfig);
    }

    /**
     * The effective adapter of every port and the address of every backend in use, credentials masked: what the
     * data layer logs once when it starts, e.g. {@code trades=questdb, ..., feed=redis; postgres
     * jdbc:postgresql://db:5432/app (schema soltrade, user app); questdb ilp http::addr=quest:9000;, pg
     * jdbc:postgresql://quest:8812/qdb; redis redis://cache:6379 (namespace soltrade)}.
     */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<Port, Backend> entry : adapters.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(entry.getKey().key()).append('=').append(entry.getValue().key());
        }
        for (Backend backend : backendsInUse()) {
            out.append("; ").append(backend.key()).append(' ').append(address(backend));
        }
        return out.toString();
    }

    /**
     * Where {@code backend} is, credentials masked, e.g. {@code jdbc:postgresql://db:5432/app (schema soltrade, user
     * app)}: what start-up logs, the command line's summaries print and {@code /health} reports.
     */
    public String address(Backend backend) {
        return switch (backend) {
            case MEMORY -> "in this process";
            case POSTGRES -> Secret.mask(postgres.url()) + " (schema " + postgres.schema() + ", user " + postgres.user()
                    + postgres.replicas().readUrl().map(url -> ", reads that may lag on " + Secret.mask(url)).orElse("") + ")";
            case QUESTDB -> "ilp " + Secret.mask(questdb.ilp().reveal()) + ", pg " + Secret.mask(questdb.pgUrl());
            case REDIS -> (redis.clustered() ? "cluster " + redis.clusterNodes().replace(" ", "") : Secret.mask(redis.url()))
                    + " (namespace " + redis.namespace() + ")";
        };
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
