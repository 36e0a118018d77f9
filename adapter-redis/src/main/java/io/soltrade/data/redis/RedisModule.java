package io.soltrade.data.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PriceCache;
import java.time.Duration;
import java.util.Objects;

/**
 * The Redis adapter for Guice: binds {@link PriceCache}, {@link PoolStateCache}, {@link EventStream} and
 * {@link LiveFeed} as singletons, adds a {@link HealthCheck} and a {@link MeterBinder} of the pool's figures, and
 * registers the connection pool and the live feed as {@link ManagedResource}s (the pool first, so the host, closing
 * in reverse order, stops the feed's threads before the pool they publish through).
 *
 * <p>The pool PINGs the server once when it is built (in {@code Stage.PRODUCTION}, at injector creation), as the
 * PostgreSQL and QuestDB modules connect at start: a server that refuses the connection or does not answer within
 * the connect timeout fails the start, naming the server, and leaves nothing open. A server that answers but refuses
 * the credentials still starts: every call then fails as AUTHENTICATION, and the health check says DOWN. A server
 * that goes away after the start is reported DOWN by the health check, which never throws.
 */
public final class RedisModule extends AbstractModule {
    private final RedisSettings settings;
    /** The start's PING failure: Guice asks once per eager singleton that needs the pool, and the first answer stands. */
    private DbException unreachable;

    public RedisModule(RedisSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
    }

    @Override
    protected void configure() {
        bind(RedisSettings.class).toInstance(settings);
        Multibinder<ManagedResource> resources = Multibinder.newSetBinder(binder(), ManagedResource.class);
        resources.addBinding().to(RedisConnections.class);
        resources.addBinding().to(RedisLiveFeed.class);
        Multibinder.newSetBinder(binder(), HealthCheck.class).addBinding().to(RedisHealthCheck.class);
        Multibinder.newSetBinder(binder(), MeterBinder.class).addBinding().to(RedisPoolMetrics.class);
    }

    @Provides
    @Singleton
    synchronized RedisConnections connections() {
        if (unreachable != null) {
            throw unreachable;
        }
        RedisConnections connections = new RedisConnections(settings);
        try {
            // One attempt (not retried): a refusal is known at once, a silent server costs one connect timeout.
            connections.once("ping at start-up", client -> client.ping());
        } catch (DbException e) {
            if (e.kind() != DbErrorKind.CONNECTION && e.kind() != DbErrorKind.TIMEOUT) {
                return connections;
            }
            connections.close();
            unreachable = DbException.of(e.kind(), e.backend(), "Redis at " + connections.address() + " does not answer: " + e.getMessage(),
                    e.vendorCode().orElse(null), e);
            throw unreachable;
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
        return connections;
    }

    @Provides
    @Singleton
    RedisPoolMetrics poolMetrics(RedisConnections connections) {
        return new RedisPoolMetrics(connections);
    }

    @Provides
    @Singleton
    RedisKeys keys() {
        return new RedisKeys(settings.namespace());
    }

    @Provides
    @Singleton
    StreamEventCodec streamEventCodec() {
        return new StreamEventCodec();
    }

    @Provides
    @Singleton
    PriceCache priceCache(RedisConnections connections, RedisKeys keys) {
        return new RedisPriceCache(connections, keys, LuaScript.fromResource("set-if-newer.lua"), settings.cacheTtl());
    }

    @Provides
    @Singleton
    PoolStateCache poolStateCache(RedisConnections connections, RedisKeys keys) {
        return new RedisPoolStateCache(connections, keys, LuaScript.fromResource("set-if-newer.lua"), settings.cacheTtl());
    }

    @Provides
    @Singleton
    EventStream eventStream(RedisConnections connections, RedisKeys keys, StreamEventCodec codec) {
        return new RedisEventStream(connections, keys, codec, LuaScript.fromResource("stream-append.lua"),
                LuaScript.fromResource("dead-letter.lua"), settings.streamMaxLength(), settings.trimming(), settings.maxDeliveries());
    }

    @Provides
    @Singleton
    RedisLiveFeed redisLiveFeed(RedisConnections connections, RedisKeys keys, StreamEventCodec codec) {
        Duration subscribeWait = settings.connectTimeout().plus(settings.socketTimeout()).plusSeconds(10);
        // Publishers may send on their own threads, a quarter of the pool at once: the caches keep the rest.
        return new RedisLiveFeed(connections, keys, codec, settings.feedRateHz(), subscribeWait, Math.max(1, settings.poolSize() / 4));
    }

    @Provides
    @Singleton
    LiveFeed liveFeed(RedisLiveFeed feed) {
        return feed;
    }

    @Provides
    @Singleton
    RedisHealthCheck healthCheck(RedisConnections connections, RedisKeys keys) {
        return new RedisHealthCheck(connections, keys);
    }
}
