package io.soltrade.data.reliability.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link LiveFeed} with arguments it must refuse, hostile channel names (refused by {@link FeedChannel} itself,
 * before any port sees them), and hostile UI events delivered to a subscriber byte for byte.
 */
public abstract class LiveFeedBadInput extends BadInputKit<LiveFeed> {
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Override
    protected Arbitrary<RejectedCall<LiveFeed>> rejectedCalls() {
        FeedChannel channel = new FeedChannel("bad-input." + ContractFixtures.word(8), StreamName.UI_EVENTS);
        return Arbitraries.of(
                RejectedCall.<LiveFeed>ofVoid("publish(null, event)", feed -> feed.publish(null, ContractFixtures.uiEvent())),
                RejectedCall.<LiveFeed>ofVoid("publish(channel, null)", feed -> feed.publish(channel, null)),
                RejectedCall.<LiveFeed>of("subscribe(null, listener)", feed -> feed.subscribe(null, event -> { })),
                RejectedCall.<LiveFeed>of("subscribe(channel, null)", feed -> feed.subscribe(channel, null)));
    }

    /** A channel name outside 1..64 of A-Z a-z 0-9 _ . : - never becomes a channel. */
    @Property
    void hostileChannelNamesAreRefused(@ForAll("badName") String name) {
        assertThatThrownBy(() -> new FeedChannel(name, StreamName.UI_EVENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("channel name")
                .satisfies(thrown -> assertThat(thrown.getMessage()).hasSizeLessThan(2_000));
    }

    @Provide
    Arbitrary<String> badName() {
        return BadArguments.badNames();
    }

    /** A UI event with a hostile message reaches a subscriber equal to what was published. */
    @Property(tries = 15)
    void hostileEventsReachSubscribersUnchanged(@ForAll("message") String message) {
        LiveFeed feed = port();
        FeedChannel channel = new FeedChannel("hostile." + ContractFixtures.word(12), StreamName.UI_EVENTS);
        List<StreamEvent> received = new CopyOnWriteArrayList<>();
        UiEvent event = UiEvent.of("alert.hostile", message, Map.of("severity", "info"), ContractFixtures.now());
        try (FeedSubscription subscription = feed.subscribe(channel, received::add)) {
            await("delivery on " + channel.name()).atMost(DELIVERY).pollInterval(Duration.ofMillis(20)).until(() -> {
                feed.publish(channel, event); // at-most-once: publish again until the subscription is live
                return !received.isEmpty();
            });
            assertThat(received).allSatisfy(delivered -> assertThat(delivered).isEqualTo(event));
            assertThat(subscription.delivered()).isPositive();
        }
    }

    @Provide
    Arbitrary<String> message() {
        return HostileText.acceptedBy(UiEvent.MAX_MESSAGE_LENGTH, value -> HostileText.isPlainText(value, UiEvent.MAX_MESSAGE_LENGTH));
    }

    @Override
    protected void validReadSucceeds(LiveFeed feed) {
        assertThat(feed.maxRateHz()).isPositive();
    }

    @Override
    protected void validWriteSucceeds(LiveFeed feed) {
        feed.publish(new FeedChannel("bad-input.valid", StreamName.UI_EVENTS), ContractFixtures.uiEvent());
    }
}
