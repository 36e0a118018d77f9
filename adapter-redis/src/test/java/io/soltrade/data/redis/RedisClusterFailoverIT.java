package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.redis.testing.PrivateRedisServer;
import io.soltrade.data.redis.testing.TestingRedisCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * The failover drill: a 3-master, 3-replica Redis Cluster of real {@code redis-server} processes (node timeout 1 s);
 * under cache and stream load the master that owns the price stream is killed (SIGKILL) and its replica promoted by the
 * cluster itself.
 *
 * <p>What the data layer promises, and this test checks:
 * <ul>
 *   <li><b>Caches</b> (idempotent): no call fails. A call in flight while the slots have no live master waits, renewing
 *       the slot map, until the replica serves them (within three socket timeouts), and every price is readable after.</li>
 *   <li><b>Stream appends</b> (not idempotent, never repeated by the layer): an append in flight fails with a
 *       {@link TransientDbException}; the caller decides whether to append again.</li>
 *   <li><b>Entries acknowledged by the dead master</b>: Redis replicates asynchronously, so an acknowledged append
 *       survives the failover only once the replica had received it. Exactly: every entry acknowledged before the
 *       replica confirmed the master's replication offset survives; of the entries acknowledged after that, the ones
 *       that survive are a prefix, in order (replication is one ordered stream), and none is doubled. An application that
 *       cannot lose an acknowledged entry waits for the replica's acknowledgement itself ({@code WAIT}); this adapter
 *       does not issue it.</li>
 *   <li><b>Consumer group</b>: it survives on the promoted replica and resumes: entries delivered and acknowledged
 *       before the kill are not delivered again, every surviving entry not yet delivered is.</li>
 * </ul>
 */
class RedisClusterFailoverIT {
    private static final StreamName STREAM = StreamName.PRICE_UPDATES;
    private static final String GROUP = "drill";

    private TestingRedisCluster cluster;
    private TestingRedisCluster.Namespace namespace;
    private RedisTestAdapter adapter;

    @BeforeEach
    void start() {
        cluster = TestingRedisCluster.start(3, 1);
        namespace = cluster.freshNamespace();
        // The appender runs as fast as the cluster lets it (17,800 appends once, on a quiet machine): a cap far above
        // that keeps every entry the test checks, where the default 10,000 trimmed the first 200 it asserts on.
        adapter = new RedisTestAdapter(namespace.settings().streamMaxLength(1_000_000).build());
    }

