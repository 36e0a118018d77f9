package io.soltrade.data.redis;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.binder.MeterBinder;
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
 * in reverse order, stops the feed's threads before the pool they publish through). Nothing connects until a port
 * is first used.
 */
public final class RedisModule extends AbstractModule {
    private final RedisSettings settings;

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
    RedisConnections connections() {
        return new RedisConnections(settings);
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
        return new RedisLiveFeed(connections, keys, codec, settings.feedRateHz(), subscribeWait);
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
