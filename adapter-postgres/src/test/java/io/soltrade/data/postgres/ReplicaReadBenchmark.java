package io.soltrade.data.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.postgres.testing.TestingReplicatedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Configuration reads per second that one streaming replica serves, on a private primary + replica of this machine's
 * PostgreSQL: {@code threads} callers each doing {@code ConfigStore.findToken} of a random one of 1,000 stored tokens,
 * for {@code seconds} per measurement, through
 * <ul>
 *   <li><b>primary</b>: the store without a read URL, every read on the primary;</li>
 *   <li><b>replica</b>: the store with the replica as its read URL ({@code targetServerType=secondary}), no writes;</li>
 *   <li><b>replica + writes</b>: the same with one token upsert per 100 reads from the same callers, so reads after a write
 *       wait for the replica to replay it (the read-your-writes price);</li>
 *   <li><b>raw replica</b>: the same {@code SELECT} by plain pgjdbc on a HikariCP pool to the replica (the ratio's base).</li>
 * </ul>
 * The four alternate within each round (order rotating) so a shared machine's drift hits all; medians over rounds.
 * Both servers, the client and anything else on the machine share its cores, so besides reads/s it prints reads per
 * CPU-second of the server that answered (its postmaster and backends, from {@code /proc}): what one replica core
 * serves, the figure that carries over to a replica on a machine of its own. The load average is printed too.
 *
 * <p>Not a test: {@code adapter-postgres/replica-read-benchmark.sh [seconds] [rounds] [threads] [poolSize]}.
 */
public final class ReplicaReadBenchmark {
    private static final String SCHEMA = "bench_replica";
    private static final String RAW_READ = "SELECT mint, symbol, name, decimals, program, extensions FROM tokens WHERE mint = ?";
    private static final int TOKENS = 1_000;
    private static final int READS_PER_WRITE = 100;

    private ReplicaReadBenchmark() {}

    private interface Operation {
        void run(int callerIteration) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int poolSize = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String loadBefore = loadAverage();
        try (TestingReplicatedPostgres servers = TestingReplicatedPostgres.start()) {
            PostgresSettings primaryOnly = servers.settings(SCHEMA, poolSize).build().withReplication(PostgresReplication.NONE);
            PostgresSettings withReplica = servers.settings(SCHEMA, poolSize).readUrl(servers.replicaUrl() + "?targetServerType=secondary").build();
            try (PostgresConnectionPool primaryPool = new PostgresConnectionPool(primaryOnly);
                    PostgresConnectionPool readPool = new PostgresConnectionPool(withReplica, PostgresConnectionPool.Role.READ);
                    HikariDataSource raw = rawReplicaPool(servers, poolSize)) {
                new PostgresMigrations(primaryPool).migrate();
                PostgresConfigStore onPrimary = new PostgresConfigStore(new PostgresTransactions(primaryPool), Clock.systemUTC());
                ReplicaReads replicaReads = new ReplicaReads(readPool, primaryPool);
                PostgresConfigStore onReplica = new PostgresConfigStore(
                        new PostgresTransactions(primaryPool, TransactionScope.ConnectionHook.NONE, replicaReads::recordCommit), Optional.of(replicaReads),
                        Clock.systemUTC());
                List<Pubkey> mints = new ArrayList<>();
                for (int i = 0; i < TOKENS; i++) {
                    TokenMetadata token = SampleValues.token2022();
                    onPrimary.upsertToken(token, SampleValues.ACTOR);
                    mints.add(token.mint());
                }
                servers.awaitReplicaCaughtUp();

                List<String> names = List.of("primary", "replica", "replica + writes", "raw replica");
                List<Operation> operations = List.of(
                        i -> require(onPrimary.findToken(randomOf(mints)).isPresent()),
                        i -> require(onReplica.findToken(randomOf(mints)).isPresent()),
                        i -> {
                            if (i % READS_PER_WRITE == 0) {
                                onReplica.recordNodeHealth(SampleValues.nodeHealth("bench-" + Thread.currentThread().getId(), Instant.now()));
                            }
                            require(onReplica.findToken(randomOf(mints)).isPresent());
                        },
                        i -> readRaw(raw, randomOf(mints)));
                // The server that answers each: where its CPU time is read.
                List<Supplier<Duration>> serverCpu = List.of(servers::primaryCpuTime, servers::replicaCpuTime, servers::replicaCpuTime,
                        servers::replicaCpuTime);
                List<List<Double>> rates = new ArrayList<>();
                List<List<Double>> perServerSecond = new ArrayList<>();
                names.forEach(name -> {
                    rates.add(new ArrayList<>());
                    perServerSecond.add(new ArrayList<>());
                });
                for (Operation operation : operations) {
                    measure(operation, threads, Duration.ofSeconds(3)); // warm-up: JIT, prepared statements, caches
                }
                for (int round = 0; round < rounds; round++) {
                    for (int k = 0; k < operations.size(); k++) {
                        int which = (round + k) % operations.size();
                        Duration cpuBefore = serverCpu.get(which).get();
                        Measured measured = measure(operations.get(which), threads, measure);
                        double cpuSeconds = (serverCpu.get(which).get().toMillis() - cpuBefore.toMillis()) / 1e3;
                        rates.get(which).add(measured.reads() / measured.seconds());
                        perServerSecond.get(which).add(measured.reads() / Math.max(cpuSeconds, 0.01));
                    }
                }
                ReplicaReads.Counts counts = replicaReads.counts();
                System.out.printf(Locale.ROOT, "%d callers, pools of %d, %d s per measurement, %d rounds, %d cores; load average before %s, after %s%n",
                        threads, poolSize, measure.toSeconds(), rounds, Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
                System.out.printf(Locale.ROOT, "%-18s %12s %26s   %s%n", "", "reads/s", "reads per server CPU-second", "reads/s per round");
                for (int k = 0; k < names.size(); k++) {
                    System.out.printf(Locale.ROOT, "%-18s %,12.0f %,26.0f   %s%n", names.get(k), median(rates.get(k)), median(perServerSecond.get(k)),
                            rounded(rates.get(k)));
                }
                System.out.printf(Locale.ROOT, "ratio replica / raw replica: %.2f%n", median(rates.get(1)) / median(rates.get(3)));
                System.out.printf(Locale.ROOT, "replica reads served by the replica %,d, by the primary %,d (replica behind %,d)%n",
                        counts.servedByReplica(), counts.servedByPrimary(), counts.replicaBehind());
            }
        }
    }

    private static HikariDataSource rawReplicaPool(TestingReplicatedPostgres servers, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(servers.replicaUrl());
        config.setUsername(servers.user());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(poolSize);
        config.addDataSourceProperty("currentSchema", SCHEMA);
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("sslmode", "disable");
        return new HikariDataSource(config);
    }

    private static void readRaw(HikariDataSource raw, Pubkey mint) throws Exception {
        try (Connection connection = raw.getConnection(); PreparedStatement statement = connection.prepareStatement(RAW_READ)) {
            statement.setString(1, mint.base58());
            try (ResultSet row = statement.executeQuery()) {
                require(row.next());
                for (int column = 1; column <= 6; column++) {
                    row.getObject(column);
                }
            }
        }
    }

    private record Measured(long reads, double seconds) {}

    /** How many reads {@code threads} callers running {@code operation} did in about {@code duration}. */
    private static Measured measure(Operation operation, int threads, Duration duration) throws Exception {
        LongAdder done = new LongAdder();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(callers.submit(() -> {
                    int i = 0;
                    while (System.nanoTime() - end < 0) {
                        operation.run(++i);
                        done.increment();
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        } finally {
            callers.shutdownNow();
        }
        return new Measured(done.sum(), (System.nanoTime() - start) / 1e9);
    }

    private static Pubkey randomOf(List<Pubkey> mints) {
        return mints.get(ThreadLocalRandom.current().nextInt(mints.size()));
    }

    private static void require(boolean found) {
        if (!found) {
            throw new IllegalStateException("a stored token was not found");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%,.0f", v)).toList().toString();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
