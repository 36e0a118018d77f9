package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code SOLTRADE_*} environment variables as a configuration layer. Three kinds: the connection settings and
 * secrets of {@link EnvironmentOverride}; {@code SOLTRADE_ADAPTERS_<PORT>} ({@code questdb}, {@code postgres},
 * {@code redis} or {@code memory}) choosing one port's adapter; and {@code SOLTRADE_ADAPTERS} choosing every port's at
 * once ({@code memory}: all in memory; {@code servers}: each port on its server, as the {@code local} profile does),
 * which a port's own variable overrides.
 *
 * <p>The {@code SOLTRADE_} prefix belongs to the data layer: a variable with it that is none of these is an error
 * naming the closest known variable, so a typo ({@code SOLTRADE_PG_PASWORD}) never silently leaves a setting at its
 * default. Each value keeps its variable as its origin, so a bad one is reported with the variable's name.
 */
final class EnvironmentVariables {
    static final String PREFIX = "SOLTRADE_";
    static final String ALL_ADAPTERS = "SOLTRADE_ADAPTERS";
    static final List<String> ALL_ADAPTERS_VALUES = List.of("memory", "servers");

    private EnvironmentVariables() {}

    /** The variable that chooses {@code port}'s adapter, e.g. {@code SOLTRADE_ADAPTERS_TRADES}. */
    static String adapterVariable(Port port) {
        return ALL_ADAPTERS + "_" + port.key().toUpperCase(Locale.ROOT);
    }

    /** Every variable the data layer reads, in documentation order. */
    static List<String> known() {
        List<String> names = new ArrayList<>();
        for (EnvironmentOverride override : EnvironmentOverride.values()) {
            names.add(override.name());
        }
        names.add(ALL_ADAPTERS);
        for (Port port : Port.values()) {
            names.add(adapterVariable(port));
        }
        return names;
    }

    /** The layer {@code env} sets; fails on the first unknown {@code SOLTRADE_*} variable or a bad {@code SOLTRADE_ADAPTERS}. */
    static Config layer(Map<String, String> env) {
        rejectUnknown(env);
        Map<String, Map.Entry<String, String>> values = new LinkedHashMap<>(); // path -> (variable, value)
        String all = env.get(ALL_ADAPTERS);
        if (all != null) {
            for (Port port : Port.values()) {
                values.put(port.configPath(), Map.entry(ALL_ADAPTERS, allAdapters(all.strip(), port)));
            }
        }
        for (Port port : Port.values()) {
            String value = env.get(adapterVariable(port));
            if (value != null) {
                values.put(port.configPath(), Map.entry(adapterVariable(port), value.strip()));
            }
        }
        for (EnvironmentOverride override : EnvironmentOverride.values()) {
            String value = env.get(override.name());
            if (value != null) {
                values.put(override.path(), Map.entry(override.name(), value));
            }
        }
        Config layer = ConfigFactory.empty();
        for (Map.Entry<String, Map.Entry<String, String>> entry : values.entrySet()) {
            String variable = entry.getValue().getKey();
            layer = ConfigFactory.parseMap(Map.of(entry.getKey(), entry.getValue().getValue()), "environment variable " + variable)
                    .withFallback(layer);
        }
        return layer;
    }

    private static String allAdapters(String value, Port port) {
        return switch (value) {
            case "memory" -> Backend.MEMORY.key();
            case "servers" -> port.backends().get(0).key();
            default -> throw new ConfigurationException(ALL_ADAPTERS, "'" + value + "' is not one of " + String.join(", ", ALL_ADAPTERS_VALUES)
                    + " (memory: every port in memory; servers: each port on its server); choose one port with "
                    + ALL_ADAPTERS + "_<PORT>");
        };
    }

    private static void rejectUnknown(Map<String, String> env) {
        List<String> known = known();
        TreeSet<String> unknown = new TreeSet<>();
        for (String name : env.keySet()) {
            if (name.startsWith(PREFIX) && !known.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            String name = unknown.first();
            String hint = ClosestName.to(name, known).map(k -> "; did you mean " + k + "?").orElse("; known: " + String.join(", ", known));
            throw new ConfigurationException(name, "unknown environment variable (the SOLTRADE_ prefix belongs to the data layer)" + hint);
        }
    }
}
