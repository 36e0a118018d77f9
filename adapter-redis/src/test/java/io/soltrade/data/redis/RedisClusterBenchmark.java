package io.soltrade.data.redis;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Cache capacity per Redis Cluster shard: a private 3-master cluster, {@code bench.threads} callers (default 4) running
 * each cache operation through the adapter for {@code bench.seconds} (default 5) over 1,000 cached prices, three rounds.
 * Besides cache operations per second (a batch of 50 counts 50) it reads the CPU time the three {@code redis-server}
 * processes spent ({@code /proc/<pid>/stat}), which gives the figure that carries over to a shard on a core of its
 * own: cache operations per server CPU-second (a shard is one single-threaded process). Not a test (its name matches
 * neither Surefire's nor Failsafe's patterns); run it with
 * {@code ./mvnw -B -q -o -pl adapter-redis -am test -Dtest=RedisClusterBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class RedisClusterBenchmark {
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final long SECONDS = Long.getLong("bench.seconds", 5);
    private static final int SYMBOLS = 1_000;
    private static final int BATCH = 50;

    @Test
    void cacheOperationsPerShard() throws Exception {
        List<String> report = new ArrayList<>();
        try (TestingRedisCluster cluster = TestingRedisCluster.start(3, 0)) {
            TestingRedisCluster.Namespace namespace = cluster.freshNamespace();
            try (RedisTestAdapter adapter = new RedisTestAdapter(namespace.settings().build())) {
                PriceCache cache = adapter.priceCache();
                List<TokenSymbol> symbols = IntStream.range(0, SYMBOLS).mapToObj(i -> TestValues.symbol()).toList();
                AtomicLong version = new AtomicLong(1_000_000);
                ToIntFunction<PriceCache> putAll = c -> c.putAll(batch(symbols).stream().map(s -> TestValues.quote(s, version.incrementAndGet())).toList()).size();
                putAll.applyAsInt(cache);
                cache.putAll(symbols.stream().map(s -> TestValues.quote(s, version.incrementAndGet())).toList());
                report.add("Redis Cluster cache capacity: 3 masters on this machine, " + THREADS + " callers, " + SECONDS + " s per measurement, "
                        + Runtime.getRuntime().availableProcessors() + " cores; load average " + Files.readString(Path.of("/proc/loadavg")).trim());
                report.add(String.format("%-28s %6s %14s %22s", "operation", "round", "cache ops/s", "ops per server CPU-s"));
                for (int round = 1; round <= 3; round++) {
                    measure(report, round, "get (one price)", cluster, () -> cache.get(symbols.get(ThreadLocalRandom.current().nextInt(SYMBOLS))).isPresent() ? 1 : 1);
                    measure(report, round, "getAll (50 prices)", cluster, () -> {
                        cache.getAll(batch(symbols));
                        return BATCH;
                    });
                    measure(report, round, "putAll (50 prices)", cluster, () -> putAll.applyAsInt(cache));
                }
            } finally {
                namespace.close();
            }
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "redis-cluster-benchmark.txt"), report);
    }

    private static List<TokenSymbol> batch(List<TokenSymbol> symbols) {
        int from = ThreadLocalRandom.current().nextInt(SYMBOLS - BATCH);
        return symbols.subList(from, from + BATCH);
    }

    private static void measure(List<String> report, int round, String name, TestingRedisCluster cluster, java.util.function.IntSupplier operation)
            throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ops = new AtomicLong();
        List<Thread> callers = new ArrayList<>();
        long cpuBefore = serverCpuTicks(cluster);
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            Thread caller = new Thread(() -> {
                while (running.get()) {
                    ops.addAndGet(operation.getAsInt());
                }
            });
            caller.start();
            callers.add(caller);
        }
        Thread.sleep(SECONDS * 1_000);
        running.set(false);
        for (Thread caller : callers) {
            caller.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (serverCpuTicks(cluster) - cpuBefore) / 100.0;
        report.add(String.format("%-28s %6d %,14.0f %,22.0f", name, round, ops.get() / seconds, ops.get() / cpuSeconds));
    }

    /** utime + stime of every master, in clock ticks (100 a second on Linux). */
    private static long serverCpuTicks(TestingRedisCluster cluster) throws IOException {
        long ticks = 0;
        for (PrivateRedisServer master : cluster.masters()) {
            String stat = Files.readString(Path.of("/proc", Long.toString(master.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }
        return ticks;
    }
}
