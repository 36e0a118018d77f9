package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Faults on a private {@code redis-server} (the shared one is never restarted): Redis killed and started again,
 * idle and under load. Stale pooled connections cost at most one failed call each (none for idempotent calls,
 * which retry once on a fresh connection), calls recover, scripts are reloaded, subscribers resubscribe, and no
 * price is ever served past its TTL.
 */
class RedisRestartIT {
    private static final int POOL_SIZE = 8;
    private static final Duration TTL = Duration.ofSeconds(1);

    private static PrivateRedisServer server;
    private static RedisTestAdapter adapter;

    @BeforeAll
    static void start() {
        server = PrivateRedisServer.start();
        // The idle check would drop stale connections on its own every few seconds: push it out of the way so
        // that every test meets the stale connections a restart leaves behind.
        adapter = new RedisTestAdapter(RedisSettings.builder().url(server.url()).namespace("restart").cacheTtl(TTL).poolSize(POOL_SIZE)
                .idleCheckInterval(Duration.ofHours(1)).build());
    }

    @AfterAll
    static void stop() {
        adapter.close();
        server.close();
    }

    @Test
    void idempotentCallsSurviveARestartWithoutAFailure() throws Exception {
        PriceCache cache = adapter.priceCache();
        warmUpEveryPooledConnection(() -> cache.put(TestValues.quote(TestValues.symbol(), 1)));
        long discardedBefore = adapter.connections().idleSetsDiscarded();

        server.restart();

        // One caller meets all the stale connections in turn: the first failure must clear them all.
        List<Throwable> failures = runConcurrently(1, 100, () -> {
            PriceQuote quote = TestValues.quote(TestValues.symbol(), 7);
            cache.put(quote);
            assertThat(cache.get(quote.symbol())).contains(quote);
        });
        assertThat(failures).as("idempotent calls after a restart").isEmpty();
        assertThat(adapter.connections().idleSetsDiscarded()).as("stale connections were met").isGreaterThan(discardedBefore);
    }

    @Test
    void aRestartCostsAnAppenderAtMostOneFailureAndNoDuplicate() throws Exception {
        EventStream stream = adapter.eventStream();
        warmUpEveryPooledConnection(() -> stream.publish(TestValues.uiEvent("warm-up")));
        long discardedBefore = adapter.connections().idleSetsDiscarded();

        server.restart();

        AtomicLong appended = new AtomicLong();
        List<Throwable> failures = runConcurrently(1, 100, () -> {
            stream.publish(TestValues.uiEvent("after restart"));
            appended.incrementAndGet();
        });
        System.out.printf("appends after a restart: %d failed of %d%n", failures.size(), 100);
        assertThat(failures).as("one failure clears every stale connection").hasSizeLessThanOrEqualTo(1).allSatisfy(failure -> assertThat(failure).isInstanceOf(TransientDbException.class));
        assertThat(adapter.connections().idleSetsDiscarded()).as("stale connections were met").isGreaterThan(discardedBefore);
        assertThat(stream.length(StreamName.UI_EVENTS)).isEqualTo(appended.get());
        assertThat(stream.publish(TestValues.uiEvent("recovered"))).isNotNull();
    }

    @Test
    void scriptsAreLoadedAgainAfterTheServerForgotThem() {
        PriceCache cache = adapter.priceCache();
        EventStream stream = adapter.eventStream();
        cache.put(TestValues.quote(TestValues.symbol(), 1));
        StreamEntryId before = stream.publish(TestValues.uiEvent("before"));
        try (Jedis jedis = new Jedis("127.0.0.1", server.port())) {
            jedis.scriptFlush();
        }

        PriceQuote quote = TestValues.quote(TestValues.symbol(), 2);
        assertThat(cache.putAll(List.of(quote, TestValues.quote(TestValues.symbol(), 3)))).hasSize(2);
        assertThat(cache.get(quote.symbol())).contains(quote);
        assertThat(stream.publish(TestValues.uiEvent("after"))).isGreaterThan(before);
    }

