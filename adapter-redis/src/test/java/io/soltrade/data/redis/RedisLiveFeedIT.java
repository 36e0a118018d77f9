package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisLiveFeed} against the shared Redis. The rate test runs 5 s by default; {@code -Dsoak=true} runs the
 * issue's 30 s (300 +/- 3 messages per channel).
 */
class RedisLiveFeedIT {
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

    @Test
    void aBurstIsConflatedToItsLatestValue() {
        FeedChannel channel = channel();
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        try (FeedSubscription subscription = feed.subscribe(channel, received::add)) {
            UiEvent last = null;
            for (int i = 0; i < 1_000; i++) {
                last = TestValues.uiEvent("burst " + i);
                feed.publish(channel, last);
            }
            UiEvent expected = last;
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(expected));

            assertThat(received.size()).as("1,000 offers within a few ticks are sent as a few messages").isLessThan(100);
            assertThat(subscription.delivered()).isEqualTo(received.size());
        }
    }

    @Test
    void publisherAtTenHertzDeliversTenMessagesPerSecondPerChannel() throws Exception {
        int seconds = Boolean.getBoolean("soak") ? 30 : 5;
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
            assertThat(pricesReceived.get()).isBetween(expected - 3, expected + 3);
            assertThat(alertsReceived.get()).isBetween(expected - 3, expected + 3);
        }
    }

    @Test
    void aClosedSubscriptionReceivesNothingMore() {
        FeedChannel channel = channel();
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        FeedSubscription subscription = feed.subscribe(channel, received::add);
        UiEvent first = TestValues.uiEvent("first");
        feed.publish(channel, first);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(first));

        subscription.close();
        List<StreamEvent> afterClose = new CopyOnWriteArrayList<>();
        try (FeedSubscription witness = feed.subscribe(channel, afterClose::add)) {
            UiEvent second = TestValues.uiEvent("second");
            feed.publish(channel, second);
            await().atMost(Duration.ofSeconds(30)).until(() -> afterClose.contains(second));
        }

        assertThat(received).containsExactly(first);
    }

    @Test
    void maxRateIsTheConfiguredRate() {
        assertThat(feed.maxRateHz()).isEqualTo(10.0);
    }

    private static FeedChannel channel() {
        return new FeedChannel("ui." + TestValues.word(10).toLowerCase(), StreamName.UI_EVENTS);
    }
}
