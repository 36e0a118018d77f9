package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link DataLayerConfig} from layers, highest first: {@code SOLTRADE_*} environment variables, a
 * file, a profile, then {@code reference.conf} (which lists every key). Like Airlift's bootstrap, a key that
 * {@code reference.conf} does not list is an error, so a typo fails at start-up instead of being ignored; so
 * does a value of the wrong type or out of range, and every message names the key and where it was set.
 */
final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);
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
        Config merged = environment(env).withFallback(fileLayer).withFallback(profileLayer).withFallback(reference);
        return read(resolve(merged));
    }

    static DataLayerConfig fromHost(Config hostConfig) {
        Config resolved = resolve(hostConfig);
        Config ours = resolved.hasPath(ROOT) ? resolved.withOnlyPath(ROOT) : ConfigFactory.empty();
        Config reference = reference();
        rejectUnknownKeys(ours, reference);
        return read(resolve(ours.withFallback(reference)));
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

    /** One layer per variable that is set, each with its own origin so that errors say which variable was wrong. */
    private static Config environment(Map<String, String> env) {
        Config layer = ConfigFactory.empty();
        for (EnvironmentOverride override : EnvironmentOverride.values()) {
            String value = env.get(override.name());
            if (value != null) {
                layer = ConfigFactory.parseMap(Map.of(override.path(), value), "environment variable " + override.name()).withFallback(layer);
            }
        }
        TreeSet<String> unknown = env.keySet().stream()
                .filter(name -> name.startsWith("SOLTRADE_"))
                .filter(name -> Stream.of(EnvironmentOverride.values()).noneMatch(o -> o.name().equals(name)))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            LOG.debug("environment variables the data layer does not read: {}", unknown);
        }
        return layer;
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
        List<String> known = reference.entrySet().stream().map(Map.Entry::getKey).sorted().toList();
        for (Map.Entry<String, com.typesafe.config.ConfigValue> entry : layer.entrySet()) {
            String key = entry.getKey();
            if (!isSetting(reference, key)) {
                String hint = closest(key, known).map(k -> "; did you mean " + k + "?").orElse("");
                throw new ConfigurationException(key, "unknown key (set in " + entry.getValue().origin().description() + ")" + hint);
            }
        }
    }

    private static boolean isSetting(Config reference, String key) {
        try {
            return reference.hasPath(key) && reference.getValue(key).valueType() != ConfigValueType.OBJECT;
        } catch (ConfigException e) {
            return false;
        }
    }

    private static Optional<String> closest(String key, List<String> known) {
        return known.stream()
                .map(k -> Map.entry(k, editDistance(key, k)))
                .filter(e -> e.getValue() <= 3)
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** Reads and validates every setting; a failure names the key and where its value came from. */
    static DataLayerConfig read(Config c) {
        try {
            return new DataLayerConfig(adapters(c), postgres(c), questdb(c), redis(c), resilience(c));
        } catch (ConfigurationException e) {
            String origin = originOf(c, e.key());
            throw origin.isEmpty() ? e : new ConfigurationException(e.key(), e.getMessage().substring(e.key().length() + 2) + " (set in " + origin + ")", e.getCause());
        }
    }

    private static String originOf(Config c, String key) {
        try {
            return c.hasPath(key) ? c.getValue(key).origin().description() : "";
        } catch (ConfigException e) {
            return "";
        }
    }

    private static Map<Port, Backend> adapters(Config c) {
        EnumMap<Port, Backend> adapters = new EnumMap<>(Port.class);
        for (Port port : Port.values()) {
            String name = get(c, port.configPath(), Config::getString);
            Backend backend = Backend.byKey(name).orElseThrow(() -> new ConfigurationException(port.configPath(),
                    "'" + name + "' is not an adapter; available for " + port.key() + ": "
                            + port.backends().stream().map(Backend::key).collect(Collectors.joining(", "))));
            adapters.put(port, backend);
        }
        return adapters;
    }

    private static PostgresConnection postgres(Config c) {
        String p = "soltrade.postgres.";
        String rootCert = get(c, p + "ssl-root-cert", Config::getString);
        return new PostgresConnection(
                get(c, p + "url", Config::getString),
                get(c, p + "user", Config::getString),
                Secret.of(get(c, p + "password", Config::getString)),
                get(c, p + "schema", Config::getString),
                get(c, p + "pool-size", Config::getInt),
                get(c, p + "connect-timeout", Config::getDuration),
                get(c, p + "socket-timeout", Config::getDuration),
                get(c, p + "pool-timeout", Config::getDuration),
                get(c, p + "ssl-mode", Config::getString),
                rootCert.isBlank() ? Optional.empty() : Optional.of(Path.of(rootCert)),
                get(c, p + "migrate-on-start", Config::getBoolean));
    }

    private static QuestDbConnection questdb(Config c) {
        String p = "soltrade.questdb.";
        return new QuestDbConnection(
                Secret.of(get(c, p + "ilp", Config::getString)),
                get(c, p + "pg-url", Config::getString),
                get(c, p + "pg-user", Config::getString),
                Secret.of(get(c, p + "pg-password", Config::getString)),
                get(c, p + "pool-size", Config::getInt),
                get(c, p + "apply-schema", Config::getBoolean),
                get(c, p + "flush-interval", Config::getDuration),
                get(c, p + "batch-rows", Config::getInt),
                get(c, p + "buffer-capacity-rows", Config::getInt),
                get(c, p + "enqueue-timeout", Config::getDuration),
                get(c, p + "retry-deadline", Config::getDuration),
                get(c, p + "close-deadline", Config::getDuration),
                get(c, p + "read-visibility-timeout", Config::getDuration));
    }

    /**
     * Redis settings. Credentials in the URL ({@code redis://user:password@host}, the usual form of
     * {@code SOLTRADE_REDIS_URL}) fill in {@code user} and {@code password} where those are not set, and are
     * taken out of the URL, so the URL can be printed.
     */
    private static RedisConnection redis(Config c) {
        String p = "soltrade.redis.";
        String url = get(c, p + "url", Config::getString);
        String user = get(c, p + "user", Config::getString);
        String password = get(c, p + "password", Config::getString);
        java.net.URI uri = ConfigChecks.url(url, p + "url", "redis", "rediss");
        if (uri.getRawUserInfo() != null) {
            String userInfo = uri.getRawUserInfo();
            int colon = userInfo.indexOf(':');
            String urlUser = decode(colon < 0 ? "" : userInfo.substring(0, colon));
            String urlPassword = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            user = user.isEmpty() ? urlUser : user;
            password = password.isEmpty() ? urlPassword : password;
            url = url.replace(userInfo + "@", "");
        }
        return new RedisConnection(
                url,
                user.isEmpty() ? Optional.empty() : Optional.of(user),
                Secret.of(password),
                get(c, p + "namespace", Config::getString),
                get(c, p + "cache-ttl", Config::getDuration),
                get(c, p + "stream-max-length", Config::getLong),
                get(c, p + "trimming", Config::getString),
                get(c, p + "max-deliveries", Config::getInt),
                get(c, p + "pool-size", Config::getInt),
                get(c, p + "connect-timeout", Config::getDuration),
                get(c, p + "socket-timeout", Config::getDuration),
                get(c, p + "feed-rate-hz", Config::getDouble));
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static ResiliencePolicy resilience(Config c) {
        String r = "soltrade.resilience.retry.";
        String b = "soltrade.resilience.circuit-breaker.";
        RetryPolicy retry = new RetryPolicy(
                get(c, r + "max-attempts", Config::getInt),
                get(c, r + "initial-backoff", Config::getDuration),
                get(c, r + "multiplier", Config::getDouble),
                get(c, r + "randomization", Config::getDouble),
                get(c, r + "max-backoff", Config::getDuration));
        BreakerPolicy breaker = new BreakerPolicy(
                get(c, b + "failure-rate-threshold", Config::getInt),
                get(c, b + "sliding-window-size", Config::getInt),
                get(c, b + "minimum-calls", Config::getInt),
                get(c, b + "wait-in-open", Config::getDuration),
                get(c, b + "half-open-calls", Config::getInt));
        return new ResiliencePolicy(retry, breaker, get(c, "soltrade.resilience.async-timeout", Config::getDuration));
    }

    /** Reads one value, turning Typesafe's exceptions into one that names the key without echoing the value. */
    private static <T> T get(Config c, String key, BiFunction<Config, String, T> getter) {
        try {
            return getter.apply(c, key);
        } catch (ConfigException.Missing e) {
            throw new ConfigurationException(key, "is missing", e);
        } catch (ConfigException.WrongType e) {
            throw new ConfigurationException(key, describe(c, key, e), e);
        } catch (ConfigException.BadValue e) {
            throw new ConfigurationException(key, "has a bad value: " + e.getMessage(), e);
        } catch (ConfigException e) {
            throw new ConfigurationException(key, e.getMessage(), e);
        }
    }

    private static String describe(Config c, String key, ConfigException.WrongType e) {
        String message = e.getMessage();
        int index = message.indexOf(key);
        return index >= 0 ? message.substring(index + key.length()).trim() : message;
    }

    static List<String> knownKeys() {
        return new ArrayList<>(reference().entrySet().stream().map(Map.Entry::getKey).sorted().toList());
    }
}
