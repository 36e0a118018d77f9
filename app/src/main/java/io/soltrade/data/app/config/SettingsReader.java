package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Reads the merged, resolved {@code soltrade} section into a {@link DataLayerConfig}: every setting read with its
 * type, every record validated by its constructor, and a failure reported with the key and where its value was
 * set (a file, a profile, an environment variable), never with a secret value.
 */
final class SettingsReader {
    private static final Pattern UNITLESS = Pattern.compile("\\s*[-+]?[0-9.]+\\s*");
    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    private SettingsReader() {}

    /**
     * Reads and validates every setting; a failure names the key and where its value came from. Every fault is
     * reported, not only the first: a key found at fault is reported, set back to its default (an adapter left
     * unchosen or unknown: to memory) and the settings read again, until they read clean or nothing can be repaired.
     */
    static DataLayerConfig read(Config c) {
        List<ConfigurationException> problems = new ArrayList<>();
        Config current = c;
        Config reference = ConfigLoader.reference();
        Set<String> repaired = new HashSet<>();
        while (true) {
            DataLayerConfig config;
            try {
                config = new DataLayerConfig(adapters(current), postgres(current), questdb(current), redis(current), resilience(current));
            } catch (ConfigurationException e) {
                problems.add(withOrigin(c, e));
                Optional<Config> next = repair(current, reference, e.key());
                if (next.isEmpty() || !repaired.add(e.key())) {
                    throw ConfigurationException.of(problems);
                }
                current = next.get();
                continue;
            }
            if (!problems.isEmpty()) {
                throw ConfigurationException.of(problems);
            }
            return config;
        }
    }

    private static ConfigurationException withOrigin(Config c, ConfigurationException e) {
        String origin = originOf(c, e.key());
        return origin.isEmpty() ? e : new ConfigurationException(e.key(), e.getMessage().substring(e.key().length() + 2) + " (set in " + origin + ")", e.getCause());
    }

    /** {@code c} with the setting at {@code key} back to a value that reads, so that the other settings can be checked. */
    private static Optional<Config> repair(Config c, Config reference, String key) {
        if (key.equals("soltrade.adapters") || key.startsWith("soltrade.adapters.")) {
            Config repaired = c;
            for (Port port : Port.values()) {
                boolean chosen = c.hasPath(port.configPath()) && Backend.byKey(c.getValue(port.configPath()).unwrapped().toString())
                        .filter(backend -> port.backends().contains(backend)).isPresent();
                if (!chosen) {
                    repaired = repaired.withValue(port.configPath(), ConfigValueFactory.fromAnyRef(Backend.MEMORY.key()));
                }
            }
            return Optional.of(repaired);
        }
        return reference.hasPath(key) ? Optional.of(c.withValue(key, reference.getValue(key))) : Optional.empty();
    }

    private static String originOf(Config c, String key) {
        try {
            return c.hasPath(key) ? c.getValue(key).origin().description() : "";
        } catch (ConfigException e) {
            return "";
        }
    }

    /**
     * Which adapter serves each port. There is no default: a port runs in memory only when chosen so, and a
     * configuration that leaves ports unchosen fails naming every such key.
     */
    private static Map<Port, Backend> adapters(Config c) {
        List<Port> unchosen = Arrays.stream(Port.values()).filter(port -> !c.hasPath(port.configPath())).toList();
        if (!unchosen.isEmpty()) {
            throw new ConfigurationException(unchosen.size() == 1 ? unchosen.get(0).configPath() : "soltrade.adapters",
                    "no adapter chosen for " + unchosen.stream().map(Port::key).collect(Collectors.joining(", ")) + ". Set "
                    + unchosen.stream().map(port -> port.configPath() + " (" + port.backends().stream().map(Backend::key)
                            .collect(Collectors.joining(" | ")) + ")").collect(Collectors.joining(", "))
                    + "; or SOLTRADE_ADAPTERS_<PORT>, or SOLTRADE_ADAPTERS=memory|servers for every port; or use the memory or local profile");
        }
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
                get(c, p + "migrate-on-start", Config::getBoolean),
                replicas(c));
    }

    private static PostgresReplicas replicas(Config c) {
        String p = "soltrade.postgres.";
        String readUrl = get(c, p + "read-url", Config::getString);
        return new PostgresReplicas(
                readUrl.isBlank() ? Optional.empty() : Optional.of(readUrl),
                get(c, p + "read-pool-size", Config::getInt),
                get(c, p + "replica-wait-timeout", Config::getDuration),
                get(c, p + "synchronous-commit", Config::getString));
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
                get(c, p + "read-visibility-timeout", Config::getDuration),
                get(c, p + "read-timeout", Config::getDuration));
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
                get(c, p + "blocking-pool-size", Config::getInt),
                get(c, p + "connect-timeout", Config::getDuration),
                get(c, p + "socket-timeout", Config::getDuration),
                get(c, p + "feed-rate-hz", Config::getDouble),
                get(c, p + "cluster-nodes", Config::getString));
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

    /**
     * Reads one value, turning Typesafe's exceptions into one that names the key without echoing the value. Stricter
     * than Typesafe: a duration needs its unit ({@code 1500} would be read as milliseconds), and a count must be whole
     * ({@code 5.5} would be read as 5).
     */
    private static <T> T get(Config c, String key, BiFunction<Config, String, T> getter) {
        T value;
        try {
            value = getter.apply(c, key);
        } catch (ConfigException.Missing e) {
            throw new ConfigurationException(key, "is missing", e);
        } catch (ConfigException.WrongType e) {
            throw new ConfigurationException(key, describe(c, key, e), e);
        } catch (ConfigException.BadValue e) {
            throw new ConfigurationException(key, "has a bad value: " + e.getMessage(), e);
        } catch (ConfigException e) {
            throw new ConfigurationException(key, e.getMessage(), e);
        }
        Object raw = c.getValue(key).unwrapped();
        if (value instanceof java.time.Duration && (raw instanceof Number || UNITLESS.matcher(raw.toString()).matches())) {
            throw new ConfigurationException(key, "'" + raw + "' has no unit: write e.g. " + raw.toString().strip() + "ms or "
                    + raw.toString().strip() + "s");
        }
        if ((value instanceof Integer || value instanceof Long) && !WHOLE.matcher(raw.toString().strip()).matches()) {
            throw new ConfigurationException(key, "'" + raw + "' is not a whole number");
        }
        return value;
    }

    private static String describe(Config c, String key, ConfigException.WrongType e) {
        String message = e.getMessage();
        int index = message.indexOf(key);
        return index >= 0 ? message.substring(index + key.length()).trim() : message;
    }
}
