package io.soltrade.data.app;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to reach Redis ({@code soltrade.redis}). {@code url} may carry a password ({@code redis://:pw@host:6379}),
 * so it is masked wherever it is printed; every key the adapter writes starts with {@code keyPrefix}.
 */
public record RedisConnection(Secret url, String keyPrefix, int poolSize, Duration timeout) {
    private static final Pattern KEY_PREFIX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public RedisConnection {
        ConfigChecks.present(url, "soltrade.redis.url");
        ConfigChecks.url(url.reveal(), "soltrade.redis.url", "redis", "rediss");
        ConfigChecks.matching(keyPrefix, "soltrade.redis.key-prefix", KEY_PREFIX, "1 to 64 of A-Z a-z 0-9 _ . : -");
        ConfigChecks.between(poolSize, "soltrade.redis.pool-size", 1, 1_000);
        ConfigChecks.positive(timeout, "soltrade.redis.timeout");
    }

    public URI uri() {
        return URI.create(url.reveal());
    }

    @Override
    public String toString() {
        return "RedisConnection[url=" + Secret.mask(url.reveal()) + ", keyPrefix=" + keyPrefix + ", poolSize=" + poolSize + ", timeout=" + timeout + "]";
    }
}