    @Test
    void aSubscriberResubscribesAfterItsConnectionDrops() {
        LiveFeed feed = adapter.liveFeed();
        FeedChannel channel = new FeedChannel("restart." + TestValues.word(8).toLowerCase(), StreamName.UI_EVENTS);
        List<String> received = new CopyOnWriteArrayList<>();
        try (FeedSubscription subscription = feed.subscribe(channel, event -> received.add(((io.soltrade.data.domain.UiEvent) event).message()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                feed.publish(channel, TestValues.uiEvent("before"));
                return received.contains("before");
            });

            server.restart();

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                feed.publish(channel, TestValues.uiEvent("after"));
                return received.contains("after");
            });
            assertThat(((RedisFeedSubscription) subscription).subscriptions()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void underLoadARestartCostsAtMostOneFailurePerStaleConnectionAndNoPriceOutlivesItsTtl() throws Exception {
        PriceCache cache = adapter.priceCache();
        List<TokenSymbol> hot = IntStream.range(0, 8).mapToObj(i -> TestValues.symbol()).toList();
        List<TokenSymbol> cold = IntStream.range(0, 8).mapToObj(i -> TestValues.symbol()).toList();
        Map<String, Long> storedAt = new ConcurrentHashMap<>();
        List<String> servedPastTtl = new CopyOnWriteArrayList<>();
        AtomicLong slots = new AtomicLong();
        for (TokenSymbol symbol : cold) {
            // Written once: each must vanish a TTL after this put returned.
            long slot = slots.incrementAndGet();
            cache.put(TestValues.quote(symbol, slot));
            storedAt.put(symbol + ":" + slot, System.nanoTime());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean restarted = new AtomicBoolean();
        AtomicLong failuresAfterRestart = new AtomicLong();
        AtomicLong callsAfterRestart = new AtomicLong();
        List<Long> lastFailureCallIndex = new CopyOnWriteArrayList<>();
        ExecutorService load = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 6; worker++) {
            boolean writer = worker < 2;
            workers.add(load.submit(() -> {
                while (running.get()) {
                    boolean afterRestart = restarted.get();
                    long callIndex = afterRestart ? callsAfterRestart.incrementAndGet() : 0;
                    try {
                        if (writer) {
                            TokenSymbol symbol = hot.get(ThreadLocalRandom.current().nextInt(hot.size()));
                            long slot = slots.incrementAndGet();
                            cache.put(TestValues.quote(symbol, slot));
                            storedAt.put(symbol + ":" + slot, System.nanoTime());
                        } else {
                            List<TokenSymbol> pool = ThreadLocalRandom.current().nextBoolean() ? hot : cold;
                            TokenSymbol symbol = pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
                            long askedAt = System.nanoTime();
                            Optional<PriceQuote> served = cache.get(symbol);
                            served.ifPresent(quote -> {
                                Long stored = storedAt.get(quote.symbol() + ":" + quote.slot());
                                // Redis keeps milliseconds: allow it 5 ms of rounding.
                                if (stored != null && askedAt > stored + TTL.toNanos() + TimeUnit.MILLISECONDS.toNanos(5)) {
                                    servedPastTtl.add(quote.symbol() + " slot " + quote.slot() + " served " + (askedAt - stored) / 1_000_000 + " ms after it was stored");
                                }
                            });
                        }
                    } catch (DbException e) {
                        if (afterRestart) {
                            failuresAfterRestart.incrementAndGet();
                            lastFailureCallIndex.add(callIndex);
                        }
                    }
                }
                return null;
            }));
        }
        // Let the cold quotes expire under load, then kill Redis and bring it back while the load runs on.
        long coldStored = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).until(() -> System.nanoTime() - coldStored > TTL.toNanos() * 2);
        long discardedBefore = adapter.connections().idleSetsDiscarded();
        server.kill();
        server.startAgain();
        restarted.set(true);
        await().atMost(Duration.ofSeconds(60)).until(() -> callsAfterRestart.get() > 2_000);
        running.set(false);
        for (Future<?> worker : workers) {
            worker.get(30, TimeUnit.SECONDS);
        }
        load.shutdown();

        System.out.printf("restart under load: %d calls after the restart, %d failed; idle sets discarded %d%n", callsAfterRestart.get(),
                failuresAfterRestart.get(), adapter.connections().idleSetsDiscarded() - discardedBefore);
        assertThat(adapter.connections().idleSetsDiscarded()).as("the restart broke connections").isGreaterThan(discardedBefore);
        assertThat(servedPastTtl).as("prices served past their TTL").isEmpty();
        assertThat(failuresAfterRestart.get()).as("failed calls once Redis answered again").isLessThanOrEqualTo(POOL_SIZE);
        assertThat(lastFailureCallIndex).as("failures happen only right after the restart").allSatisfy(index -> assertThat(index).isLessThan(1_000));
        TokenSymbol probe = TestValues.symbol();
        PriceQuote quote = TestValues.quote(probe, slots.incrementAndGet());
        cache.put(quote);
        assertThat(cache.get(probe)).contains(quote);
    }

