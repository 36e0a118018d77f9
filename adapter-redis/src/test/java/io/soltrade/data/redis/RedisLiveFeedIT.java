package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.contract.LiveFeedContract;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisLiveFeed} against the shared Redis: the {@link LiveFeedContract} kit, plus the rate check on
 * two channels at once: 10 Hz for 30 s gives 300 +/- 3 messages per channel with {@code -Dsoak=true}; the default
 * run takes 5 s and asks for 40 to 53. Subscribers surviving a restart are in {@link RedisRestartIT}.
 */
class RedisLiveFeedIT extends LiveFeedContract {
    private static TestingRedis.Namespace namespace;
    private static RedisTestAdapter adapter;
    private static LiveFeed feed;

    @BeforeAll
    static void start() {
        namespace = TestingRedis.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().build());
        feed = adapter.liveFeed();
    }

    @AfterAll
    static void stop() {
        adapter.close();
        namespace.close();
    }

    @Override
    protected LiveFeed liveFeed() {
        return feed;
    }

    @Test
    void publisherAtTenHertzDeliversTenMessagesPerSecondPerChannel() throws Exception {
        boolean soak = Boolean.getBoolean("soak");
        int seconds = soak ? 30 : 5;
        FeedChannel prices = channel();
        FeedChannel alerts = channel();
        AtomicInteger pricesReceived = new AtomicInteger();
        AtomicInteger alertsReceived = new AtomicInteger();
        RedisLiveFeed redisFeed = (RedisLiveFeed) feed;
        try (FeedSubscription priceSubscription = feed.subscribe(prices, e -> pricesReceived.incrementAndGet());
                FeedSubscription alertSubscription = feed.subscribe(alerts, e -> alertsReceived.incrementAndGet())) {
            // Offer 50 values per second per channel for the test's duration: the feed sends at most 10 a second.
            ScheduledExecutorService offers = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger offered = new AtomicInteger();
            long sentBefore = redisFeed.sent();
            offers.scheduleAtFixedRate(() -> {
                int n = offered.incrementAndGet();
                feed.publish(prices, TestValues.uiEvent("price " + n));
                feed.publish(alerts, TestValues.uiEvent("alert " + n));
            }, 0, 20, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(seconds + 60)).pollInterval(Duration.ofMillis(10)).until(() -> offered.get() >= seconds * 50);
            offers.shutdownNow();
            offers.awaitTermination(5, TimeUnit.SECONDS);
            long expectedSent = redisFeed.sent() - sentBefore;
            await().atMost(Duration.ofSeconds(30)).until(() -> pricesReceived.get() + alertsReceived.get() >= expectedSent);

            System.out.printf("live feed over %d s at 10 Hz: prices %d, alerts %d messages%n", seconds, pricesReceived.get(), alertsReceived.get());
            int expected = seconds * 10;
            // Never above the rate. The soak run holds the issue's +/- 3; the short default run only asks for 80%,
            // since a loaded machine that starves the tick thread for a whole period loses that tick.
            int least = soak ? expected - 3 : expected * 8 / 10;
            assertThat(pricesReceived.get()).isBetween(least, expected + 3);
            assertThat(alertsReceived.get()).isBetween(least, expected + 3);
        }
    }

    /**
     * The leading edge: at 2 Hz (a tick every 500 ms from the feed's first publish), a value published 420 ms after the
     * channel's last send, with nothing waiting, goes out at once instead of at the tick 80 ms later. Without the
     * leading edge (or with the earlier rule, which sent at once only after a tick had found the channel quiet) it
     * waits for that tick, every time: the tick is 500 ms after the first publish. Median of three fresh feeds.
     */
    @Test
    void aValueAfterMostOfAQuietPeriodGoesOutAtOnceNotAtTheNextTick() throws Exception {
        java.util.List<Long> delays = new java.util.ArrayList<>();
        for (int trial = 0; trial < 3; trial++) {
            try (RedisTestAdapter own = new RedisTestAdapter(namespace.settings().feedRateHz(2).build())) {
                LiveFeed slowFeed = own.liveFeed();
                FeedChannel channel = new FeedChannel("leading." + trial + "." + System.nanoTime(), StreamName.UI_EVENTS);
                java.util.concurrent.BlockingQueue<Long> arrivals = new java.util.concurrent.LinkedBlockingQueue<>();
                try (FeedSubscription subscription = slowFeed.subscribe(channel, event -> arrivals.add(System.nanoTime()))) {
                    long first = System.nanoTime();
                    slowFeed.publish(channel, TestValues.uiEvent("first"));
                    assertThat(arrivals.poll(10, TimeUnit.SECONDS)).as("first value").isNotNull();
                    TimeUnit.NANOSECONDS.sleep(first + TimeUnit.MILLISECONDS.toNanos(420) - System.nanoTime());
                    long published = System.nanoTime();
                    slowFeed.publish(channel, TestValues.uiEvent("second"));
                    Long arrived = arrivals.poll(10, TimeUnit.SECONDS);
                    assertThat(arrived).as("second value").isNotNull();
                    delays.add(TimeUnit.NANOSECONDS.toMillis(arrived - published));
                }
            }
        }
        java.util.Collections.sort(delays);
        System.out.println("leading edge at 2 Hz, publish to listener (ms): " + delays);
        assertThat(delays.get(1)).as("median delay of %s ms; the next tick was 80 ms away", delays).isLessThan(60L);
    }

    /**
     * The leading edge without a hand-off: a value to a channel with nothing waiting and nothing sent within its pacing is
     * sent by the publishing thread before {@code publish} returns; one that must wait for the pacing is left to the
     * scheduler. At 2 Hz, so the second value (published right after the first) waits 375 ms however slow the machine.
     */
    @Test
    void aValueToAQuietChannelIsSentOnThePublishersThreadBeforePublishReturns() throws Exception {
        List<String> senders = new CopyOnWriteArrayList<>();
        try (PacedFeed paced = new PacedFeed(2, redis -> (channels, messages) -> {
            senders.add(Thread.currentThread().getName());
            redis.send(channels, messages);
        })) {
            FeedChannel channel = channel();
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            try (FeedSubscription subscription = paced.feed.subscribe(channel, event -> received.add(((UiEvent) event).message()))) {
                paced.feed.publish(channel, TestValues.uiEvent("first"));

                assertThat(paced.feed.sent()).as("sent before publish returned").isEqualTo(1);
                assertThat(senders).containsExactly(Thread.currentThread().getName());
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("first");

                paced.feed.publish(channel, TestValues.uiEvent("second, within the pacing"));
                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("second, within the pacing");
                assertThat(senders).hasSize(2);
                assertThat(senders.get(1)).startsWith("redis-feed-publisher-");
                assertThat(paced.feed.sentByPublishers()).isEqualTo(1);
            }
        }
    }

    /**
     * Order, publisher against publisher: while one publisher's send of a channel is in flight (held here until
     * released), a second publisher's later value, published after the pacing allowed another send, does not go
     * past it: the second {@code publish} returns at once, leaving its value to the scheduler, which sends it once the
     * first send is done. Without the channel's lock the second publisher sends it at once and it arrives first.
     */
    @Test
    void aSendInFlightOnAPublishersThreadIsNotOvertakenByAnotherPublisher() throws Exception {
        HeldSend held = new HeldSend("slow");
        try (PacedFeed paced = new PacedFeed(2, held::wrap)) {
            FeedChannel channel = channel();
            List<String> received = new CopyOnWriteArrayList<>();
            ExecutorService publishers = Executors.newFixedThreadPool(2);
            try (FeedSubscription subscription = paced.feed.subscribe(channel, event -> received.add(((UiEvent) event).message()))) {
                Future<?> first = publishers.submit(() -> paced.feed.publish(channel, TestValues.uiEvent("first, slow")));
                assertThat(held.inFlight.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(held.thread).startsWith("pool-");
                await().pollDelay(Duration.ofMillis(700)).until(() -> true); // past the 500 ms period: only the lock holds it back

                publishers.submit(() -> paced.feed.publish(channel, TestValues.uiEvent("second"))).get(10, TimeUnit.SECONDS);
                assertThat(first).as("the first send is still held").isNotDone();
                held.release.countDown();
                first.get(10, TimeUnit.SECONDS);

                await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("second"));
                assertThat(received).containsExactly("first, slow", "second");
            } finally {
                held.release.countDown();
                publishers.shutdownNow();
            }
        }
    }

    /**
     * Order, scheduler against publisher: while the scheduler's send of a channel is in flight (held), a publisher's
     * later value waits for it, even once the pacing would let it go. Without the channel's lock the publisher sends it
     * on its own thread and it arrives before the scheduler's.
     */
    @Test
    void aSendInFlightOnTheSchedulerIsNotOvertakenByAPublisher() throws Exception {
        HeldSend held = new HeldSend("slow");
        try (PacedFeed paced = new PacedFeed(2, held::wrap)) {
            FeedChannel channel = channel();
            List<String> received = new CopyOnWriteArrayList<>();
            ExecutorService publisher = Executors.newSingleThreadExecutor();
            try (FeedSubscription subscription = paced.feed.subscribe(channel, event -> received.add(((UiEvent) event).message()))) {
                paced.feed.publish(channel, TestValues.uiEvent("zero"));
                publisher.submit(() -> paced.feed.publish(channel, TestValues.uiEvent("first, slow"))).get(10, TimeUnit.SECONDS);
                assertThat(held.inFlight.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(held.thread).as("within the pacing: the scheduler sends it").startsWith("redis-feed-publisher-");
                await().pollDelay(Duration.ofMillis(700)).until(() -> true); // past the 500 ms period: only the lock holds it back

                publisher.submit(() -> paced.feed.publish(channel, TestValues.uiEvent("second"))).get(10, TimeUnit.SECONDS);
                held.release.countDown();

                await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("second"));
                assertThat(received).containsExactly("zero", "first, slow", "second");
            } finally {
                held.release.countDown();
                publisher.shutdownNow();
            }
        }
    }

    /**
     * A failed send on a publisher's thread is not thrown at the publisher: the value is kept and the scheduler sends it;
     * until one of its sends succeeds, other publishers leave their values to it rather than each trying Redis (and
     * waiting out its timeouts) on their own threads.
     */
    @Test
    void aFailedSendOnAPublishersThreadIsKeptForTheSchedulerWhichAlsoTakesTheNextPublishers() throws Exception {
        List<String> senders = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(1);
        try (PacedFeed paced = new PacedFeed(2, redis -> (channels, messages) -> {
            senders.add(Thread.currentThread().getName() + " " + messages.size());
            if (failuresLeft.getAndDecrement() > 0) {
                throw DbException.of(DbErrorKind.CONNECTION, RedisErrors.BACKEND, "redis unreachable (injected by the test)");
            }
            redis.send(channels, messages);
        })) {
            FeedChannel failing = channel();
            FeedChannel next = channel();
            List<String> received = new CopyOnWriteArrayList<>();
            try (FeedSubscription one = paced.feed.subscribe(failing, event -> received.add(((UiEvent) event).message()));
                    FeedSubscription two = paced.feed.subscribe(next, event -> received.add(((UiEvent) event).message()))) {
                paced.feed.publish(failing, TestValues.uiEvent("failed once"));
                assertThat(paced.feed.sendFailures()).isEqualTo(1);
                paced.feed.publish(next, TestValues.uiEvent("on another channel"));

                await().atMost(Duration.ofSeconds(10)).until(() -> received.containsAll(List.of("failed once", "on another channel")));
                assertThat(senders.get(0)).isEqualTo(Thread.currentThread().getName() + " 1");
                assertThat(senders.subList(1, senders.size())).allMatch(sender -> sender.startsWith("redis-feed-publisher-"));
                assertThat(paced.feed.sentByPublishers()).isZero();
            }
        }
    }

    /**
     * A subscriber's connection reads with the socket timeout: without the feed's keep-alive PINGs a channel quiet for
     * longer would time out, reconnect (backing off) and lose what is published meanwhile.
     */
    @Test
    void aQuietChannelKeepsItsSubscriptionPastTheSocketTimeout() throws Exception {
        try (RedisTestAdapter own = new RedisTestAdapter(namespace.settings().socketTimeout(Duration.ofSeconds(1)).build())) {
            LiveFeed quietFeed = own.liveFeed();
            FeedChannel channel = new FeedChannel("quiet." + System.nanoTime(), StreamName.UI_EVENTS);
            java.util.concurrent.BlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
            try (FeedSubscription subscription = quietFeed.subscribe(channel,
                    event -> received.add(((io.soltrade.data.domain.UiEvent) event).message()))) {
                TimeUnit.MILLISECONDS.sleep(2_500);
                quietFeed.publish(channel, TestValues.uiEvent("after a quiet 2.5 s"));

                assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("after a quiet 2.5 s");
                assertThat(((RedisFeedSubscription) subscription).subscriptions()).as("subscribed once, never reconnected").isEqualTo(1);
            }
        }
    }

    @Test
    void aBusyChannelIsConflatedToTheTicksAndItsLastValueArrives() throws Exception {
        FeedChannel busy = new FeedChannel("busy." + System.nanoTime(), StreamName.UI_EVENTS);
        java.util.List<String> received = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (FeedSubscription subscription = feed.subscribe(busy, event -> received.add(((io.soltrade.data.domain.UiEvent) event).message()))) {
            long start = System.nanoTime();
            int published = 0;
            // 1 kHz for 2 s (fewer on a starved machine: each publish waits for the next millisecond).
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2)) {
                feed.publish(busy, TestValues.uiEvent("busy " + ++published));
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            String last = "busy " + published;
            await("the last value").atMost(Duration.ofSeconds(10)).until(() -> received.contains(last));
            System.out.printf("busy channel: %d published in 2 s, %d delivered%n", published, received.size());
            // At most 10 in any second: 2 s of publishing plus the last value's wait (at most a period) allow 21 + slack.
            assertThat(received.size()).isBetween(2, 2 * 10 + 1 + RATE_SLACK);
            assertThat(received.get(received.size() - 1)).isEqualTo(last);
        }
    }

    @Test
    void channelsThatGoQuietAreForgottenAndTicksLookOnlyAtLiveOnes() {
        try (RedisTestAdapter own = new RedisTestAdapter(namespace.settings().build())) {
            RedisLiveFeed redisFeed = (RedisLiveFeed) own.liveFeed();
            for (int i = 0; i < 1_000; i++) {
                redisFeed.publish(channel(), TestValues.uiEvent("once " + i));
            }
            await("1,000 one-off channels sent").atMost(Duration.ofSeconds(30)).until(() -> redisFeed.sent() == 1_000);

            await("quiet channels forgotten").atMost(Duration.ofSeconds(30)).until(() -> redisFeed.channelCount() == 0);
            long examined = redisFeed.channelsExamined();
            FeedChannel live = channel();
            for (int i = 0; i < 20; i++) {
                redisFeed.publish(live, TestValues.uiEvent("live " + i));
                await().pollDelay(Duration.ofMillis(50)).until(() -> true);
            }
            // About 10 ticks passed; walking every channel ever seen would have looked at 10,000 states.
            assertThat(redisFeed.channelsExamined() - examined).isLessThan(100);
            assertThat(redisFeed.channelCount()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void afterCloseReturnsTheListenerIsNotRunningAndNeverCalledAgain() throws Exception {
        FeedChannel channel = channel();
        java.util.concurrent.CountDownLatch inListener = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger callsAfterClose = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger closeReports = new AtomicInteger();
        RedisFeedSubscription subscription = new RedisFeedSubscription(adapter.connections(),
                adapter.injector.getInstance(RedisKeys.class).feed(channel), new StreamEventCodec(), event -> {
                    if (closed.get()) {
                        callsAfterClose.incrementAndGet();
                    }
                    if (calls.incrementAndGet() == 1) {
                        inListener.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, s -> closeReports.incrementAndGet());
        assertThat(subscription.start(Duration.ofSeconds(10))).isTrue();
        feed.publish(channel, TestValues.uiEvent("first"));
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();

        java.util.concurrent.ExecutorService closers = Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> closing = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                closing.add(closers.submit(() -> {
                    subscription.close();
                    closed.set(true);
                }));
            }
            await("close waits for the listener call in progress").during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .until(() -> closing.stream().noneMatch(java.util.concurrent.Future::isDone));
            release.countDown();
            for (java.util.concurrent.Future<?> close : closing) {
                close.get(10, TimeUnit.SECONDS);
            }
        } finally {
            closers.shutdownNow();
        }
        for (int i = 0; i < 5; i++) {
            feed.publish(channel, TestValues.uiEvent("after close " + i));
        }
        await().pollDelay(Duration.ofMillis(500)).until(() -> true);
        assertThat(callsAfterClose.get()).isZero();
        assertThat(closeReports.get()).as("racing closes report once").isEqualTo(1);
    }

    /** A feed of its own at {@code rateHz} on the shared Redis, whose sends pass through a wrapper of the Redis transport. */
    private static final class PacedFeed implements AutoCloseable {
        final RedisLiveFeed feed;

        PacedFeed(double rateHz, UnaryOperator<FeedSender> wrap) {
            RedisConnections connections = adapter.connections();
            feed = new RedisLiveFeed(connections, adapter.injector.getInstance(RedisKeys.class), new StreamEventCodec(),
                    wrap.apply(FeedSender.redis(connections)), rateHz, Duration.ofSeconds(15), 4);
        }

        @Override
        public void close() {
            feed.close();
        }
    }

    /** Holds the send of a message containing {@code marker} until released, and says which thread sends it. */
    private static final class HeldSend {
        final String marker;
        final CountDownLatch inFlight = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile String thread;

        HeldSend(String marker) {
            this.marker = marker;
        }

        FeedSender wrap(FeedSender redis) {
            return (channels, messages) -> {
                if (messages.stream().anyMatch(message -> message.contains(marker))) {
                    thread = Thread.currentThread().getName();
                    inFlight.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                redis.send(channels, messages);
            };
        }
    }

    private static FeedChannel channel() {
        return new FeedChannel("ui." + TestValues.word(10).toLowerCase(), StreamName.UI_EVENTS);
    }
}
