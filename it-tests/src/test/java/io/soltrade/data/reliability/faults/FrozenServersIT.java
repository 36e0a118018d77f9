package io.soltrade.data.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.RedisSettings;
import io.soltrade.data.reliability.support.DurableRedisServer;
import io.soltrade.data.reliability.support.FaultServers;
import io.soltrade.data.reliability.support.FreezableProxy;
import io.soltrade.data.reliability.support.FrozenProcess;
import io.soltrade.data.reliability.support.RunningAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Each backend frozen: QuestDB and a private Redis with SIGSTOP (child processes of this JVM), PostgreSQL behind a
 * proxy that stops moving bytes (the shared server itself is never stopped). Calls made while frozen end with a
 * {@link TransientDbException} within their configured timeouts instead of hanging, and service resumes within
 * seconds of SIGCONT / thaw, with nothing to restart. The bounds below are the configured timeouts plus a
 * generous margin for a loaded machine: the point is "does not hang", not a latency figure.
 */
class FrozenServersIT {
    private static final Duration MARGIN = Duration.ofSeconds(20);
    private static final Duration RESUME = Duration.ofSeconds(30);

    @Test
    void questDbFrozenFailsCallsWithinTheirDeadlinesAndResumes() throws Exception {
        QuestDbServer server = FaultServers.questDb();
        // The read timeout is the adapter's own setting (pgjdbc socketTimeout of its pool), not a URL parameter.
        QuestDbSettings settings = new QuestDbSettings(server.ilpConfig() + "request_timeout=2000;", server.pgUrl(),
                server.pgUser(), server.pgPassword(), Duration.ofMillis(50), 100, 10_000, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(3), 2, true);
        try (RunningAdapter adapter = RunningAdapter.start(new QuestDbModule(settings))) {
            TradeStore trades = adapter.port(TradeStore.class);
            Trade before = ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart());
            trades.save(before);
            assertThat(trades.findById(before.id())).contains(before);

            try (FrozenProcess frozen = FrozenProcess.freeze(FrozenProcess.questDb(server.root()))) {
                Trade during = ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart());
                failsWithin("QuestDB save", settings.writeTimeLimit(), () -> {
                    trades.save(during);
                    return null;
                });
                // the read timeout, or HikariCP's 5 s wait for a connection when the idle ones fail validation
                failsWithin("QuestDB findById", settings.readTimeout().plusSeconds(5), () -> trades.findById(before.id()));
            }
            Trade after = ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart());
            await("QuestDB service after SIGCONT").atMost(RESUME).pollInterval(Duration.ofMillis(100)).ignoreException(TransientDbException.class)
                    .until(() -> {
                        trades.save(after);
                        return trades.findById(after.id()).isPresent();
                    });
        }
    }

    @Test
    void redisFrozenFailsCallsWithinTheSocketTimeoutAndResumes() throws Exception {
        try (DurableRedisServer redis = DurableRedisServer.launch(false);
                RunningAdapter adapter = RunningAdapter.start(new RedisModule(RedisSettings.builder().url(redis.url()).namespace("frozen")
                        .connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(1)).build()))) {
            PriceCache prices = adapter.port(PriceCache.class);
            EventStream streams = adapter.port(EventStream.class);
            PriceQuote quote = ContractFixtures.priceQuote(ContractFixtures.symbol(), 1, ContractFixtures.now());
            prices.put(quote);
            assertThat(prices.get(quote.symbol())).contains(quote);

            try (FrozenProcess frozen = FrozenProcess.freeze(redis.process())) {
                // a timeout is not retried by the adapter (it says the server is frozen, not that a connection went stale)
                failsWithin("Redis get", Duration.ofSeconds(3), () -> prices.get(quote.symbol()));
                failsWithin("Redis put", Duration.ofSeconds(3), () -> prices.put(ContractFixtures.priceQuote(quote.symbol(), 2, ContractFixtures.now())));
                failsWithin("Redis publish", Duration.ofSeconds(3), () -> streams.publish(ContractFixtures.uiEvent()));
            }
            PriceQuote later = ContractFixtures.priceQuote(quote.symbol(), 3, ContractFixtures.now());
            await("Redis service after SIGCONT").atMost(RESUME).pollInterval(Duration.ofMillis(100)).ignoreException(TransientDbException.class)
                    .until(() -> {
                        prices.put(later);
                        return prices.get(later.symbol()).equals(java.util.Optional.of(later));
                    });
        }
    }

    @Test
    void postgresFrozenFailsCallsWithinTheSocketTimeoutAndResumes() throws Exception {
        TestingPostgres postgres = TestingPostgres.start();
        URI server = URI.create(postgres.url().substring("jdbc:".length()));
        String schema = postgres.freshSchema();
        try (FreezableProxy proxy = FreezableProxy.to(server.getHost(), server.getPort())) {
            PostgresSettings settings = PostgresSettings.builder("jdbc:postgresql://127.0.0.1:" + proxy.port() + server.getPath(), postgres.user())
                    .schema(schema).maxPoolSize(2).connectTimeout(Duration.ofSeconds(1)).socketTimeout(Duration.ofSeconds(2))
                    .poolTimeout(Duration.ofSeconds(1)).build();
            try (RunningAdapter adapter = RunningAdapter.start(new PostgresModule(settings))) {
                ConfigStore config = adapter.port(ConfigStore.class);
                TokenMetadata token = ContractFixtures.splToken();
                config.upsertToken(token, io.soltrade.data.domain.Actor.of("frozen"));
                assertThat(config.findToken(token.mint())).contains(token);

                proxy.freeze();
                try {
                    Duration bound = settings.socketTimeout().plus(settings.poolTimeout()).plusSeconds(1);
                    failsWithin("PostgreSQL findToken", bound, () -> config.findToken(token.mint()));
                    failsWithin("PostgreSQL upsertToken", bound, () -> {
                        config.upsertToken(ContractFixtures.splToken(), io.soltrade.data.domain.Actor.of("frozen"));
                        return null;
                    });
                } finally {
                    proxy.thaw();
                }
                await("PostgreSQL service after thaw").atMost(RESUME).pollInterval(Duration.ofMillis(100)).ignoreException(TransientDbException.class)
                        .until(() -> config.findToken(token.mint()).isPresent());
                assertThat(config.findTokensWithExtension(io.soltrade.data.domain.token.ExtensionType.TRANSFER_FEE_CONFIG, 1)).isEmpty();
            }
        } finally {
            postgres.close();
        }
    }

    /**
     * Runs {@code call} on a thread of its own and checks it ends, with a {@link TransientDbException}, within
     * {@code bound} plus the margin; a call still running then is a hang.
     */
    private static void failsWithin(String call, Duration bound, Supplier<Object> work) throws InterruptedException {
        long started = System.nanoTime();
        CompletableFuture<Object> future = CompletableFuture.supplyAsync(work);
        await(call + " to give up on a frozen server").atMost(bound.plus(MARGIN)).pollInterval(Duration.ofMillis(20)).until(future::isDone);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Throwable failure = null;
        try {
            future.get();
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertThat(failure).as("%s on a frozen server (returned after %d ms)", call, took.toMillis()).isInstanceOf(TransientDbException.class);
        System.out.printf("FrozenServersIT: %s failed after %d ms (configured bound %d ms): %s%n", call, took.toMillis(), bound.toMillis(),
                ((DbException) failure).kind());
    }
}
