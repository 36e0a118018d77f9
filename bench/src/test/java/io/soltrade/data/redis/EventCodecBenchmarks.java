package io.soltrade.data.redis;

import io.soltrade.data.bench.scenario.BenchQuotes;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.TokenSymbol;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JMH: the live feed's per-message CPU work, encoding one price event on the publisher and decoding it on the
 * subscriber ({@code StreamEventCodec}), beside what the bench's raw side does with the same quote (a Jackson tree
 * written as text; {@code readTree} and one field read). In the adapter's package because the codec is package-private
 * there; putting an older build's {@code soltrade-adapter-redis} jar first on the class path measures the older codec
 * (the methods benchmarked, {@code encode(StreamEvent)} and {@code decode(String)}, keep their signatures). Not run by
 * {@code verify}; docs/bench.md has the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventCodecBenchmarks {
    private static final int EVENTS = 1_024;

    private final StreamEventCodec codec = new StreamEventCodec();
    private PriceUpdateEvent[] events;
    private String[] texts;
    private int next;

    @Setup(Level.Trial)
    public void makeInputs() {
        TokenSymbol symbol = TokenSymbol.of("BENCH");
        Instant at = Instant.parse("2026-12-04T12:00:00.123456Z");
        events = new PriceUpdateEvent[EVENTS];
        texts = new String[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            events[i] = new PriceUpdateEvent(new PriceQuote(symbol, BigDecimal.valueOf(150_000_000 + i, 6), 300_000_000L + i, at.plusMillis(i), "bench"));
            texts[i] = codec.encode(events[i]);
        }
    }

    private int nextIndex() {
        next = (next + 1) & (EVENTS - 1);
        return next;
    }

    @Benchmark
    public String encodePrice() {
        return codec.encode(events[nextIndex()]);
    }

    @Benchmark
    public StreamEvent decodePrice() {
        return codec.decode(texts[nextIndex()]);
    }

    /** The raw publisher's encoding of the same quote: the bench's own ({@link BenchQuotes#json}). */
    @Benchmark
    public String rawEncodePrice() {
        return BenchQuotes.json(events[nextIndex()].quote());
    }

    /** The raw subscriber's reading: the tree, then the one field it needs ({@link BenchQuotes#slotOf}). */
    @Benchmark
    public long rawDecodePrice() {
        return BenchQuotes.slotOf(texts[nextIndex()]);
    }

    /** {@code java -cp ... io.soltrade.data.redis.EventCodecBenchmarks}: 1 fork, 3 x 1 s warm-up, 5 x 1 s measured. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(EventCodecBenchmarks.class.getName()).forks(1).warmupIterations(3)
                .warmupTime(TimeValue.seconds(1)).measurementIterations(5).measurementTime(TimeValue.seconds(1)).build()).run();
    }
}
