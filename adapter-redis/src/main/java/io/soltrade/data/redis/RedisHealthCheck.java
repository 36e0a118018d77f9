package io.soltrade.data.redis;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.PortOperation;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Redis's health: a {@code PING} round trip (the report's latency), then memory ({@code INFO memory}) and each
 * stream's length. DEGRADED when memory is above 90% of {@code maxmemory} or callers are waiting for a pooled
 * connection; DOWN when Redis does not answer. Never throws.
 */
final class RedisHealthCheck implements HealthCheck {
    private static final double MEMORY_WARNING = 0.9;

    private final RedisConnections connections;
    private final RedisKeys keys;

    RedisHealthCheck(RedisConnections connections, RedisKeys keys) {
        this.connections = connections;
        this.keys = keys;
    }

    @Override
    public String backend() {
        return RedisErrors.BACKEND;
    }

    @Override
    public HealthReport check() {
        long start = System.nanoTime();
        try {
            connections.call(PortOperation.HEALTH_CHECK_CHECK, "ping", client -> client.ping());
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            Map<String, String> details = new TreeMap<>();
            Map<String, String> memory = info(connections.call(PortOperation.HEALTH_CHECK_CHECK, "info memory", client -> client.info("memory")));
            long used = Long.parseLong(memory.getOrDefault("used_memory", "0"));
            long max = Long.parseLong(memory.getOrDefault("maxmemory", "0"));
            details.put("address", connections.address());
            details.put("used_memory", Long.toString(used));
            details.put("maxmemory", Long.toString(max));
            details.put("pool", connections.poolState());
            for (StreamName stream : StreamName.values()) {
                long length = connections.call(PortOperation.HEALTH_CHECK_CHECK, "length of " + stream, client -> client.xlen(keys.stream(stream)));
                details.put("stream." + stream.key().substring("stream:".length()) + ".length", Long.toString(length));
            }
            boolean memoryHigh = max > 0 && used > MEMORY_WARNING * max;
            boolean poolStarved = connections.waitingForConnection() > 0;
            if (memoryHigh || poolStarved) {
                String reason = memoryHigh ? "memory above 90% of maxmemory" : "callers waiting for a pooled connection";
                return new HealthReport(backend(), HealthState.DEGRADED, latency, new TreeMap<>(details), Optional.of(reason));
            }
            return HealthReport.up(backend(), latency, details);
        } catch (RuntimeException e) {
            return HealthReport.down(backend(), Duration.ofNanos(System.nanoTime() - start), e.toString());
        }
    }

    private static Map<String, String> info(String text) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.startsWith("#")) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }
}
