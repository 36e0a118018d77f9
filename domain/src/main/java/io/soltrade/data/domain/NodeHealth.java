package io.soltrade.data.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/** One health check of one RPC node: how fast and how far behind it was, and its circuit breaker's state. */
public record NodeHealth(
        String nodeId,
        URI endpoint,
        Duration latency,
        long slotLag,
        long errorCount,
        CircuitState circuit,
        Instant checkedAt) {
    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Set<String> SCHEMES = Set.of("http", "https", "ws", "wss");

    public NodeHealth {
        Checks.matches(nodeId, "nodeId", NODE_ID, "a node id ([a-z0-9][a-z0-9_.-]*, at most 64 characters)");
        Checks.notNull(endpoint, "endpoint");
        if (endpoint.getScheme() == null || !SCHEMES.contains(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw new DomainValidationException("endpoint", "'" + Checks.printable(endpoint.toString()) + "' is not an http(s) or ws(s) URL with a host");
        }
        if (endpoint.getUserInfo() != null) {
            throw new DomainValidationException("endpoint", "must not carry credentials (user info); keep secrets in configuration");
        }
        Checks.text(endpoint.toString(), "endpoint", 512);
        Checks.notNull(latency, "latency");
        if (latency.isNegative()) {
            throw new DomainValidationException("latency", "is negative: " + latency);
        }
        Checks.nonNegative(slotLag, "slotLag");
        Checks.nonNegative(errorCount, "errorCount");
        Checks.notNull(circuit, "circuit");
        checkedAt = Checks.timestamp(checkedAt, "checkedAt");
    }
}
