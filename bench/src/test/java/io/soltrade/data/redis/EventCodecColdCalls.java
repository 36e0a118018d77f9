package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.bench.scenario.BenchQuotes;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.TokenSymbol;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The live feed's codec as the 10 Hz scenario runs it: cold. A fresh JVM encodes and decodes a few price events (class
 * loading, first calls), then {@value #CALLS} more of each, one encode and one decode at a time, each followed by the
 * bench's raw side doing its part for the same quote, and prints the CPU time of this thread per call (not wall time: on a shared machine the CPU time moves far less with the load than
 * {@link EventCodecBenchmarks}' scores). At a few hundred calls most of this path is still interpreted, as in the
 * scenario. Like the JMH class, an older {@code soltrade-adapter-redis} jar first on the class path measures the older
 * codec; run each in several fresh JVMs, alternating (docs/bench.md).
 */
public final class EventCodecColdCalls {
    private static final int FIRST_CALLS = 20;
    private static final int CALLS = 200;

    private EventCodecColdCalls() {}

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StreamEventCodec codec = new StreamEventCodec();
        TokenSymbol symbol = TokenSymbol.of("BENCH");
        Instant at = Instant.parse("2026-12-04T12:00:00.123456Z");
        PriceUpdateEvent[] events = new PriceUpdateEvent[FIRST_CALLS + CALLS];
        for (int i = 0; i < events.length; i++) {
            events[i] = new PriceUpdateEvent(new PriceQuote(symbol, BigDecimal.valueOf(150_000_000 + i, 6), 300_000_000L + i, at.plusMillis(i), "bench"));
        }
        long sink = 0;
        for (int i = 0; i < FIRST_CALLS; i++) {
            sink += codec.decode(codec.encode(events[i])).hashCode();
        }
        for (int i = 0; i < FIRST_CALLS; i++) {
            sink += BenchQuotes.slotOf(BenchQuotes.json(events[i].quote()));
        }
        long[] nanos = new long[4];
        for (int i = FIRST_CALLS; i < events.length; i++) {
            long start = threads.getCurrentThreadCpuTime();
            String text = codec.encode(events[i]);
            long encoded = threads.getCurrentThreadCpuTime();
            StreamEvent back = codec.decode(text);
            long decoded = threads.getCurrentThreadCpuTime();
            String rawText = BenchQuotes.json(events[i].quote());
            long rawEncoded = threads.getCurrentThreadCpuTime();
            sink += BenchQuotes.slotOf(rawText) + back.hashCode();
            long rawDecoded = threads.getCurrentThreadCpuTime();
            nanos[0] += encoded - start;
            nanos[1] += decoded - encoded;
            nanos[2] += rawEncoded - decoded;
            nanos[3] += rawDecoded - rawEncoded;
        }
        System.out.printf("cold calls %d (after %d), cpu us/call: encode %.1f decode %.1f raw-encode %.1f raw-decode %.1f%s%n", CALLS, FIRST_CALLS,
                nanos[0] / 1e3 / CALLS, nanos[1] / 1e3 / CALLS, nanos[2] / 1e3 / CALLS, nanos[3] / 1e3 / CALLS, sink == 42 ? " " : "");
    }
}
