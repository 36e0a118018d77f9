package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.LiveFeed;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * End-to-end latency of a 10 Hz price feed, publish call to listener, in one JVM: {@code LiveFeed.publish} and
 * {@code subscribe} against a raw {@code PUBLISH} and a {@code SUBSCRIBE} on a connection of its own. Each message
 * carries a unique slot, by which the listener finds when it was published.
 */
final class RedisLiveFeedScenario implements Scenario {
    static final String NAME = "redis.live-feed-10hz";
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long DELIVERY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "LiveFeed.publish to a subscribed listener at 10 Hz vs Jedis PUBLISH to a JedisPubSub listener at 10 Hz (end to end)";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        RedisBench redis = context.backend(RedisBench.class, RedisBench::open);
        LiveFeed feed = redis.liveFeed();
        JedisPooled raw = redis.raw();
        FeedChannel channel = new FeedChannel("bench.prices", StreamName.PRICE_UPDATES);
        String rawChannel = redis.rawKey("feed:bench.prices");
        BenchQuotes quotes = context.quotes();
        TokenSymbol symbol = TokenSymbol.of("BENCH");
        int messagesPerRound = context.sizing().size(20, 3);

        Deliveries oursDeliveries = new Deliveries();
        Deliveries rawDeliveries = new Deliveries();
        RawSubscriber rawSubscriber = new RawSubscriber(rawDeliveries);
        Thread rawThread = new Thread(() -> {
            try (Jedis connection = redis.dedicatedConnection()) {
                connection.subscribe(rawSubscriber, rawChannel);
            }
        }, "bench-raw-subscriber");
        rawThread.setDaemon(true);
        try (FeedSubscription subscription = feed.subscribe(channel, event ->
                oursDeliveries.delivered(((PriceUpdateEvent) event).quote().slot()))) {
            rawThread.start();
            awaitSubscribed(rawSubscriber);
            Comparison comparison = context.rounds().run(
                    new TenHertz(messagesPerRound, quotes, symbol, oursDeliveries, quote -> feed.publish(channel, new PriceUpdateEvent(quote))),
                    new TenHertz(messagesPerRound, quotes, symbol, rawDeliveries, quote -> raw.publish(rawChannel, BenchQuotes.json(quote))),
                    context.sizing().warmupRounds(), context.sizing().rounds(6, 1));
            String why = "a value to a channel whose pacing allows a send goes out on the publisher's thread, as the raw PUBLISH does, "
                    + "but the publish first validates the event, updates the channel's state (latest value, pacer, lock) and encodes it, "
                    + "and our subscriber decodes each message into a validated StreamEvent where the raw one parses the JSON and reads "
                    + "one field; a publisher late by more than a quarter period waits for the pacing, on the feed's scheduler thread";
            return new ScenarioOutcome(List.of(
                    // issue 14: end to end within 1.1x of raw PUBLISH
                    comparison.latencyPercentile(NAME, 50, Goal.ratioAtLeast(1 / 1.1), why),
                    comparison.latencyPercentile(NAME, 99, Goal.ratioAtLeast(1 / 1.1), why),
                    comparison.meanLatency(NAME, Goal.ratioAtLeast(1 / 1.1), why)),
                    List.of(comparison.latencyProfile(NAME, "publish to listener, 10 Hz")));
        } finally {
            if (rawSubscriber.isSubscribed()) {
                rawSubscriber.unsubscribe();
            }
            rawThread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private static void awaitSubscribed(JedisPubSub subscriber) throws ScenarioSkipped {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!subscriber.isSubscribed()) {
            if (System.nanoTime() > deadline) {
                throw new ScenarioSkipped("the raw subscriber did not subscribe within 5 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** When each slot was published, and where its delivery is recorded (the current round's recorder). */
    private static final class Deliveries {
        private final Map<Long, Long> publishedAt = new ConcurrentHashMap<>();
        private final AtomicReference<RoundRecorder> recorder = new AtomicReference<>();

        void published(long slot) {
            publishedAt.put(slot, System.nanoTime());
        }

        void delivered(long slot) {
            long now = System.nanoTime();
            Long sent = publishedAt.remove(slot);
            RoundRecorder current = recorder.get();
            if (sent != null && current != null) {
                current.record(now - sent, 1);
            }
        }

        boolean allDelivered() {
            return publishedAt.isEmpty();
        }
    }

    /** Publishes one fresh quote every 100 ms, then waits (bounded) for the last deliveries. */
    private static final class TenHertz implements Side {
        private final int messages;
        private final BenchQuotes quotes;
        private final TokenSymbol symbol;
        private final Deliveries deliveries;
        private final java.util.function.Consumer<PriceQuote> publish;

        TenHertz(int messages, BenchQuotes quotes, TokenSymbol symbol, Deliveries deliveries, java.util.function.Consumer<PriceQuote> publish) {
            this.messages = messages;
            this.quotes = quotes;
            this.symbol = symbol;
            this.deliveries = deliveries;
            this.publish = publish;
        }

        @Override
        public void round(RoundRecorder recorder) {
            deliveries.publishedAt.clear();
            deliveries.recorder.set(recorder);
            long next = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                LockSupport.parkNanos(next - System.nanoTime());
                PriceQuote quote = quotes.next(symbol);
                deliveries.published(quote.slot());
                publish.accept(quote);
                next += PERIOD_NANOS;
            }
            long deadline = System.nanoTime() + DELIVERY_WAIT_NANOS;
            while (!deliveries.allDelivered() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            deliveries.recorder.set(null);
        }
    }

    private static final class RawSubscriber extends JedisPubSub {
        private final Deliveries deliveries;

        RawSubscriber(Deliveries deliveries) {
            this.deliveries = deliveries;
        }

        @Override
        public void onMessage(String channel, String message) {
            deliveries.delivered(BenchQuotes.slotOf(message));
        }
    }
}
