package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemoryModuleTest {

    private static Injector strictInjector(MemoryModule module) {
        return Guice.createInjector(Stage.PRODUCTION, new AbstractModule() {
            @Override
            protected void configure() {
                binder().requireExplicitBindings();
                binder().disableCircularProxies();
                install(module);
            }
        });
    }

    @Test
    void bindsEveryPortAsOneSingletonSharedWithItsConcreteStore() {
        Injector injector = strictInjector(new MemoryModule());

        assertThat(injector.getInstance(TradeStore.class)).isSameAs(injector.getInstance(MemoryTradeStore.class))
                .isSameAs(injector.getInstance(TradeStore.class));
        assertThat(injector.getInstance(PositionStore.class)).isSameAs(injector.getInstance(MemoryPositionStore.class));
        assertThat(injector.getInstance(MetricsStore.class)).isSameAs(injector.getInstance(MemoryMetricsStore.class));
        assertThat(injector.getInstance(MevEventStore.class)).isSameAs(injector.getInstance(MemoryMevEventStore.class));
        assertThat(injector.getInstance(ConfigStore.class)).isSameAs(injector.getInstance(MemoryConfigStore.class));
        assertThat(injector.getInstance(PriceCache.class)).isSameAs(injector.getInstance(MemoryPriceCache.class));
        assertThat(injector.getInstance(PoolStateCache.class)).isSameAs(injector.getInstance(MemoryPoolStateCache.class));
        assertThat(injector.getInstance(EventStream.class)).isSameAs(injector.getInstance(MemoryEventStream.class));
        assertThat(injector.getInstance(LiveFeed.class)).isSameAs(injector.getInstance(MemoryLiveFeed.class));
    }

    @Test
    void contributesTheFeedAsItsOnlyResourceAndOneHealthCheckThatFollowsTheFailurePlans() {
        Injector injector = strictInjector(new MemoryModule());
        Set<ManagedResource> resources = injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {}));
        Set<HealthCheck> checks = injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}));
        assertThat(resources).containsExactly(injector.getInstance(MemoryLiveFeed.class));
        assertThat(checks).hasSize(1);
        HealthCheck check = checks.iterator().next();
        assertThat(check.backend()).isEqualTo("memory");
        assertThat(check.check().state()).isEqualTo(HealthState.UP);

        injector.getInstance(MemoryMetricsStore.class).withFailure(FailurePlan.everyNthCall(3, DbErrorKind.TIMEOUT));
        assertThat(check.check().state()).isEqualTo(HealthState.DEGRADED);

        injector.getInstance(MemoryTradeStore.class).withFailure(FailurePlan.alwaysTransient());
        HealthReport down = check.check();
        assertThat(down.state()).isEqualTo(HealthState.DOWN);
        assertThat(down.details()).containsEntry("TradeStore", "CONNECTION always");
        assertThat(down.error()).isPresent();

        injector.getInstance(MemoryTradeStore.class).withFailure(FailurePlan.never());
        injector.getInstance(MemoryMetricsStore.class).withFailure(FailurePlan.never());
        assertThat(check.check().state()).isEqualTo(HealthState.UP);

        injector.getInstance(MemoryEventStream.class).withFailure(FailurePlan.alwaysTransient());
        assertThat(check.check().state()).isEqualTo(HealthState.DOWN);
        assertThat(check.check().details()).containsKeys("TradeStore", "PositionStore", "MetricsStore", "MevEventStore", "ConfigStore",
                "PriceCache", "PoolStateCache", "EventStream");
    }

    @Test
    void settingsReachEveryStore() {
        Clock clock = Clock.fixed(Instant.parse("2030-01-02T03:04:05.123456Z"), ZoneOffset.UTC);
        MemorySettings settings = MemorySettings.defaults().withClock(clock).withFailures(FailurePlan.alwaysPermanent());
        Injector injector = strictInjector(new MemoryModule(settings));

        assertThat(injector.getInstance(MemoryTradeStore.class).failurePlan()).isEqualTo(FailurePlan.alwaysPermanent());
        assertThat(injector.getInstance(MemoryConfigStore.class).failurePlan()).isEqualTo(FailurePlan.alwaysPermanent());
        HealthCheck check = injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {})).iterator().next();
        assertThat(check.check().state()).isEqualTo(HealthState.DOWN);
    }
}
