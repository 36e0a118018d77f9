package io.soltrade.data.app.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
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

    private SettingsReader() {}

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
}
