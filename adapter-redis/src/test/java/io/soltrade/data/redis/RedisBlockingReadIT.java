package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Blocking stream reads and what is retried, on a private {@code redis-server} that is frozen (SIGSTOP) or has its
 * clients killed (the shared server is never touched): a blocking read on a frozen server ends within its block
 * time plus the socket timeout, blocking readers never take the connections the caches use, and after a stale
 * connection only the operations the idempotency table marks idempotent are retried.
 */
class RedisBlockingReadIT {
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MARGIN = Duration.ofSeconds(5);

    private PrivateRedisServer server;
    private RedisTestAdapter adapter;
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        server = PrivateRedisServer.start();
        // The idle check would drop dead connections by itself: out of the way, so a test meets what it made stale.
        adapter = new RedisTestAdapter(RedisSettings.builder().url(server.url()).namespace("blocking").poolSize(2).blockingPoolSize(4)
                .connectTimeout(Duration.ofMillis(500)).socketTimeout(SOCKET_TIMEOUT).idleCheckInterval(Duration.ofHours(1)).build());
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        adapter.close();
    }

    @Test
    void aBlockingReadOnAFrozenServerEndsWithinItsBlockPlusTheSocketTimeout() throws Exception {
        EventStream streams = adapter.eventStream();
        streams.ensureGroup(StreamName.UI_EVENTS, "readers", GroupStart.NEW_ONLY);
        Duration block = Duration.ofSeconds(2);
        // A connection already in the blocking pool: a new one would fail sooner, at its handshake's socket timeout.
        assertThat(streams.read(StreamName.UI_EVENTS, StreamEntryId.ZERO, 10, Duration.ofMillis(10)).entries()).isEmpty();
        server.freeze();
        try {
            assertEndsWithTimeout("XREAD BLOCK", block.plus(SOCKET_TIMEOUT),
                    () -> streams.read(StreamName.UI_EVENTS, StreamEntryId.ZERO, 10, block));
            assertEndsWithTimeout("XREADGROUP BLOCK", block.plus(SOCKET_TIMEOUT),
                    () -> streams.readGroup(StreamName.UI_EVENTS, "readers", "consumer-1", 10, block));
        } finally {
            server.thaw();
        }
        await("blocking reads after SIGCONT").atMost(Duration.ofSeconds(30)).ignoreException(TransientDbException.class)
                .until(() -> streams.read(StreamName.UI_EVENTS, StreamEntryId.ZERO, 10, Duration.ofMillis(10)).entries().isEmpty());
    }

    @Test
    void blockingReadersNeverTakeTheConnectionsTheCachesUse() throws Exception {
        EventStream streams = adapter.eventStream();
        PriceCache prices = adapter.priceCache();
        Duration block = Duration.ofSeconds(4);
        List<CompletableFuture<Object>> readers = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // as many readers as the blocking pool has connections, twice the command pool
            readers.add(CompletableFuture.supplyAsync(() -> streams.read(StreamName.PRICE_UPDATES, StreamEntryId.ZERO, 10, block), callers));
        }
        await("four readers blocked on the server").atMost(Duration.ofSeconds(10)).until(() -> blockedClients() == 4);

        for (int i = 0; i < 20; i++) {
            var quote = TestValues.quote(TestValues.symbol(), i + 1);
            prices.put(quote);
            assertThat(prices.get(quote.symbol())).contains(quote);
        }
        assertThat(readers).as("the readers were still blocked while the caches worked").noneMatch(CompletableFuture::isDone);
        for (CompletableFuture<Object> reader : readers) {
            reader.get(block.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void afterAStaleConnectionAGroupReadIsNotRetriedButATailingReadIs() {
        EventStream streams = adapter.eventStream();
        streams.ensureGroup(StreamName.TRADE_EVENTS, "workers", GroupStart.BEGINNING);
        StreamEntryId first = streams.publish(TestValues.tradeEvent());
        assertThat(streams.read(StreamName.TRADE_EVENTS, StreamEntryId.ZERO, 10, Duration.ZERO).entries()).hasSize(1);

        killEveryAdapterConnection();
        Throwable groupRead = catchThrowable(() -> streams.readGroup(StreamName.TRADE_EVENTS, "workers", "consumer-1", 10, Duration.ZERO));
        assertThat(groupRead).as("a group read on a stale connection").isInstanceOf(TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.CONNECTION);
        List<StreamEntry> delivered = streams.readGroup(StreamName.TRADE_EVENTS, "workers", "consumer-1", 10, Duration.ZERO);
        assertThat(delivered).extracting(StreamEntry::id).containsExactly(first);

        killEveryAdapterConnection();
        assertThat(streams.read(StreamName.TRADE_EVENTS, StreamEntryId.ZERO, 10, Duration.ZERO).entries())
                .as("a tailing read is retried on a fresh connection").hasSize(1);

        killEveryAdapterConnection();
        Throwable claim = catchThrowable(() -> streams.claimStale(StreamName.TRADE_EVENTS, "workers", "consumer-2", Duration.ZERO, 10));
        assertThat(claim).as("a claim on a stale connection").isInstanceOf(TransientDbException.class);
    }

    /** {@code CLIENT KILL} of every client but this one: the adapter's idle pooled connections go stale. */
    private void killEveryAdapterConnection() {
        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            admin.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "KILL", "TYPE", "normal", "SKIPME", "yes");
        }
    }

    private long blockedClients() {
        try (Jedis admin = new Jedis("127.0.0.1", server.port())) {
            String clients = admin.info("clients");
            return clients.lines().filter(line -> line.startsWith("blocked_clients:")).mapToLong(line -> Long.parseLong(line.substring(16).trim()))
                    .findFirst().orElse(-1);
        }
    }

    private void assertEndsWithTimeout(String call, Duration bound, java.util.function.Supplier<Object> read) throws InterruptedException {
        long started = System.nanoTime();
        CompletableFuture<Object> future = CompletableFuture.supplyAsync(read, callers);
        await(call + " on a frozen server to end").atMost(bound.plus(MARGIN)).pollInterval(Duration.ofMillis(20)).until(future::isDone);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Throwable failure = null;
        try {
            future.get();
        } catch (ExecutionException e) {
            failure = e.getCause();
        }
        assertThat(failure).as("%s on a frozen server, after %d ms", call, took.toMillis()).isInstanceOf(TransientDbException.class)
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.TIMEOUT);
        System.out.printf("RedisBlockingReadIT: %s on a frozen server failed after %d ms (bound %d ms)%n", call, took.toMillis(), bound.toMillis());
    }
}
