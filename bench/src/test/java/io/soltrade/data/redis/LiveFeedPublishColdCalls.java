package io.soltrade.data.redis;

import io.soltrade.data.bench.scenario.BenchQuotes;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.FeedChannel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The live feed's publisher side as the 10 Hz scenario runs it: cold, one value every 100 ms to one channel, so each
 * goes out on the publishing thread. A fresh JVM publishes {@value #FIRST_CALLS} price events, then {@value #CALLS}
 * more, and prints this thread's CPU time per call of {@code RedisLiveFeed.publish} up to the {@code PUBLISH} (checks,
 * the channel's state, its pacer and lock, encoding) and after it; then, each after a pause of its own as the publish
 * has, the codec's encode of the same event on its own and the bench's raw side for the same quote (its JSON). The
 * transport is a stand-in that only reads the clock, and the feed has no connections (they serve subscriptions only):
 * the {@code PUBLISH} costs both sides the same (docs/bench.md, "Live feed, second pass"). Thread CPU time, not wall
 * time: on a shared machine it moves far less with the load. Run it in several fresh JVMs, as
 * {@link EventCodecColdCalls}; an older {@code soltrade-ports} or {@code soltrade-adapter-redis} jar first on the class
 * path measures the older code (docs/bench.md, "Live feed, fifth pass").
 */
public final class LiveFeedPublishColdCalls {
    private static final int FIRST_CALLS = 20;
    private static final int CALLS = 120;
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private LiveFeedPublishColdCalls() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] atSend = new long[1];
        FeedSender clockOnly = (channels, messages) -> atSend[0] = threads.getCurrentThreadCpuTime();
        StreamEventCodec codec = new StreamEventCodec();
        RedisLiveFeed feed = new RedisLiveFeed(null, new RedisKeys("bench"), codec, clockOnly, 10.0, Duration.ofSeconds(1), 4);
        FeedChannel channel = new FeedChannel("bench.prices", StreamName.PRICE_UPDATES);
        StreamEventCodec encodeAlone = new StreamEventCodec();
        TokenSymbol symbol = TokenSymbol.of("BENCH");
        Instant at = Instant.parse("2026-12-04T12:00:00.123456Z");
        long[] nanos = new long[4];
        // Loads both sides' classes (a first encode takes tens to hundreds of ms), so no round is late for the next.
        PriceQuote first = new PriceQuote(symbol, BigDecimal.ONE, 1L, at, "bench");
        long sink = encodeAlone.encode(new PriceUpdateEvent(first)).length() + BenchQuotes.json(first).length();
        long next = System.nanoTime();
        try {
            for (int i = 0; i < FIRST_CALLS + CALLS; i++) {
                PriceQuote quote = new PriceQuote(symbol, BigDecimal.valueOf(150_000_000 + i, 6), 300_000_000L + i, at.plusMillis(i), "bench");
                PriceUpdateEvent event = new PriceUpdateEvent(quote);
                // Each part after a pause of its own, as in the scenario (a part timed right after another one finds
                // the caches warm and reads several times cheaper).
                LockSupport.parkNanos(next - System.nanoTime());
                long sentBefore = feed.sentByPublishers();
                long startedAt = System.nanoTime();
                long start = threads.getCurrentThreadCpuTime();
                feed.publish(channel, event);
                long returned = threads.getCurrentThreadCpuTime();
                if (feed.sentByPublishers() != sentBefore + 1) {
                    throw new IllegalStateException("publish " + i + " was left to the scheduler: the probe measures the publisher's own send");
                }
                LockSupport.parkNanos(PERIOD_NANOS / 3);
                long encodeStart = threads.getCurrentThreadCpuTime();
                String text = encodeAlone.encode(event);
                long encoded = threads.getCurrentThreadCpuTime();
                LockSupport.parkNanos(PERIOD_NANOS / 3);
                long rawStart = threads.getCurrentThreadCpuTime();
                String rawText = BenchQuotes.json(quote);
                long rawEncoded = threads.getCurrentThreadCpuTime();
                sink += text.length() + rawText.length();
                // Half a period out of step with the feed's ticker (started by the first publish, ticking a period
                // later), so no publish meets a tick; the second a period later than that, so that it is not late (a
                // publish after a late one comes early for the channel's pacer and waits).
                next = i == 0 ? startedAt + 5 * PERIOD_NANOS / 2 : next + PERIOD_NANOS;
                if (i >= FIRST_CALLS) {
                    nanos[0] += atSend[0] - start;
                    nanos[1] += returned - atSend[0];
                    nanos[2] += encoded - encodeStart;
                    nanos[3] += rawEncoded - rawStart;
                }
            }
        } finally {
            feed.close();
        }
        System.out.printf("cold publishes %d (after %d), cpu us/call: to-send %.1f after-send %.1f encode-alone %.1f raw-encode %.1f%s%n",
                CALLS, FIRST_CALLS, nanos[0] / 1e3 / CALLS, nanos[1] / 1e3 / CALLS, nanos[2] / 1e3 / CALLS, nanos[3] / 1e3 / CALLS,
                sink == 42 ? " " : "");
    }
}
