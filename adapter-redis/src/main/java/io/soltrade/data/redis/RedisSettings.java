package io.soltrade.data.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the Redis adapter is configured with, validated when built so that a bad value fails at start-up
 * naming its key, never at first use. {@link #toString()} masks the password.
 *
 * @param url                 {@code redis://host:port[/db]}, or {@code rediss://...} for TLS; no credentials
 *                            (they go in {@code user} and {@code password}, which are never printed). Ignored but for
 *                            its scheme (TLS) when {@code clusterNodes} is set
 * @param clusterNodes        seed nodes of a Redis Cluster ({@code host:port}, at least one; the client discovers the
 *                            rest); empty for a standalone server at {@code url}
 * @param user                the ACL user, when the server uses ACLs
 * @param password            the AUTH password
 * @param namespace           the prefix every key and channel starts with ({@code <namespace>:...}), so several
 *                            deployments or test classes share one server without meeting
 * @param cacheTtl            how long a cached price or pool state is served: 1 to 2 seconds
 * @param streamMaxLength     the cap every event stream is kept at
 * @param trimming            exact ({@code MAXLEN =}, the default) or approximate ({@code MAXLEN ~}) trimming
 * @param maxDeliveries       a pending entry already delivered this many times is dead-lettered instead of
 *                            being claimed again
 * @param poolSize            the most pooled connections for commands and pipelines (caches, appends, acks)
 * @param blockingPoolSize    the most connections for blocking stream reads ({@code XREAD}/{@code XREADGROUP BLOCK}),
 *                            a pool of their own so a reader waiting for entries never holds a connection the
 *                            caches need
 * @param connectTimeout      TCP connect timeout
 * @param socketTimeout       read timeout of a non-blocking command; a blocking read waits at most its block time
 *                            plus this, so no read waits forever on a frozen or half-open server
 * @param idleCheckInterval   how often idle pooled connections are validated ({@code PING}) and dead ones dropped
 * @param feedRateHz          the most live-feed messages per second per channel
 */
public record RedisSettings(
        String url,
        List<ClusterNode> clusterNodes,
        Optional<String> user,
        Optional<String> password,
        String namespace,
        Duration cacheTtl,
        long streamMaxLength,
        StreamTrimming trimming,
        int maxDeliveries,
        int poolSize,
        int blockingPoolSize,
        Duration connectTimeout,
        Duration socketTimeout,
        Duration idleCheckInterval,
        double feedRateHz) {

    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    public static final String DEFAULT_NAMESPACE = "soltrade";
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);
    public static final long DEFAULT_STREAM_MAX_LENGTH = 10_000;
    public static final int DEFAULT_MAX_DELIVERIES = 5;
    public static final int DEFAULT_POOL_SIZE = 16;
    public static final int DEFAULT_BLOCKING_POOL_SIZE = 4;
    public static final double DEFAULT_FEED_RATE_HZ = 10.0;

    private static final Duration MIN_TTL = Duration.ofSeconds(1);
    private static final Duration MAX_TTL = Duration.ofSeconds(2);
    /** Letters, digits, '_', '-', '.': no ':' (the separator), no braces (hash tags), no glob characters. */
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_.-]{1,48}");

    public RedisSettings {
        requireNonNull(url, "url");
        requireNonNull(clusterNodes, "clusterNodes");
        clusterNodes = List.copyOf(clusterNodes);
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        requireNonNull(namespace, "namespace");
        requireNonNull(cacheTtl, "cacheTtl");
        requireNonNull(trimming, "trimming");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(socketTimeout, "socketTimeout");
        requireNonNull(idleCheckInterval, "idleCheckInterval");
        RedisEndpoint endpoint = RedisEndpoint.parse(url);
        check(clusterNodes.isEmpty() || endpoint.database() == 0, "url", "selects database " + endpoint.database()
                + ", but a Redis Cluster has database 0 only");
        user.ifPresent(u -> check(!u.isBlank(), "user", "is blank"));
        password.ifPresent(p -> check(!p.isEmpty(), "password", "is empty (leave it unset instead)"));
        check(NAMESPACE.matcher(namespace).matches(), "namespace",
                "'" + namespace + "' must be 1 to 48 of A-Z a-z 0-9 _ . - (no ':', braces or glob characters)");
        check(cacheTtl.compareTo(MIN_TTL) >= 0 && cacheTtl.compareTo(MAX_TTL) <= 0 && cacheTtl.toNanos() % 1_000_000 == 0,
                "cacheTtl", "is " + cacheTtl + ", must be whole milliseconds between 1 s and 2 s");
        check(streamMaxLength >= 1 && streamMaxLength <= 100_000_000, "streamMaxLength",
                "is " + streamMaxLength + ", must be between 1 and 100000000");
        check(maxDeliveries >= 1 && maxDeliveries <= 1_000, "maxDeliveries", "is " + maxDeliveries + ", must be between 1 and 1000");
        check(poolSize >= 1 && poolSize <= 1_024, "poolSize", "is " + poolSize + ", must be between 1 and 1024");
        check(blockingPoolSize >= 1 && blockingPoolSize <= 1_024, "blockingPoolSize", "is " + blockingPoolSize + ", must be between 1 and 1024");
        checkTimeout(connectTimeout, "connectTimeout");
        checkTimeout(socketTimeout, "socketTimeout");
        check(idleCheckInterval.compareTo(Duration.ofMillis(100)) >= 0 && idleCheckInterval.compareTo(Duration.ofHours(1)) <= 0,
                "idleCheckInterval", "is " + idleCheckInterval + ", must be between 100 ms and 1 hour");
        check(feedRateHz > 0 && feedRateHz <= 100, "feedRateHz", "is " + feedRateHz + ", must be above 0 and at most 100");
    }

    /** The defaults: {@value #DEFAULT_URL}, namespace {@value #DEFAULT_NAMESPACE}, TTL 2 s, cap 10,000 exact. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change a few. */
    public Builder toBuilder() {
        return new Builder().url(url).clusterNodes(clusterNodes).user(user.orElse(null)).password(password.orElse(null)).namespace(namespace)
                .cacheTtl(cacheTtl).streamMaxLength(streamMaxLength).trimming(trimming).maxDeliveries(maxDeliveries)
                .poolSize(poolSize).blockingPoolSize(blockingPoolSize).connectTimeout(connectTimeout).socketTimeout(socketTimeout).idleCheckInterval(idleCheckInterval).feedRateHz(feedRateHz);
    }

    /** Host, port, database and TLS, parsed from {@link #url()}. */
    RedisEndpoint endpoint() {
        return RedisEndpoint.parse(url);
    }

    /** Whether this is a Redis Cluster ({@link #clusterNodes()} set). */
    public boolean clustered() {
        return !clusterNodes.isEmpty();
    }

    /**
     * The seed nodes of a {@code soltrade.redis.cluster-nodes} value: {@code host:port} entries separated by commas
     * (spaces around them allowed), e.g. {@code 127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002}; blank: none.
     */
    public static List<ClusterNode> parseClusterNodes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<ClusterNode> nodes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            nodes.add(ClusterNode.parse(part.trim()));
        }
        return List.copyOf(nodes);
    }

    /** One seed node of a Redis Cluster. */
    public record ClusterNode(String host, int port) {
        public ClusterNode {
            check(host != null && !host.isBlank() && host.chars().noneMatch(Character::isWhitespace), "clusterNodes", "has a blank host");
            check(port >= 1 && port <= 65_535, "clusterNodes", "port " + port + " of " + host + " is not between 1 and 65535");
        }

        static ClusterNode parse(String text) {
            int colon = text.lastIndexOf(':');
            check(colon > 0 && colon < text.length() - 1, "clusterNodes", "entry '" + text + "' is not host:port");
            String portText = text.substring(colon + 1);
            check(portText.matches("[0-9]{1,5}"), "clusterNodes", "entry '" + text + "' has no numeric port");
            return new ClusterNode(text.substring(0, colon), Integer.parseInt(portText));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    @Override
    public String toString() {
        return "RedisSettings[url=" + url + ", clusterNodes=" + clusterNodes + ", user=" + user.orElse("<none>") + ", password=" + (password.isPresent() ? "<masked>" : "<none>")
                + ", namespace=" + namespace + ", cacheTtl=" + cacheTtl + ", streamMaxLength=" + streamMaxLength + ", trimming=" + trimming
                + ", maxDeliveries=" + maxDeliveries + ", poolSize=" + poolSize + ", blockingPoolSize=" + blockingPoolSize + ", connectTimeout=" + connectTimeout
                + ", socketTimeout=" + socketTimeout + ", idleCheckInterval=" + idleCheckInterval + ", feedRateHz=" + feedRateHz + "]";
    }

    private static void requireNonNull(Object value, String key) {
        check(value != null, key, "is null");
    }

    private static void checkTimeout(Duration timeout, String key) {
        check(!timeout.isNegative() && !timeout.isZero() && timeout.compareTo(Duration.ofMinutes(5)) <= 0
                && timeout.toNanos() % 1_000_000 == 0, key, "is " + timeout + ", must be whole milliseconds above 0 and at most 5 minutes");
    }

    private static void check(boolean condition, String key, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("redis setting " + key + " " + problem);
        }
    }

    /** Where a Redis server is, read from a {@code redis://} or {@code rediss://} URL. */
    record RedisEndpoint(String host, int port, int database, boolean tls) {

        static RedisEndpoint parse(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("redis setting url is not a URL: " + e.getMessage(), e);
            }
            String scheme = Objects.requireNonNullElse(uri.getScheme(), "");
            check(scheme.equals("redis") || scheme.equals("rediss"), "url", "must start with redis:// or rediss://, got '" + url + "'");
            check(uri.getRawUserInfo() == null, "url", "must not carry credentials: set user and password instead");
            check(uri.getHost() != null && !uri.getHost().isBlank(), "url", "has no host: '" + url + "'");
            check(uri.getRawQuery() == null && uri.getRawFragment() == null, "url", "must have no query or fragment: '" + url + "'");
            int port = uri.getPort() == -1 ? 6379 : uri.getPort();
            String path = Objects.requireNonNullElse(uri.getPath(), "");
            int database = 0;
            if (!path.isEmpty() && !path.equals("/")) {
                check(path.matches("/[0-9]{1,2}"), "url", "path must be a database index /0 to /15, got '" + path + "'");
                database = Integer.parseInt(path.substring(1));
                check(database <= 15, "url", "database index must be 0 to 15, got " + database);
            }
            return new RedisEndpoint(uri.getHost(), port, database, scheme.equals("rediss"));
        }
    }

    /** Builds {@link RedisSettings}; unset values take the defaults. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private List<ClusterNode> clusterNodes = List.of();
        private String clusterNodesText;
        private String user;
        private String password;
        private String namespace = DEFAULT_NAMESPACE;
        private Duration cacheTtl = DEFAULT_CACHE_TTL;
        private long streamMaxLength = DEFAULT_STREAM_MAX_LENGTH;
        private StreamTrimming trimming = StreamTrimming.EXACT;
        private int maxDeliveries = DEFAULT_MAX_DELIVERIES;
        private int poolSize = DEFAULT_POOL_SIZE;
        private int blockingPoolSize = DEFAULT_BLOCKING_POOL_SIZE;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration socketTimeout = Duration.ofSeconds(2);
        private Duration idleCheckInterval = Duration.ofSeconds(5);
        private double feedRateHz = DEFAULT_FEED_RATE_HZ;

        private Builder() {}

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /** Seed nodes of a Redis Cluster; empty (the default) for a standalone server at {@link #url}. */
        public Builder clusterNodes(List<ClusterNode> clusterNodes) {
            this.clusterNodes = clusterNodes;
            this.clusterNodesText = null;
            return this;
        }

        /** Seed nodes of a Redis Cluster as {@code host:port,host:port,...} (see {@link RedisSettings#parseClusterNodes}). */
        public Builder clusterNodes(String clusterNodes) {
            this.clusterNodesText = clusterNodes == null ? "" : clusterNodes;
            return this;
        }

        /** The ACL user; {@code null} for none. */
        public Builder user(String user) {
            this.user = user;
            return this;
        }

        /** The AUTH password; {@code null} for none. */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        public Builder streamMaxLength(long streamMaxLength) {
            this.streamMaxLength = streamMaxLength;
            return this;
        }

        public Builder trimming(StreamTrimming trimming) {
            this.trimming = trimming;
            return this;
        }

        public Builder maxDeliveries(int maxDeliveries) {
            this.maxDeliveries = maxDeliveries;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder blockingPoolSize(int blockingPoolSize) {
            this.blockingPoolSize = blockingPoolSize;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder socketTimeout(Duration socketTimeout) {
            this.socketTimeout = socketTimeout;
            return this;
        }

        public Builder idleCheckInterval(Duration idleCheckInterval) {
            this.idleCheckInterval = idleCheckInterval;
            return this;
        }

        public Builder feedRateHz(double feedRateHz) {
            this.feedRateHz = feedRateHz;
            return this;
        }

        public RedisSettings build() {
            return new RedisSettings(url, clusterNodesText == null ? clusterNodes : parseClusterNodes(clusterNodesText), Optional.ofNullable(user), Optional.ofNullable(password), namespace, cacheTtl,
                    streamMaxLength, trimming, maxDeliveries, poolSize, blockingPoolSize, connectTimeout, socketTimeout, idleCheckInterval, feedRateHz);
        }
    }
}