    @AfterEach
    void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aKilledMasterIsReplacedByItsReplicaAndCachesStreamsAndGroupsCarryOn() throws Exception {
        PriceCache prices = adapter.priceCache();
        EventStream stream = adapter.eventStream();
        RedisKeys keys = new RedisKeys(namespace.name());
        String streamKey = keys.stream(STREAM);
        List<TokenSymbol> symbols = IntStream.range(0, 30).mapToObj(i -> TestValues.symbol()).toList();

        stream.ensureGroup(STREAM, GROUP, GroupStart.BEGINNING);
        List<StreamEntryId> replicated = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replicated.add(stream.publish(TestValues.priceEvent(i)));
        }
        int masterPort = cluster.portServing(streamKey);
        List<StreamEntry> deliveredBefore = stream.readGroup(STREAM, GROUP, "before", 100, Duration.ZERO);
        assertThat(stream.ack(STREAM, GROUP, deliveredBefore.stream().map(StreamEntry::id).toList())).isEqualTo(100);
        awaitReplicaCaughtUp(masterPort);
        PrivateRedisServer master = cluster.masters().stream().filter(node -> node.port() == masterPort).findFirst().orElseThrow();
        int promoted = cluster.replicas().stream().filter(node -> replicaOf(node.port(), masterPort)).findFirst().orElseThrow().port();

        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> cacheFailures = new CopyOnWriteArrayList<>();
        List<Throwable> appendFailures = new CopyOnWriteArrayList<>();
        List<StreamEntryId> acknowledgedUnderLoad = new CopyOnWriteArrayList<>();
        AtomicLong cacheCalls = new AtomicLong();
        AtomicLong version = new AtomicLong(1_000);
        Thread cacheLoad = new Thread(() -> {
            while (running.get()) {
                try {
                    long slot = version.incrementAndGet();
                    prices.putAll(symbols.stream().map(symbol -> TestValues.quote(symbol, slot)).toList());
                    prices.getAll(symbols);
                    prices.get(symbols.get((int) (slot % symbols.size())));
                    cacheCalls.addAndGet(3);
                } catch (RuntimeException e) {
                    cacheFailures.add(e);
                }
            }
        }, "drill-cache-load");
        Thread appendLoad = new Thread(() -> {
            long n = 10_000;
            while (running.get()) {
                try {
                    acknowledgedUnderLoad.add(stream.publish(TestValues.priceEvent(n++)));
                } catch (RuntimeException e) {
                    appendFailures.add(e);
                }
            }
        }, "drill-append-load");
        cacheLoad.start();
        appendLoad.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledgedUnderLoad.size() >= 50 && cacheCalls.get() >= 30);

        int failuresBefore = appendFailures.size();
        master.kill();
        long killedAt = System.nanoTime();
        // Appends to the killed master's slots fail from here on until the promotion; once one has failed, the appender
        // has recorded every acknowledgement the dead master sent.
        await("an append to fail on the dead master").atMost(Duration.ofSeconds(10)).until(() -> appendFailures.size() > failuresBefore);
        List<StreamEntryId> acknowledgedByTheDeadMaster = List.copyOf(acknowledgedUnderLoad);
        await("the replica promoted").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> cluster.portServing(streamKey) == promoted);
        long promotedAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
        int acknowledgedAtPromotion = acknowledgedUnderLoad.size();
        long cacheCallsAtPromotion = cacheCalls.get();
        await("load carrying on after the promotion").atMost(Duration.ofSeconds(20))
                .until(() -> acknowledgedUnderLoad.size() >= acknowledgedAtPromotion + 50 && cacheCalls.get() >= cacheCallsAtPromotion + 30);
        running.set(false);
        cacheLoad.join(30_000);
        appendLoad.join(30_000);

        // Caches: not one failed call, and every price readable at its newest version.
        assertThat(cacheFailures).as("cache calls failed during the failover (promotion after %d ms)", promotedAfterMillis).isEmpty();
        long newest = version.get();
        assertThat(prices.getAll(symbols)).hasSize(symbols.size()).allSatisfy((symbol, quote) -> assertThat(quote.slot()).isBetween(newest - 1, newest));
        assertThat(adapter.connections().clusterRetries()).as("calls that waited for the promotion").isPositive();

        // Appends: failures only transient; what survived is everything replicated plus a prefix of the rest, nothing doubled.
        assertThat(appendFailures).allSatisfy(e -> assertThat(e).isInstanceOf(TransientDbException.class));
        List<StreamEntryId> stored = readAll(stream).stream().map(StreamEntry::id).toList();
        assertThat(new HashSet<>(stored)).hasSize(stored.size());
        assertThat(stored).containsAll(replicated);
        HashSet<StreamEntryId> storedSet = new HashSet<>(stored);
        List<StreamEntryId> survivors = acknowledgedByTheDeadMaster.stream().filter(storedSet::contains).toList();
        assertThat(survivors).as("the acknowledged appends that survived the dead master are a prefix, in order")
                .isEqualTo(acknowledgedByTheDeadMaster.subList(0, survivors.size()));
        assertThat(stored).as("every append acknowledged by the promoted replica")
                .containsAll(acknowledgedUnderLoad.subList(acknowledgedByTheDeadMaster.size(), acknowledgedUnderLoad.size()));
        System.out.printf("failover drill: promotion %d ms after the kill; %d cache calls, %d waited for the promotion; %d appends acknowledged"
                + " by the dead master, %d lost with it; %d appends failed (transient)%n", promotedAfterMillis, cacheCalls.get(),
                adapter.connections().clusterRetries(), acknowledgedByTheDeadMaster.size(), acknowledgedByTheDeadMaster.size() - survivors.size(),
                appendFailures.size());

        // The group resumes: nothing delivered before is delivered again, every other surviving entry is.
        List<StreamEntry> deliveredAfter = readGroupUntilEmpty(stream);
        List<StreamEntryId> expected = new ArrayList<>(stored);
        expected.removeAll(deliveredBefore.stream().map(StreamEntry::id).toList());
        assertThat(deliveredAfter.stream().map(StreamEntry::id).toList()).isEqualTo(expected);
        assertThat(stream.pending(STREAM, GROUP)).isZero();
    }

    private static List<StreamEntry> readAll(EventStream stream) {
        List<StreamEntry> all = new ArrayList<>();
        StreamEntryId after = StreamEntryId.ZERO;
        while (true) {
            List<StreamEntry> batch = stream.read(STREAM, after, 1_000, Duration.ZERO).entries();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            after = batch.get(batch.size() - 1).id();
        }
    }

    private List<StreamEntry> readGroupUntilEmpty(EventStream stream) {
        List<StreamEntry> all = new ArrayList<>();
        while (true) {
            List<StreamEntry> batch = stream.readGroup(STREAM, GROUP, "after", 1_000, Duration.ZERO);
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            stream.ack(STREAM, GROUP, batch.stream().map(StreamEntry::id).toList());
        }
    }

    private static void awaitReplicaCaughtUp(int masterPort) {
        await("the replica to confirm the master's offset").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try (Jedis master = TestingRedisCluster.connect(masterPort)) {
                String info = master.info("replication");
                String offset = field(info, "master_repl_offset");
                return info.contains("slave0:") && info.contains("offset=" + offset + ",");
            }
        });
    }

    private static boolean replicaOf(int replicaPort, int masterPort) {
        try (Jedis replica = TestingRedisCluster.connect(replicaPort)) {
            return field(replica.info("replication"), "master_port").equals(Integer.toString(masterPort));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String field(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return "";
    }
}
