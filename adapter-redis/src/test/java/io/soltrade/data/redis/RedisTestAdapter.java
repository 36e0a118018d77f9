package io.soltrade.data.redis;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PriceCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** The adapter as a host gets it, from {@link RedisModule}; closing it closes its resources in reverse order. */
final class RedisTestAdapter implements AutoCloseable {
    final Injector injector;

    RedisTestAdapter(RedisSettings settings) {
        this.injector = Guice.createInjector(new RedisModule(settings));
    }

    PriceCache priceCache() {
        return injector.getInstance(PriceCache.class);
    }

    PoolStateCache poolStateCache() {
        return injector.getInstance(PoolStateCache.class);
    }

    EventStream eventStream() {
        return injector.getInstance(EventStream.class);
    }

    LiveFeed liveFeed() {
        return injector.getInstance(LiveFeed.class);
    }

    RedisConnections connections() {
        return injector.getInstance(RedisConnections.class);
    }

    Set<HealthCheck> healthChecks() {
        return injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}));
    }

    List<ManagedResource> resources() {
        return new ArrayList<>(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));
    }

    @Override
    public void close() {
        List<ManagedResource> reversed = resources();
        Collections.reverse(reversed);
        reversed.forEach(ManagedResource::close);
    }
}
