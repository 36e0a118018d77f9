package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.MetricKind;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * A busy channel: one publisher at 1 kHz for a few seconds per round, {@code LiveFeed.publish} against raw
 * {@code PUBLISH}. The feed must conflate it to at most its rate ({@code maxRateHz}, 10 by default), where raw
 * {@code PUBLISH} delivers every message, and must still deliver the last value published. Rows: messages per
 * second the subscriber received (the rate between its first and last message, median of the rounds; goal: at most
 * the feed's rate, no ratio goal) and how long after its publish the round's last value arrived. A round whose last
 * value never arrives (within 2 s) fails the scenario.
 */
final class RedisBusyFeedScenario implements Scenario {
    static final String NAME = "redis.live-feed-busy";
    private static final long PUBLISH_PERIOD_NANOS = TimeUnit.MICROSECONDS.toNanos(1_000);
    private static final long LAST_VALUE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String measures() {
        return "LiveFeed.publish at 1 kHz on one channel (conflated to the feed's rate) vs Jedis PUBLISH at 1 kHz: messages/s delivered, "
                + "time to deliver the last value";
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        RedisBench redis = context.backend(RedisBench.class, RedisBench::open);
        LiveFeed feed = redis.liveFeed();
        JedisPooled raw = redis.raw();
        FeedChannel channel = new FeedChannel("bench.busy", StreamName.PRICE_UPDATES);
        String rawChannel = redis.rawKey("feed:bench.busy");
        BenchQuotes quotes = context.quotes();
        TokenSymbol symbol = TokenSymbol.of("BUSY");
        long publishNanos = TimeUnit.MILLISECONDS.toNanos(context.sizing().size(3_000, 300));

        Arrivals oursArrivals = new Arrivals();
        Arrivals rawArrivals = new Arrivals();
        RawSubscriber rawSubscriber = new RawSubscriber(rawArrivals);
        Thread rawThread = new Thread(() -> {
            try (Jedis connection = redis.dedicatedConnection()) {
                connection.subscribe(rawSubscriber, rawChannel);
            }
        }, "bench-raw-busy-subscriber");
        rawThread.setDaemon(true);
        try (FeedSubscription subscription = feed.subscribe(channel, event -> oursArrivals.arrived(((PriceUpdateEvent) event).quote().slot()))) {
            rawThread.start();
            awaitSubscribed(rawSubscriber);
            Comparison comparison = context.rounds().run(
                    new Busy(publishNanos, quotes, symbol, oursArrivals, quote -> feed.publish(channel, new PriceUpdateEvent(quote))),
                    new Busy(publishNanos, quotes, symbol, rawArrivals, quote -> raw.publish(rawChannel, BenchQuotes.json(quote))),
                    1, context.sizing().rounds(3, 1));
            double rate = feed.maxRateHz();
            String why = "the subscriber received more than the feed's rate of " + rate + " messages/s: the conflation or the pacing "
                    + "let a burst through";
            String lastWhy = "the last value waited longer than two feed periods after its publish: the pacing holds a value "
                    + "at most one period, so the rest is the machine's scheduling delay";
            return new ScenarioOutcome(List.of(
                    comparison.sample(NAME, "delivered rate", "messages/s", MetricKind.THROUGHPUT, Goal.atMost(rate, "messages/s"), why),
                    comparison.latencyPercentile(NAME, "last value delivered", MetricKind.LATENCY, 50, Goal.atMost(2_000 / rate, "ms"), lastWhy),
                    comparison.latencyPercentile(NAME, "last value delivered", MetricKind.LATENCY, 100, Goal.atMost(2_000 / rate, "ms"), lastWhy)),
                    List.of(comparison.latencyProfile(NAME, "last value of a 1 kHz burst, publish to listener")));
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

    /** What one side's subscriber received in the current round: how many, first and last arrival, the newest slot. */
    private static final class Arrivals {
        private long count;
        private long firstNanos;
        private long lastNanos;
        private long newestSlot = -1;

        synchronized void reset() {
            count = 0;
            newestSlot = -1;
        }

        synchronized void arrived(long slot) {
            long now = System.nanoTime();
            if (count == 0) {
                firstNanos = now;
            }
            count++;
            lastNanos = now;
            newestSlot = Math.max(newestSlot, slot);
            notifyAll();
        }

        /** Waits until the message of {@code slot} arrived; its arrival time, or -1 when it did not within the wait. */
        synchronized long awaitSlot(long slot, long waitNanos) throws InterruptedException {
            long deadline = System.nanoTime() + waitNanos;
            while (newestSlot < slot) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return lastNanos;
        }

        /** Messages per second between the first and the last arrival (n - 1 intervals). */
        synchronized double rate() {
            return count < 2 ? count : (count - 1) * 1e9 / (lastNanos - firstNanos);
        }
    }

    /** Publishes a fresh quote every millisecond for the round's time, then waits for the last one to arrive. */
    private static final class Busy implements Side {
        private final long publishNanos;
        private final BenchQuotes quotes;
        private final TokenSymbol symbol;
        private final Arrivals arrivals;
        private final Consumer<PriceQuote> publish;

        Busy(long publishNanos, BenchQuotes quotes, TokenSymbol symbol, Arrivals arrivals, Consumer<PriceQuote> publish) {
            this.publishNanos = publishNanos;
            this.quotes = quotes;
            this.symbol = symbol;
            this.arrivals = arrivals;
            this.publish = publish;
        }

        @Override
        public void prepare() throws InterruptedException {
            // A quiet second first, so every round starts with nothing paced and the previous round's stragglers are in.
            TimeUnit.SECONDS.sleep(1);
            arrivals.reset();
        }

        @Override
        public void round(RoundRecorder recorder) throws Exception {
            long start = System.nanoTime();
            long next = start;
            long lastSlot = -1;
            long lastPublishedAt = start;
            while (System.nanoTime() - start < publishNanos) {
                LockSupport.parkNanos(next - System.nanoTime());
                PriceQuote quote = quotes.next(symbol);
                lastSlot = quote.slot();
                lastPublishedAt = System.nanoTime();
                publish.accept(quote);
                next += PUBLISH_PERIOD_NANOS;
            }
            long arrivedAt = arrivals.awaitSlot(lastSlot, LAST_VALUE_WAIT_NANOS);
            if (arrivedAt < 0) {
                throw new IllegalStateException("the last value published (slot " + lastSlot + ") did not arrive within 2 s");
            }
            recorder.record(arrivedAt - lastPublishedAt, 1);
            recorder.sample(arrivals.rate());
        }
    }

    private static final class RawSubscriber extends JedisPubSub {
        private final Arrivals arrivals;

        RawSubscriber(Arrivals arrivals) {
            this.arrivals = arrivals;
        }

        @Override
        public void onMessage(String channel, String message) {
            arrivals.arrived(BenchQuotes.slotOf(message));
        }
    }
}
