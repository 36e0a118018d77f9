package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a {@link DataLayerConfig} from layers, highest first: {@code SOLTRADE_*} environment variables, a
 * file, a profile, then {@code reference.conf} (which lists every key). Like Airlift's bootstrap, a key that
 * {@code reference.conf} does not list is an error, so a typo fails at start-up instead of being ignored; so
 * does a value of the wrong type or out of range, and every message names the key and where it was set.
 * {@code reference.conf} lists the {@code soltrade.adapters.*} keys without a value: the adapter of each port is
 * the one setting the library never chooses for its host.
 */
final class ConfigLoader {
    static final String ROOT = "soltrade";
    static final List<String> PROFILES = List.of("memory", "local");
    private static final String PROFILE_RESOURCE = "soltrade/profiles/%s.conf";

    private ConfigLoader() {}

    static DataLayerConfig load(String profile, Optional<Path> file, Map<String, String> env) {
        Config reference = reference();
        Config profileLayer = profile(profile);
        Config fileLayer = file.map(ConfigLoader::file).orElseGet(ConfigFactory::empty);
        List<ConfigurationException> problems = new ArrayList<>();
        Config environmentLayer = ConfigFactory.empty();
        try {
            rejectUnknownKeys(profileLayer, reference);
        } catch (ConfigurationException e) {
            problems.add(e);
        }
        try {
            rejectUnknownKeys(fileLayer, reference);
        } catch (ConfigurationException e) {
            problems.add(e);
        }
        try {
            environmentLayer = EnvironmentVariables.layer(env);
        } catch (ConfigurationException e) {
            problems.add(e);
        }
        Config merged = environmentLayer.withFallback(fileLayer).withFallback(profileLayer).withFallback(reference);
        try {
            DataLayerConfig config = SettingsReader.read(resolve(merged));
            if (problems.isEmpty()) {
                return config;
            }
        } catch (ConfigurationException e) {
            problems.add(e);
        }
        throw ConfigurationException.of(problems);
    }

    static DataLayerConfig fromHost(Config hostConfig) {
        Config resolved = resolve(hostConfig);
        Config ours = resolved.hasPath(ROOT) ? resolved.withOnlyPath(ROOT) : ConfigFactory.empty();
        Config reference = reference();
        List<ConfigurationException> problems = new ArrayList<>();
        try {
            rejectUnknownKeys(ours, reference);
        } catch (ConfigurationException e) {
            problems.add(e);
        }
        try {
            DataLayerConfig config = SettingsReader.read(resolve(ours.withFallback(reference)));
            if (problems.isEmpty()) {
                return config;
            }
        } catch (ConfigurationException e) {
            problems.add(e);
        }
        throw ConfigurationException.of(problems);
    }

    static Config reference() {
        return ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), "reference.conf",
                ConfigParseOptions.defaults().setAllowMissing(false));
    }

    private static Config profile(String name) {
        if (name == null || !PROFILES.contains(name)) {
            throw new ConfigurationException("profile", "'" + name + "' is not a profile; available: "
                    + String.join(", ", PROFILES) + " (or give a file with --config)");
        }
        return ConfigFactory.parseResources(ConfigLoader.class.getClassLoader(), PROFILE_RESOURCE.formatted(name),
                ConfigParseOptions.defaults().setAllowMissing(false));
    }

    private static Config file(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException("config", "file " + path + " does not exist or is not a file");
        }
        try {
            return ConfigFactory.parseFile(path.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
        } catch (ConfigException e) {
            throw new ConfigurationException("config", "file " + path + " is not valid HOCON: " + e.getMessage(), e);
        }
    }

    private static Config resolve(Config config) {
        try {
            return config.resolve();
        } catch (ConfigException.UnresolvedSubstitution e) {
            throw new ConfigurationException(ROOT, "a substitution cannot be resolved: " + e.getMessage(), e);
        }
    }

    /** Fails naming every key of {@code layer} that {@code reference} does not list as a setting, in key order. */
    static void rejectUnknownKeys(Config layer, Config reference) {
        List<String> known = knownKeys(reference);
        Map<String, ConfigValue> sorted = new TreeMap<>();
        layer.entrySet().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        List<ConfigurationException> unknown = new ArrayList<>();
        sorted.forEach((key, value) -> {
            if (!known.contains(key)) {
                String hint = ClosestName.to(key, known).map(k -> "; did you mean " + k + "?").orElse("");
                unknown.add(new ConfigurationException(key, "unknown key (set in " + value.origin().description() + ")" + hint));
            }
        });
        if (!unknown.isEmpty()) {
            throw ConfigurationException.of(unknown);
        }
    }

    /** Every setting {@code reference.conf} lists, including those it lists without a value. */
    static List<String> knownKeys() {
        return knownKeys(reference());
    }

    private static List<String> knownKeys(Config reference) {
        TreeSet<String> known = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> entry : reference.entrySet()) {
            if (entry.getValue().valueType() != ConfigValueType.OBJECT) {
                known.add(entry.getKey());
            }
        }
        for (Port port : Port.values()) {
            if (reference.hasPathOrNull(port.configPath())) {
                known.add(port.configPath());
            }
        }
        return List.copyOf(known);
    }
}
