package io.soltrade.data.redis;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToDoubleFunction;

/**
 * The command pool's figures in the host's registry, tagged {@code address=host:port}: connections
 * {@code soltrade.redis.pool.active} (borrowed), {@code .idle}, {@code .max}, threads {@code .waiting} for one (a pool
 * too small for its callers), and {@code soltrade.redis.pool.idle.discards}, how often a broken connection made the
 * pool drop its idle ones (each a Redis restart or a network cut). Subscriptions hold connections of their own,
 * outside the pool.
 */
final class RedisPoolMetrics implements MeterBinder {
    private final RedisConnections connections;

    RedisPoolMetrics(RedisConnections connections) {
        this.connections = connections;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Tags tags = Tags.of("address", connections.address());
        gauge(registry, tags, "active", "Pooled connections borrowed by a call now", RedisConnections::activeConnections);
        gauge(registry, tags, "idle", "Pooled connections waiting for a call", RedisConnections::idleConnections);
        gauge(registry, tags, "waiting", "Threads waiting for a pooled connection", RedisConnections::waitingForConnection);
        gauge(registry, tags, "max", "Pooled connections at most", RedisConnections::maxConnections);
        FunctionCounter.builder("soltrade.redis.pool.idle.discards", connections, RedisConnections::idleSetsDiscarded)
                .description("Times a broken connection made the pool discard its idle connections").tags(tags).register(registry);
    }

    private void gauge(MeterRegistry registry, Tags tags, String name, String description, ToDoubleFunction<RedisConnections> value) {
        Gauge.builder("soltrade.redis.pool." + name, connections, value).description(description).tags(tags).register(registry);
    }
}
