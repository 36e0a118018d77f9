package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.extremeTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.symbol;
import static io.soltrade.data.ports.contract.ContractFixtures.uiEvent;
import static io.soltrade.data.ports.contract.ContractFixtures.word;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link LiveFeed} shares. An adapter's test extends this class and implements
 * {@link #liveFeed()}; every test uses fresh random channel names, so the kit runs against a shared server.
 *
 * <p>Timing: the kit never asserts a delivery time. Rate checks count messages over a measured window and
 * allow generous slack ({@link #RATE_SLACK}); waits use Awaitility with bounds far above a tick.
 *
 * <p>Where the port leaves a choice open, this kit decides (every adapter must agree):
 * <ul>
 *   <li>{@code subscribe} returns once the subscription is active: an event published after it returns is
 *       delivered (barring a lost connection), so no caller has to publish until something arrives.</li>
 *   <li>Per channel, the events a subscriber sees are in publish order: never an older event after a newer
 *       one. The latest event of a burst is always delivered.</li>
 *   <li>An event must belong on the channel's stream ({@code event.stream() == channel.stream()}); another is
 *       bad input, as are null arguments: {@code PermanentDbException(INVALID_INPUT)} before any I/O.</li>
 *   <li>A listener that throws does not stop delivery, neither to itself nor to other subscribers.</li>
 *   <li>{@link FeedSubscription#close()} is idempotent; after it returns the listener is not called again.</li>
 * </ul>
 */
@Timeout(120)
public abstract class LiveFeedContract {
    /** Messages a channel may deliver above {@code maxRateHz} times the measured window (the ticks at its ends). */
    protected static final int RATE_SLACK = 3;
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);
    private static final Instant BASE_TIME = Instant.parse("2025-06-01T12:00:00.123456Z");

    private LiveFeed feed;
    private TokenSymbol marker;
    private final List<FeedSubscription> subscriptions = new ArrayList<>();

    /** The feed under test; called once before each test. It may be shared between tests. */
    protected abstract LiveFeed liveFeed();

    @BeforeEach
    final void createFeed() {
        feed = liveFeed();
        marker = symbol();
    }

    @AfterEach
    final void closeSubscriptions() {
        subscriptions.forEach(FeedSubscription::close);
    }

    @Test
    void subscriberReceivesThePublishedEvent() {
        FeedChannel channel = randomChannel();
        Recorder recorder = new Recorder();
        FeedSubscription subscription = subscribe(channel, recorder);
        PriceUpdateEvent event = event(1);

        feed.publish(channel, event);

        await().atMost(DELIVERY_WAIT).until(() -> recorder.events().contains(event));
        assertThat(recorder.events()).containsExactly(event);
        assertThat(subscription.delivered()).isEqualTo(1);
    }

    @Test
    void everyKindOfEventArrivesIntact() {
        List<StreamEvent> events = List.of(
                new PriceUpdateEvent(new PriceQuote(marker, new BigDecimal("99999999999999999999.999999999999999999"),
                        Long.MAX_VALUE, Instant.parse("2261-12-31T23:59:59.999999Z"), "kit")),
                new TradeEvent(extremeTrade(pubkey(), BASE_TIME).withCommitment(io.soltrade.data.domain.Commitment.CONFIRMED)),
                new PriceUpdateEvent(new PriceQuote(io.soltrade.data.domain.TokenSymbol.of("$WIF:{" + word(6) + "} 狗"), BigDecimal.ONE, 1, BASE_TIME, "kit",
                        io.soltrade.data.domain.QuoteTokens.SOL)),
                uiEvent());
        for (StreamEvent event : events) {
            FeedChannel channel = event instanceof PriceUpdateEvent price
                    ? FeedChannel.prices(price.quote().symbol())
                    : new FeedChannel("kit." + word(12), event.stream());
            Recorder recorder = new Recorder();
            subscribe(channel, recorder);

            feed.publish(channel, event);

            await().atMost(DELIVERY_WAIT).until(() -> !recorder.events().isEmpty());
            assertThat(recorder.events()).containsExactly(event);
        }
    }

    @Test
    void burstIsConflatedToItsLatestEvent() {
        FeedChannel channel = randomChannel();
        Recorder recorder = new Recorder();
        subscribe(channel, recorder);
        List<StreamEvent> burst = IntStream.rangeClosed(1, 100).<StreamEvent>mapToObj(this::event).toList();

        burst.forEach(event -> feed.publish(channel, event));

        StreamEvent latest = burst.get(burst.size() - 1);
        await().atMost(DELIVERY_WAIT).until(() -> recorder.events().contains(latest));
        assertThat(recorder.events()).as("a burst of 100 collapses to a few ticks").hasSizeLessThanOrEqualTo(10);
        assertThat(burst).containsSubsequence(recorder.events());
        assertThat(recorder.last()).isEqualTo(latest);
    }

    @Test
    void eachChannelDeliversAtMostMaxRateHz() throws Exception {
        FeedChannel channel = randomChannel();
        Recorder recorder = new Recorder();
        subscribe(channel, recorder);
        AtomicReference<PriceUpdateEvent> lastPublished = new AtomicReference<>();
        AtomicLong slot = new AtomicLong();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        try {
            ScheduledFuture<?> publishing = publisher.scheduleAtFixedRate(() -> {
                PriceUpdateEvent event = event(slot.incrementAndGet());
                feed.publish(channel, event);
                lastPublished.set(event);
            }, 0, 5, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> System.nanoTime() - start >= Duration.ofSeconds(2).toNanos());
            publishing.cancel(false);
        } finally {
            publisher.shutdown();
            assertThat(publisher.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        PriceUpdateEvent last = lastPublished.get();
        await().atMost(DELIVERY_WAIT).until(() -> last.equals(recorder.last()));
        double windowSeconds = (System.nanoTime() - start) / 1e9;

        long published = slot.get();
        int delivered = recorder.events().size();
        assertThat(delivered).as("delivered %d of %d published in %.2f s", delivered, published, windowSeconds)
                .isBetween(2, (int) Math.floor(feed.maxRateHz() * windowSeconds) + RATE_SLACK);
        assertThat(recorder.events()).isSortedAccordingTo((a, b) -> Long.compare(slotOf(a), slotOf(b)));
    }

    @Test
    void channelsAreIndependent() {
        FeedChannel first = randomChannel();
        FeedChannel second = randomChannel();
        Recorder firstRecorder = new Recorder();
        Recorder secondRecorder = new Recorder();
        subscribe(first, firstRecorder);
        subscribe(second, secondRecorder);
        List<StreamEvent> firstEvents = IntStream.rangeClosed(1, 20).<StreamEvent>mapToObj(this::event).toList();
        List<StreamEvent> secondEvents = IntStream.rangeClosed(101, 120).<StreamEvent>mapToObj(this::event).toList();

        for (int i = 0; i < 20; i++) {
            feed.publish(first, firstEvents.get(i));
            feed.publish(second, secondEvents.get(i));
        }

        await().atMost(DELIVERY_WAIT).until(() -> firstEvents.get(19).equals(firstRecorder.last())
                && secondEvents.get(19).equals(secondRecorder.last()));
        assertThat(firstEvents).containsAll(firstRecorder.events());
        assertThat(secondEvents).containsAll(secondRecorder.events());
    }

    @Test
    void everySubscriberOfAChannelReceives() {
        FeedChannel channel = randomChannel();
        Recorder one = new Recorder();
        Recorder two = new Recorder();
        subscribe(channel, one);
        subscribe(channel, two);
        PriceUpdateEvent event = event(1);

        feed.publish(channel, event);

        await().atMost(DELIVERY_WAIT).until(() -> one.events().contains(event) && two.events().contains(event));
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        FeedChannel channel = randomChannel();
        Recorder closing = new Recorder();
        Recorder witness = new Recorder();
        FeedSubscription subscription = subscribe(channel, closing);
        subscribe(channel, witness);
        PriceUpdateEvent before = event(1);
        feed.publish(channel, before);
        await().atMost(DELIVERY_WAIT).until(() -> closing.events().contains(before) && witness.events().contains(before));

        subscription.close();
        subscription.close();
        PriceUpdateEvent after = event(2);
        feed.publish(channel, after);
        await().atMost(DELIVERY_WAIT).until(() -> witness.events().contains(after));
        PriceUpdateEvent later = event(3);
        feed.publish(channel, later);
        await().atMost(DELIVERY_WAIT).until(() -> witness.events().contains(later));

        assertThat(closing.events()).containsExactly(before);
        assertThat(subscription.delivered()).isEqualTo(1);
    }

    @Test
    void listenerThatThrowsKeepsReceivingAndDoesNotHurtOthers() {
        FeedChannel channel = randomChannel();
        AtomicInteger calls = new AtomicInteger();
        Recorder failing = new Recorder();
        Recorder healthy = new Recorder();
        subscribe(channel, event -> {
            calls.incrementAndGet();
            failing.accept(event);
            throw new IllegalStateException("listener failure the feed must survive");
        });
        subscribe(channel, healthy);
        PriceUpdateEvent first = event(1);
        PriceUpdateEvent second = event(2);

        feed.publish(channel, first);
        await().atMost(DELIVERY_WAIT).until(() -> failing.events().contains(first) && healthy.events().contains(first));
        feed.publish(channel, second);

        await().atMost(DELIVERY_WAIT).until(() -> failing.events().contains(second) && healthy.events().contains(second));
        assertThat(calls).hasValue(2);
    }

    @Test
    void maxRateIsPositive() {
        assertThat(feed.maxRateHz()).isPositive();
    }

    @Test
    void badInputIsRejected() {
        FeedChannel channel = randomChannel();

        assertInvalidInput(() -> feed.publish(null, event(1)));
        assertInvalidInput(() -> feed.publish(channel, null));
        assertInvalidInput(() -> feed.publish(channel, uiEvent()));
        assertInvalidInput(() -> feed.subscribe(null, event -> { }));
        assertInvalidInput(() -> feed.subscribe(channel, null));
    }

    // ---- helpers

    private FeedSubscription subscribe(FeedChannel channel, Consumer<StreamEvent> listener) {
        FeedSubscription subscription = feed.subscribe(channel, listener);
        subscriptions.add(subscription);
        return subscription;
    }

    private static FeedChannel randomChannel() {
        return new FeedChannel("kit.prices." + word(12), StreamName.PRICE_UPDATES);
    }

    /** A price update for this test's marker symbol; the slot tells a test's events apart and orders them. */
    private PriceUpdateEvent event(long slot) {
        return new PriceUpdateEvent(new PriceQuote(marker, BigDecimal.valueOf(100 + slot), slot, BASE_TIME.plusMillis(slot), "kit"));
    }

    private static long slotOf(StreamEvent event) {
        return ((PriceUpdateEvent) event).quote().slot();
    }

    /** Records what a listener received, safely across the delivering thread and the test's. */
    private static final class Recorder implements Consumer<StreamEvent> {
        private final List<StreamEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void accept(StreamEvent event) {
            events.add(event);
        }

        List<StreamEvent> events() {
            return List.copyOf(events);
        }

        StreamEvent last() {
            List<StreamEvent> copy = events();
            return copy.isEmpty() ? null : copy.get(copy.size() - 1);
        }
    }
}
