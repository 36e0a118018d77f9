package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.contract.LiveFeedContract;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static FeedChannel channel() {
        return new FeedChannel("ui." + TestValues.word(10).toLowerCase(), StreamName.UI_EVENTS);
    }
}
