package io.soltrade.data.bench.scenario;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.RedisSettings;
import java.net.URI;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Both sides of the Redis scenarios: our ports from {@link RedisModule} under the namespace {@code bench-<run id>},
 * started inside a {@link DataLayer} ({@link BenchDataLayer}: the adapter itself, or behind the decorators),
 * and the raw client, a {@link JedisPooled} of the same pool size writing under {@code bench-<run id>:raw:...}.
 * Closing it closes our resources and deletes every key of the namespace (SCAN + DEL, never FLUSHDB).
 */
final class RedisBench implements AutoCloseable {
    private static final int POOL_SIZE = RedisSettings.DEFAULT_POOL_SIZE;
    private static final int TIMEOUT_MILLIS = 2_000;

    private final String namespace;
    private final DataLayer ours;
    private final JedisPooled raw;
    private final HostAndPort address;
    private final JedisClientConfig clientConfig;

    private RedisBench(String namespace, DataLayer ours, JedisPooled raw, HostAndPort address, JedisClientConfig clientConfig) {
        this.namespace = namespace;
        this.ours = ours;
        this.raw = raw;
        this.address = address;
        this.clientConfig = clientConfig;
    }

    static RedisBench open(ScenarioContext context) throws ScenarioSkipped {
        BenchTargets.HostPort at = context.targets().redisAddress();
        String why = ServerProbe.unreachable("Redis", at.host(), at.port()).orElse(null);
        if (why != null) {
            throw new ScenarioSkipped(why + "; start one or set SOLTRADE_REDIS_URL");
        }
        BenchTargets targets = context.targets();
        URI url = URI.create(targets.redisUrl());
        String user = targets.redisUser().orElse(null);
        String password = targets.redisPassword().orElse(null);
        int database = url.getPath() == null || url.getPath().length() <= 1 ? 0 : Integer.parseInt(url.getPath().substring(1));
        String plainUrl = url.getScheme() + "://" + at + (database == 0 ? "" : "/" + database);
        String namespace = "bench-" + context.runId();
        RedisSettings settings = RedisSettings.builder().url(plainUrl).user(user).password(password).namespace(namespace).poolSize(POOL_SIZE).build();
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS).database(database).ssl("rediss".equals(url.getScheme()));
        if (user != null) {
            config.user(user);
        }
        if (password != null) {
            config.password(password);
        }
        JedisClientConfig clientConfig = config.build();
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(POOL_SIZE);
        pool.setMaxIdle(POOL_SIZE);
        pool.setJmxEnabled(false);
        HostAndPort address = new HostAndPort(at.host(), at.port());
        return new RedisBench(namespace, BenchDataLayer.start(context.servers(), Backend.REDIS, new RedisModule(settings)),
                new JedisPooled(pool, address, clientConfig), address, clientConfig);
    }

    PriceCache priceCache() {
        return priceCache(OursThrough.ADAPTER);
    }

    PriceCache priceCache(OursThrough through) {
        return through == OursThrough.ADAPTER ? ours.adapter(Backend.REDIS, PriceCache.class) : ours.prices();
    }

    EventStream eventStream() {
        return eventStream(OursThrough.ADAPTER);
    }

    EventStream eventStream(OursThrough through) {
        return through == OursThrough.ADAPTER ? ours.adapter(Backend.REDIS, EventStream.class) : ours.streams();
    }

    LiveFeed liveFeed() {
        return ours.adapter(Backend.REDIS, LiveFeed.class);
    }

    /** The raw client: a pool like ours, for the same work. */
    JedisPooled raw() {
        return raw;
    }

    /** A connection of its own (for a raw subscriber, which holds its connection while subscribed). */
    Jedis dedicatedConnection() {
        return new Jedis(address, clientConfig);
    }

    /** A key of the raw side: {@code bench-<run id>:raw:<name>}. */
    String rawKey(String name) {
        return namespace + ":raw:" + name;
    }

    @Override
    public void close() {
        ours.close(); // logs what the feed could not send, which does not matter to a benchmark; never throws
        try {
            ScanParams match = new ScanParams().match(namespace + ":*").count(1_000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = raw.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    raw.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        } finally {
            raw.close();
        }
    }

    @Override
    public String toString() {
        return "redis bench (" + namespace + " at " + address + ")";
    }
}
