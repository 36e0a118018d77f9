package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.redis.testing.TestingRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;

/**
 * The adapter against raw Jedis on the same server in the same run, after a warm-up: latencies interleave the two
 * call by call, throughputs alternate batch by batch, so both see the same machine noise; each line reports their
 * ratio. Not a
 * test (its name matches neither Surefire's nor Failsafe's patterns); run it with
 * {@code ./mvnw -B -q -o -pl adapter-redis -am test -Dtest=RedisBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rounds=N} for more rounds). Results go to stdout and {@code target/redis-benchmark.txt}.
 */
@Tag("benchmark")
class RedisBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 20);
    private static final int GETS_PER_ROUND = 2_000;
    private static final int BATCH = 50;
    private static final int PIPELINE = 1_000;

    private final List<String> report = new ArrayList<>();

    @Test
    void adapterAgainstRawJedis() {
        try (TestingRedis.Namespace namespace = TestingRedis.shared().freshNamespace();
                RedisTestAdapter adapter = new RedisTestAdapter(namespace.settings().build());
                JedisPooled raw = rawClient()) {
            PriceCache cache = adapter.priceCache();
            List<PriceQuote> quotes = IntStream.range(0, BATCH).mapToObj(i -> TestValues.quote(TestValues.symbol(), 1_000_000)).toList();
            List<TokenSymbol> symbols = quotes.stream().map(PriceQuote::symbol).toList();
            String[] rawKeys = IntStream.range(0, BATCH).mapToObj(i -> namespace.name() + ":raw:" + i).toArray(String[]::new);
            String rawValue = "0000000000001000000:0001748779200123456|187.123456789|test";
            report.add("redis-benchmark of the soltrade-data Redis adapter vs raw Jedis 7.5.3, same server, same run; "
                    + ROUNDS + " rounds after 3 of warm-up, calls interleaved; " + Runtime.getRuntime().availableProcessors() + " cores");
            report.add(String.format("%-34s %12s %12s %12s %12s   %s", "operation", "mean", "p50", "p99", "p99.9", "(adapter / raw)"));

            // Keep values alive through the whole run: refresh both sides before each round.
            Runnable refresh = () -> {
                cache.putAll(quotes.stream().map(q -> new PriceQuote(q.symbol(), q.price(), q.slot() + System.nanoTime() % 1_000_000 + 1, q.observedAt(), q.source())).toList());
                try (AbstractPipeline pipeline = raw.pipelined()) {
                    for (String key : rawKeys) {
                        pipeline.set(key, rawValue, SetParams.setParams().px(2_000));
                    }
                }
            };

            latency("get one price", GETS_PER_ROUND, refresh,
                    () -> time(() -> cache.get(symbols.get(0)).isPresent() ? 1 : 0),
                    () -> time(() -> raw.get(rawKeys[0]) != null ? 1 : 0));
            latency("getAll of 50 prices", GETS_PER_ROUND / 4, refresh,
                    () -> time(() -> cache.getAll(symbols).size()),
                    () -> time(() -> raw.mget(rawKeys).size()));

            throughput("put 1,000 prices, pipelined", refresh,
                    () -> time(() -> cache.putAll(freshQuotes(PIPELINE)).size()),
                    () -> time(() -> {
                        try (AbstractPipeline pipeline = raw.pipelined()) {
                            for (int i = 0; i < PIPELINE; i++) {
                                pipeline.set(namespace.name() + ":raw:put:" + (i % BATCH), rawValue, SetParams.setParams().px(2_000));
                            }
                            pipeline.sync();
                        }
                        return PIPELINE;
                    }));

            for (StreamTrimming trimming : StreamTrimming.values()) {
                try (TestingRedis.Namespace streams = TestingRedis.shared().freshNamespace();
                        RedisTestAdapter streamAdapter = new RedisTestAdapter(streams.settings().trimming(trimming).build())) {
                    EventStream stream = streamAdapter.eventStream();
                    XAddParams rawCap = XAddParams.xAddParams().maxLen(10_000);
                    if (trimming == StreamTrimming.EXACT) {
                        rawCap.exactTrimming();
                    } else {
                        rawCap.approximateTrimming();
                    }
                    String rawStream = streams.name() + ":raw-stream";
                    List<StreamEvent> events = IntStream.range(0, PIPELINE).mapToObj(i -> (StreamEvent) TestValues.priceEvent(i)).toList();
                    StreamEventCodec codec = new StreamEventCodec();
                    throughput("XADD 1,000, cap 10,000 " + (trimming == StreamTrimming.EXACT ? "exact" : "approx"), () -> { },
                            () -> time(() -> stream.publishAll(events).size()),
                            () -> time(() -> {
                                try (AbstractPipeline pipeline = raw.pipelined()) {
                                    for (StreamEvent event : events) {
                                        // The raw side encodes the same JSON: a raw client has to write something.
                                        pipeline.xadd(rawStream, rawCap, Map.of("event", codec.encode(event)));
                                    }
                                    pipeline.sync();
                                }
                                return PIPELINE;
                            }));
                    report.add(String.format("%-34s length after the run: adapter %d, raw %d", "", stream.length(StreamName.PRICE_UPDATES), raw.xlen(rawStream)));
                }
            }
        }
        report.forEach(System.out::println);
        try {
            Files.write(Path.of("target", "redis-benchmark.txt"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Per-call latency of {@code adapter} and {@code raw}, interleaved call by call (which goes first alternates),
     * so both meet the same moments of machine noise; {@code calls} pairs per round, the value refreshed each round.
     */
    private void latency(String name, int calls, Runnable refresh, LongSupplier adapter, LongSupplier raw) {
        Histogram adapterNanos = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram rawNanos = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int round = -3; round < ROUNDS; round++) {
            boolean warmUp = round < 0;
            refresh.run();
            for (int i = 0; i < calls; i++) {
                long adapterCall;
                long rawCall;
                if (i % 2 == 0) {
                    adapterCall = adapter.getAsLong();
                    rawCall = raw.getAsLong();
                } else {
                    rawCall = raw.getAsLong();
                    adapterCall = adapter.getAsLong();
                }
                if (!warmUp) {
                    adapterNanos.recordValue(Math.min(adapterCall, TimeUnit.SECONDS.toNanos(10)));
                    rawNanos.recordValue(Math.min(rawCall, TimeUnit.SECONDS.toNanos(10)));
                }
            }
        }
        report.add(String.format("%-34s %9.1f us %9.1f us %9.1f us %9.1f us   adapter", name, adapterNanos.getMean() / 1e3,
                adapterNanos.getValueAtPercentile(50) / 1e3, adapterNanos.getValueAtPercentile(99) / 1e3, adapterNanos.getValueAtPercentile(99.9) / 1e3));
        report.add(String.format("%-34s %9.1f us %9.1f us %9.1f us %9.1f us   raw Jedis", "", rawNanos.getMean() / 1e3,
                rawNanos.getValueAtPercentile(50) / 1e3, rawNanos.getValueAtPercentile(99) / 1e3, rawNanos.getValueAtPercentile(99.9) / 1e3));
        report.add(String.format("%-34s %12.2f %12.2f %12.2f %12.2f   ratio", "", adapterNanos.getMean() / rawNanos.getMean(),
                ratio(adapterNanos, rawNanos, 50), ratio(adapterNanos, rawNanos, 99), ratio(adapterNanos, rawNanos, 99.9)));
    }

    /** Items per second of {@code adapter} and {@code raw} (each returns the time one batch of {@value #PIPELINE} took). */
    private void throughput(String name, Runnable refresh, LongSupplier adapter, LongSupplier raw) {
        long adapterNanos = 0;
        long rawNanos = 0;
        for (int round = -3; round < ROUNDS; round++) {
            refresh.run();
            long first = round % 2 == 0 ? adapter.getAsLong() : raw.getAsLong();
            long second = round % 2 == 0 ? raw.getAsLong() : adapter.getAsLong();
            if (round >= 0) {
                adapterNanos += round % 2 == 0 ? first : second;
                rawNanos += round % 2 == 0 ? second : first;
            }
        }
        double adapterRate = (double) ROUNDS * PIPELINE / (adapterNanos / 1e9);
        double rawRate = (double) ROUNDS * PIPELINE / (rawNanos / 1e9);
        report.add(String.format("%-34s %,10.0f/s adapter, %,10.0f/s raw Jedis, ratio %.2f", name, adapterRate, rawRate, adapterRate / rawRate));
    }

    private static double ratio(Histogram adapter, Histogram raw, double percentile) {
        return (double) adapter.getValueAtPercentile(percentile) / raw.getValueAtPercentile(percentile);
    }

    private static long time(LongSupplier call) {
        long start = System.nanoTime();
        if (call.getAsLong() < 0) {
            throw new IllegalStateException("unreachable");
        }
        return System.nanoTime() - start;
    }

    private static List<PriceQuote> freshQuotes(int count) {
        return IntStream.range(0, count).mapToObj(i -> TestValues.quote(TestValues.symbol(), i)).toList();
    }

    private static JedisPooled rawClient() {
        java.net.URI uri = java.net.URI.create(TestingRedis.shared().url());
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(16);
        return new JedisPooled(pool, new HostAndPort(uri.getHost(), uri.getPort() == -1 ? 6379 : uri.getPort()),
                DefaultJedisClientConfig.builder().socketTimeoutMillis(2_000).build());
    }
}
