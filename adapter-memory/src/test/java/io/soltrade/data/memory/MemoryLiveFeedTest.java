package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.priceUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.contract.LiveFeedContract;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MemoryLiveFeedTest extends LiveFeedContract {
    private static final FeedChannel PRICES = new FeedChannel("prices.SOL", StreamName.PRICE_UPDATES);

    private final MemoryLiveFeed feed = new MemoryLiveFeed();
    private final MemoryLiveFeed manual = new MemoryLiveFeed(MemorySettings.defaults(), 10, false);
    private final List<StreamEvent> received = new CopyOnWriteArrayList<>();

    @Override
    protected LiveFeed liveFeed() {
        return feed;
    }

    @AfterEach
    void closeFeeds() {
        feed.close();
        manual.close();
    }

    @Test
    void oneTickDeliversOnlyTheLatestOfABurst() {
        manual.subscribe(PRICES, received::add);
        List<PriceUpdateEvent> burst = IntStream.range(0, 100).mapToObj(i -> priceUpdate()).toList();

        burst.forEach(event -> manual.publish(PRICES, event));
        manual.tick();
        manual.tick();

        assertThat(received).containsExactly(burst.get(99));
    }

    @Test
    void closeDeliversWhatIsPendingThenRefusesCalls() {
        FeedSubscription subscription = manual.subscribe(PRICES, received::add);
        PriceUpdateEvent pending = priceUpdate();
        manual.publish(PRICES, pending);

        manual.close();
        manual.close();

        assertThat(received).containsExactly(pending);
        assertThat(subscription.delivered()).isEqualTo(1);
        assertFailsWith(DbErrorKind.CLOSED, () -> manual.publish(PRICES, priceUpdate()));
        assertFailsWith(DbErrorKind.CLOSED, () -> manual.subscribe(PRICES, received::add));
        assertInvalidInput(() -> manual.publish(PRICES, null));
    }

    @Test
    void channelsNobodyUsesAreForgottenAndATickVisitsOnlyChannelsWithAnEvent() {
        for (int i = 0; i < 1_000; i++) {
            manual.publish(new FeedChannel("one-off." + i, StreamName.PRICE_UPDATES), priceUpdate());
        }
        List<FeedSubscription> subscriptions = IntStream.range(0, 1_000)
                .mapToObj(i -> manual.subscribe(new FeedChannel("watched." + i, StreamName.PRICE_UPDATES), received::add)).toList();
        manual.tick();
        assertThat(manual.channelCount()).as("the one-off channels are gone, the watched ones stay").isEqualTo(1_000);

        long ticked = manual.channelsTicked();
        manual.publish(PRICES, priceUpdate());
        manual.tick();
        manual.tick();
        assertThat(manual.channelsTicked() - ticked).as("two ticks, one channel with an event").isEqualTo(1);

        subscriptions.forEach(FeedSubscription::close);
        assertThat(manual.channelCount()).isZero();
    }

    @Test
    void listenerFailuresAreCounted() {
        manual.subscribe(PRICES, event -> {
            throw new IllegalStateException("boom");
        });
        manual.publish(PRICES, priceUpdate());
        manual.tick();
        manual.publish(PRICES, priceUpdate());
        manual.tick();

        assertThat(manual.listenerFailures()).isEqualTo(2);
    }

    @Test
    void failedPublishOffersNothing() {
        manual.subscribe(PRICES, received::add);
        manual.withFailure(FailurePlan.alwaysTransient().onWritesOnly());

        assertFailsWith(DbErrorKind.CONNECTION, () -> manual.publish(PRICES, priceUpdate()));
        manual.tick();

        assertThat(received).isEmpty();
    }

    @Test
    void rateMustBePositiveAndSane() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryLiveFeed(MemorySettings.defaults(), 0, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryLiveFeed(MemorySettings.defaults(), Double.NaN, false));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryLiveFeed(MemorySettings.defaults(), 1_001, false));
        assertThat(new MemoryLiveFeed(MemorySettings.defaults(), 10, false).maxRateHz()).isEqualTo(10);
    }

    @Test
    void isAManagedResourceWithAName() {
        assertThat(feed.name()).isEqualTo("memory live feed");
        assertThat(feed.maxRateHz()).isEqualTo(MemoryLiveFeed.DEFAULT_RATE_HZ);
    }
}
