package io.soltrade.data.app.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to reach Redis ({@code soltrade.redis}), mirroring the adapter's settings. The URL carries no
 * credentials (the loader moves any it finds into {@code user} and {@code password}); every key and channel
 * the adapter uses starts with {@code <namespace>:}.
 */
public record RedisConnection(
        String url,
        Optional<String> user,
        Secret password,
        String namespace,
        Duration cacheTtl,
        long streamMaxLength,
        String trimming,
        int maxDeliveries,
        int poolSize,
        int blockingPoolSize,
        Duration connectTimeout,
        Duration socketTimeout,
        double feedRateHz,
        String clusterNodes) {
    static final List<String> TRIMMING = List.of("exact", "approximate");
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,48}");
    private static final Pattern CLUSTER_NODES = Pattern.compile("\\s*[^\\s:,]+:[0-9]{1,5}\\s*(,\\s*[^\\s:,]+:[0-9]{1,5}\\s*)*");

    public RedisConnection {
        if (ConfigChecks.url(url, "soltrade.redis.url", "redis", "rediss").getUserInfo() != null) {
            throw new ConfigurationException("soltrade.redis.url", "must not carry credentials here: set soltrade.redis.user and soltrade.redis.password");
        }
        ConfigChecks.present(user, "soltrade.redis.user");
        ConfigChecks.present(password, "soltrade.redis.password");
        ConfigChecks.matching(namespace, "soltrade.redis.namespace", NAMESPACE, "1 to 48 of A-Z a-z 0-9 _ . - (no ':', braces or glob characters)");
        ConfigChecks.atLeast(cacheTtl, "soltrade.redis.cache-ttl", Duration.ofSeconds(1));
        if (cacheTtl.compareTo(Duration.ofSeconds(2)) > 0) {
            throw new ConfigurationException("soltrade.redis.cache-ttl", "is " + DurationText.of(cacheTtl) + ", must be between 1s and 2s: a price older than that is never served");
        }
        if (streamMaxLength < 1 || streamMaxLength > 100_000_000) {
            throw new ConfigurationException("soltrade.redis.stream-max-length", "is " + streamMaxLength + ", must be between 1 and 100000000");
        }
        ConfigChecks.oneOf(trimming, "soltrade.redis.trimming", TRIMMING);
        ConfigChecks.between(maxDeliveries, "soltrade.redis.max-deliveries", 1, 1_000);
        ConfigChecks.between(poolSize, "soltrade.redis.pool-size", 1, 1_024);
        ConfigChecks.between(blockingPoolSize, "soltrade.redis.blocking-pool-size", 1, 1_024);
        ConfigChecks.positive(connectTimeout, "soltrade.redis.connect-timeout");
        ConfigChecks.positive(socketTimeout, "soltrade.redis.socket-timeout");
        ConfigChecks.between(feedRateHz, "soltrade.redis.feed-rate-hz", 0.1, 100.0);
        if (clusterNodes == null) {
            throw new ConfigurationException("soltrade.redis.cluster-nodes", "is missing (empty for a standalone server)");
        }
        if (!clusterNodes.isBlank() && !CLUSTER_NODES.matcher(clusterNodes).matches()) {
            throw new ConfigurationException("soltrade.redis.cluster-nodes", "'" + clusterNodes + "' must be host:port entries separated by commas");
        }
    }

    /** Whether {@code cluster-nodes} names a Redis Cluster (then {@code url} is used for its scheme only). */
    public boolean clustered() {
        return !clusterNodes.isBlank();
    }

    @Override
    public String toString() {
        return "RedisConnection[url=" + url + ", user=" + user.orElse("<none>") + ", password=" + (password.isEmpty() ? "<none>" : password)
                + ", namespace=" + namespace + ", cacheTtl=" + cacheTtl + ", streamMaxLength=" + streamMaxLength + ", trimming=" + trimming
                + ", maxDeliveries=" + maxDeliveries + ", poolSize=" + poolSize + ", blockingPoolSize=" + blockingPoolSize + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", feedRateHz=" + feedRateHz + ", clusterNodes=" + clusterNodes + "]";
    }
}
