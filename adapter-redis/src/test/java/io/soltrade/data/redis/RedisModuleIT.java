package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Message;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RedisModule} as a host uses it: strict Guice, health, lifecycle. */
class RedisModuleIT {

    @Test
    void bindsEveryPortAsASingletonUnderAStrictInjector() {
        try (TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace()) {
            Injector injector = Guice.createInjector(Stage.PRODUCTION, binder -> {
                binder.requireExplicitBindings();
                binder.disableCircularProxies();
            }, new RedisModule(namespace.settings().build()));
            try {
                for (Class<?> port : List.of(PriceCache.class, PoolStateCache.class, EventStream.class, LiveFeed.class)) {
                    assertThat(injector.getInstance(port)).isSameAs(injector.getInstance(port));
                }
                assertThat(resources(injector)).extracting(ManagedResource::name)
                        .containsExactly("redis connection pool 127.0.0.1:" + TestingRedis.shared().url().replaceAll(".*:", ""),
                                "redis live feed (" + namespace.name() + ")");
            } finally {
                closeInReverse(resources(injector));
            }
        }
    }

    @Test
    void healthReportsPingMemoryAndStreamLengths() {
        try (TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace();
                RedisTestAdapter adapter = new RedisTestAdapter(namespace.settings().build())) {
            adapter.eventStream().publish(TestValues.uiEvent("counted"));

            HealthReport report = adapter.healthChecks().iterator().next().check();

            assertThat(report.backend()).isEqualTo("redis");
            assertThat(report.state()).isIn(HealthState.UP, HealthState.DEGRADED);
            assertThat(report.latency()).isPositive();
            assertThat(report.details()).containsEntry("stream.ui-events.length", "1").containsEntry("stream.price-updates.length", "0")
                    .containsKeys("used_memory", "maxmemory", "pool");
            assertThat(Long.parseLong(report.details().get("used_memory"))).isPositive();
        }
    }

    /** As PostgreSQL and QuestDB: a server that refuses the connection fails the start at once, naming it. */
    @Test
    void aRefusedConnectionFailsTheStartNamingTheServer() {
        int port = unusedPort();
        RedisSettings unreachable = RedisSettings.builder().url("redis://127.0.0.1:" + port).connectTimeout(Duration.ofSeconds(5)).build();

        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> Guice.createInjector(Stage.PRODUCTION, binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
        }, new RedisModule(unreachable)));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(failure).isInstanceOf(CreationException.class);
        List<Throwable> causes = ((CreationException) failure).getErrorMessages().stream().map(Message::getCause).distinct().toList();
        assertThat(causes).as("one PING, whose failure every binding that needs the pool reports").hasSize(1);
        assertThat(causes.get(0)).isInstanceOf(TransientDbException.class)
                .hasMessageStartingWith("Redis at 127.0.0.1:" + port + " does not answer: ping at start-up failed")
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.CONNECTION));
        assertThat(millis).as("a refusal is known at once, well within the 5 s connect timeout").isLessThan(5_000);
    }

    /** A server that goes away after the start: the health check says DOWN and never throws; calls fail as transient. */
    @Test
    void healthIsDownWithoutThrowingWhenRedisStopsAnsweringAfterTheStart() {
        try (PrivateRedisServer server = PrivateRedisServer.start();
                RedisTestAdapter adapter = new RedisTestAdapter(RedisSettings.builder().url(server.url()).connectTimeout(Duration.ofMillis(200)).build())) {
            HealthCheck check = adapter.healthChecks().iterator().next();
            assertThat(check.check().state()).isIn(HealthState.UP, HealthState.DEGRADED);

            server.kill();
            HealthReport report = check.check();

            assertThat(report.state()).isEqualTo(HealthState.DOWN);
            assertThat(report.error()).hasValueSatisfying(error -> assertThat(error).contains("CONNECTION"));
            assertThatThrownBy(() -> adapter.priceCache().get(TestValues.symbol())).isInstanceOf(TransientDbException.class);
        }
    }

    @Test
    void aClosedAdapterRefusesCallsAsClosed() {
        TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace();
        RedisTestAdapter adapter = new RedisTestAdapter(namespace.settings().build());
        PriceCache cache = adapter.priceCache();
        LiveFeed feed = adapter.liveFeed();
        adapter.close();
        namespace.close();

        assertThatThrownBy(() -> cache.get(TestValues.symbol())).isInstanceOf(DbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.CLOSED));
        assertThatThrownBy(() -> feed.publish(new io.soltrade.data.ports.FeedChannel("x", io.soltrade.data.domain.StreamName.UI_EVENTS),
                TestValues.uiEvent("late"))).isInstanceOf(DbException.class);
    }

    private static List<ManagedResource> resources(Injector injector) {
        return List.copyOf(injector.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {})));
    }

    private static void closeInReverse(List<ManagedResource> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private static int unusedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