    /**
     * Redis stopped for a few seconds under load on every port (caches, appends, blocking tailing reads, blocking group
     * reads with acks, the live feed): every call made while it is down ends with a {@link TransientDbException}
     * within its timeouts (none hangs, none fails any other way), and once it is back every port serves again on the
     * same adapter, the subscriber included, with each append acknowledged after the restart stored exactly once.
     */
    @Test
    void underLoadAStoppedServerFailsCallsWithinTheirTimeoutsAndEveryPortResumesWhenItIsBack() throws Exception {
        PriceCache cache = adapter.priceCache();
        EventStream streams = adapter.eventStream();
        LiveFeed feed = adapter.liveFeed();
        FeedChannel channel = new FeedChannel("ui.restart-" + TestValues.word(6).toLowerCase(), StreamName.UI_EVENTS);
        AtomicLong received = new AtomicLong();
        Duration block = Duration.ofMillis(300);
        // connect + socket timeout (defaults: 2 s each) + the longest block, and a loaded machine's slack
        Duration bound = Duration.ofSeconds(4).plus(block).plusSeconds(5);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean back = new AtomicBoolean();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        Map<String, AtomicLong> succeededAfterRestart = new ConcurrentHashMap<>();
        List<StreamEntryId> appendedAfterRestart = new CopyOnWriteArrayList<>();
        String group = TestValues.group();
        streams.ensureGroup(StreamName.TRADE_EVENTS, group, io.soltrade.data.ports.GroupStart.BEGINNING);
        Map<String, Runnable> calls = new java.util.LinkedHashMap<>();
        calls.put("cache", () -> {
            PriceQuote quote = TestValues.quote(TestValues.symbol(), 1);
            cache.put(quote);
            cache.get(quote.symbol());
        });
        calls.put("append", () -> {
            StreamEntryId id = streams.publish(TestValues.tradeEvent());
            if (back.get()) {
                appendedAfterRestart.add(id);
            }
        });
        calls.put("tail", () -> streams.read(StreamName.TRADE_EVENTS, StreamEntryId.ZERO, 10, block));
        calls.put("group", () -> {
            try {
                List<io.soltrade.data.ports.StreamEntry> entries = streams.readGroup(StreamName.TRADE_EVENTS, group, "consumer", 10, block);
                streams.ack(StreamName.TRADE_EVENTS, group, entries.stream().map(io.soltrade.data.ports.StreamEntry::id).toList());
            } catch (io.soltrade.data.ports.PermanentDbException e) {
                if (e.kind() != io.soltrade.data.ports.DbErrorKind.NOT_FOUND) {
                    throw e;
                }
                // the restarted server is empty: the group is made again
                streams.ensureGroup(StreamName.TRADE_EVENTS, group, io.soltrade.data.ports.GroupStart.BEGINNING);
            }
        });
        calls.put("feed", () -> feed.publish(channel, TestValues.uiEvent("tick")));
        ExecutorService load = Executors.newFixedThreadPool(calls.size());
        List<Future<?>> workers = new ArrayList<>();
        try (FeedSubscription subscription = feed.subscribe(channel, event -> received.incrementAndGet())) {
            for (Map.Entry<String, Runnable> call : calls.entrySet()) {
                succeededAfterRestart.put(call.getKey(), new AtomicLong());
                workers.add(load.submit(() -> {
                    while (running.get()) {
                        boolean duringOutage = down.get();
                        boolean afterRestart = back.get();
                        long started = System.nanoTime();
                        try {
                            call.getValue().run();
                            if (afterRestart) {
                                succeededAfterRestart.get(call.getKey()).incrementAndGet();
                            }
                        } catch (TransientDbException e) {
                            // expected while Redis is down, and for calls on connections the outage broke
                        } catch (RuntimeException e) {
                            unexpected.add(call.getKey() + ": " + e);
                        }
                        long tookMillis = (System.nanoTime() - started) / 1_000_000;
                        if (duringOutage && tookMillis > bound.toMillis()) {
                            unexpected.add(call.getKey() + " took " + tookMillis + " ms while Redis was down");
                        }
                        if (duringOutage) {
                            await().pollDelay(Duration.ofMillis(20)).until(() -> true);
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> received.get() > 0);

            server.kill();
            down.set(true);
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            server.startAgain();
            down.set(false);
            back.set(true);
            long receivedBeforeRestart = received.get();
            await("every port serving again").atMost(Duration.ofSeconds(60))
                    .until(() -> succeededAfterRestart.values().stream().allMatch(count -> count.get() >= 20) && received.get() > receivedBeforeRestart);
        } finally {
            running.set(false);
            load.shutdown();
        }
        for (Future<?> worker : workers) {
            worker.get(bound.toMillis() * 2, TimeUnit.MILLISECONDS); // a hung call fails here
        }
        assertThat(unexpected).as("calls that hung or failed other than transiently").isEmpty();
        List<StreamEntryId> stored = streams.read(StreamName.TRADE_EVENTS, StreamEntryId.ZERO, 10_000, Duration.ZERO).entries().stream()
                .map(io.soltrade.data.ports.StreamEntry::id).toList();
        assertThat(stored).as("appends acknowledged after the restart, once each").containsAll(appendedAfterRestart).doesNotHaveDuplicates();
    }

    /** Makes every pooled connection open and idle, by running {@code call} on as many threads as the pool holds. */
    private static void warmUpEveryPooledConnection(Runnable call) throws Exception {
        CountDownLatch allBusy = new CountDownLatch(POOL_SIZE);
        ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < POOL_SIZE; i++) {
                done.add(threads.submit(() -> {
                    allBusy.countDown();
                    allBusy.await();
                    for (int n = 0; n < 20; n++) {
                        call.run();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Runs {@code call} {@code times} times on each of {@code threadCount} threads at once; returns what failed. */
    private static List<Throwable> runConcurrently(int threadCount, int times, Runnable call) throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threadCount; i++) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int n = 0; n < times; n++) {
                        try {
                            call.run();
                        } catch (DbException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdown();
        }
        return failures;
    }
}
