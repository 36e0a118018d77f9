package io.soltrade.data.redis.testing;

import io.soltrade.data.redis.RedisSettings;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis server tests share: the one {@code SOLTRADE_REDIS_URL} names, else {@code redis://127.0.0.1:6379};
 * when none answers, a {@code redis-server} (from the PATH, else the one embedded-redis ships) started once for this JVM on a free loopback port
 * (bound to 127.0.0.1, no persistence).
 *
 * <p>Other test runs share that server, so a test class takes a {@link Namespace} of its own (a fresh random key
 * prefix) and closes it afterwards, which deletes exactly that prefix's keys ({@code SCAN} + {@code UNLINK}).
 * Never {@code FLUSHALL} or {@code FLUSHDB} it. Tests that stop or restart Redis use a {@link PrivateRedisServer}.
 */
public final class TestingRedis {
    private static TestingRedis shared;

    private final String url;
    private final HostAndPort address;

    private TestingRedis(String url) {
        this.url = url;
        URI uri = URI.create(url);
        this.address = new HostAndPort(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort());
    }

    /** The shared server, found or started on first use. */
    public static synchronized TestingRedis shared() {
        if (shared == null) {
            String configured = System.getenv("SOLTRADE_REDIS_URL");
            String url = configured == null || configured.isBlank() ? RedisSettings.DEFAULT_URL : configured.trim();
            TestingRedis candidate = new TestingRedis(url);
            if (candidate.ping()) {
                shared = candidate;
            } else {
                PrivateRedisServer started = PrivateRedisServer.start();
                shared = new TestingRedis(started.url());
            }
        }
        return shared;
    }

    public String url() {
        return url;
    }

    /** A fresh key prefix on this server; close it to delete its keys. */
    public Namespace freshNamespace() {
        return new Namespace("t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** A connection of its own to this server, for tests that look at keys directly. */
    public Jedis connect() {
        return new Jedis(address, DefaultJedisClientConfig.builder().connectionTimeoutMillis(2_000).socketTimeoutMillis(5_000).build());
    }

    private boolean ping() {
        try (Jedis jedis = connect()) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A test class's key prefix. */
    public final class Namespace implements AutoCloseable {
        private final String name;

        private Namespace(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Settings for this server and namespace, to adjust before {@code build()}. */
        public RedisSettings.Builder settings() {
            return RedisSettings.builder().url(url).namespace(name);
        }

        /** Every key under this namespace. */
        public List<String> keys() {
            try (Jedis jedis = connect()) {
                List<String> found = new java.util.ArrayList<>();
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(name + ":*").count(1_000));
                    found.addAll(page.getResult());
                    cursor = page.getCursor();
                } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
                return found;
            }
        }

        /** Deletes this namespace's keys, and only those; returns how many. */
        public long deleteKeys() {
            List<String> keys = keys();
            if (keys.isEmpty()) {
                return 0;
            }
            try (Jedis jedis = connect()) {
                long deleted = 0;
                for (int from = 0; from < keys.size(); from += 500) {
                    deleted += jedis.unlink(keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new));
                }
                return deleted;
            }
        }

        @Override
        public void close() {
            deleteKeys();
        }
    }
}
