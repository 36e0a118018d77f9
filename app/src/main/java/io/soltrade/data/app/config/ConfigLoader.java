package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        rejectUnknownKeys(profileLayer, reference);
        rejectUnknownKeys(fileLayer, reference);
        Config merged = EnvironmentVariables.layer(env).withFallback(fileLayer).withFallback(profileLayer).withFallback(reference);
        return SettingsReader.read(resolve(merged));
    }

    static DataLayerConfig fromHost(Config hostConfig) {
        Config resolved = resolve(hostConfig);
        Config ours = resolved.hasPath(ROOT) ? resolved.withOnlyPath(ROOT) : ConfigFactory.empty();
        Config reference = reference();
        rejectUnknownKeys(ours, reference);
        return SettingsReader.read(resolve(ours.withFallback(reference)));
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

    /** Fails on the first key of {@code layer} that {@code reference} does not list as a setting. */
    static void rejectUnknownKeys(Config layer, Config reference) {
        List<String> known = knownKeys(reference);
        for (Map.Entry<String, ConfigValue> entry : layer.entrySet()) {
            String key = entry.getKey();
            if (!known.contains(key)) {
                String hint = ClosestName.to(key, known).map(k -> "; did you mean " + k + "?").orElse("");
                throw new ConfigurationException(key, "unknown key (set in " + entry.getValue().origin().description() + ")" + hint);
            }
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
