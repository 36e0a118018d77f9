package io.soltrade.data.redis;

import redis.clients.jedis.Connection;

/**
 * A Jedis connection whose blocking commands ({@code XREAD BLOCK}, {@code XREADGROUP BLOCK}) wait at most a bound
 * set for each call, never forever. Jedis reads the reply of a command it marks blocking under one fixed "blocking"
 * socket timeout of the client configuration; zero there means forever, and any fixed value is either too short for
 * a long block or far too long for a short one. This connection replaces that timeout by the bound of the call in
 * hand ({@link #boundBlockingCommands}: the call's block time plus the socket timeout), through the two hooks Jedis
 * calls around such a read ({@link #setTimeoutInfinite()} and {@link #rollbackTimeout()}). A read that times out
 * breaks the connection, and the pool then drops it.
 *
 * <p>Used only by {@link RedisConnections}' pool for blocking reads, one borrower at a time.
 */
final class BoundedBlockingConnection extends Connection {
    private int blockingTimeoutMillis;
    private int normalTimeoutMillis;

    private BoundedBlockingConnection(Builder builder) {
        super(builder);
    }

    /** The most the next blocking commands may wait for their reply, in milliseconds (at least 1). */
    void boundBlockingCommands(int timeoutMillis) {
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("a blocking command's bound must be at least 1 ms, got " + timeoutMillis);
        }
        this.blockingTimeoutMillis = timeoutMillis;
    }

    @Override
    public void setTimeoutInfinite() {
        normalTimeoutMillis = getSoTimeout();
        setSoTimeout(blockingTimeoutMillis > 0 ? blockingTimeoutMillis : normalTimeoutMillis);
    }

    @Override
    public void rollbackTimeout() {
        setSoTimeout(normalTimeoutMillis);
    }

    /** Builds {@link BoundedBlockingConnection}s: Jedis' documented hook for a connection subtype. */
    static final class Builder extends Connection.Builder {
        @Override
        protected Connection createConnection() {
            return new BoundedBlockingConnection(this);
        }
    }
}
