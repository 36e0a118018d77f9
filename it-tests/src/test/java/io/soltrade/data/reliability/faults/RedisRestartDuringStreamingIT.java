package io.soltrade.data.reliability.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.RedisSettings;
import io.soltrade.data.reliability.support.DurableRedisServer;
import io.soltrade.data.reliability.support.Ledger;
import io.soltrade.data.reliability.support.Rows;
import io.soltrade.data.reliability.support.RunningAdapter;
import io.soltrade.data.reliability.support.Soak;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A private Redis (append-only file fsynced before every reply) killed with SIGKILL and restarted while
 * publishers append to a stream and a consumer group works through it. Afterwards every publish that returned an
 * id is in the stream exactly once under that id, every publish that failed was reported to its caller with a
 * {@link TransientDbException} (and is in the stream at most once), and the group has processed every
 * acknowledged entry: entries it had been handed before the crash but not acknowledged are reclaimed from its
 * pending list. Shown to fail without the protection by running the server with {@code durable = false}
 * (see the it-tests README).
 */
class RedisRestartDuringStreamingIT {
    private static final StreamName STREAM = StreamName.UI_EVENTS;
    private static final String GROUP = "workers";
    private static final int PUBLISHERS = 4;
    private static final int EVENTS_BEFORE_CRASH = Soak.pick(400, 5_000);
    private static final int EVENTS_AFTER_CRASH = Soak.pick(400, 5_000);

    private DurableRedisServer redis;
    private RunningAdapter adapter;

    @BeforeEach
    void start() {
        redis = DurableRedisServer.launch(true);
        adapter = RunningAdapter.start(new RedisModule(RedisSettings.builder().url(redis.url()).namespace("restart-" + ContractFixtures.word(8))
                .streamMaxLength(1_000_000).connectTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(2)).build()));
    }

    @AfterEach
    void stop() {
        try {
            adapter.close();
        } finally {
            redis.close();
        }
    }

    @Test
    void everyAcknowledgedEventSurvivesACrashOnceAndIsProcessed() throws Exception {
        EventStream stream = adapter.port(EventStream.class);
        stream.ensureGroup(STREAM, GROUP, GroupStart.BEGINNING);
        Ledger<String, UiEvent> published = new Ledger<>();
        Map<String, StreamEntryId> idsGiven = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicBoolean consuming = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        Set<String> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger consumerFailures = new AtomicInteger();

        List<Thread> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            publishers.add(started("publisher-" + p, () -> {
                while (publishing.get()) {
                    String n = Integer.toString(sequence.incrementAndGet());
                    UiEvent event = UiEvent.of("restart.event", "event " + n, Map.of("n", n), ContractFixtures.now());
                    try {
                        StreamEntryId id = stream.publish(event);
                        idsGiven.put(n, id);
                        published.acknowledged(n, event);
                    } catch (TransientDbException e) {
                        published.failed(n, event, e);
                        LockSupport.parkNanos(10_000_000); // the server is down: do not spin
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                        published.failed(n, event, e);
                    }
                }
            }));
        }
        Thread consumer = started("consumer", () -> {
            while (consuming.get()) {
                try {
                    List<StreamEntry> entries = new ArrayList<>(stream.readGroup(STREAM, GROUP, "c1", 100, Duration.ofMillis(100)));
                    ClaimResult orphans = stream.claimStale(STREAM, GROUP, "c1", Duration.ofMillis(500), 100);
                    entries.addAll(orphans.claimed());
                    for (StreamEntry entry : entries) {
                        processed.add(((UiEvent) entry.event()).attributes().get("n"));
                    }
                    if (!entries.isEmpty()) {
                        stream.ack(STREAM, GROUP, entries.stream().map(StreamEntry::id).toList());
                    }
                } catch (DbException e) {
                    consumerFailures.incrementAndGet();
                    LockSupport.parkNanos(20_000_000);
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
            }
        });

        await("events acknowledged before the crash").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> published.acknowledgedCount() >= EVENTS_BEFORE_CRASH);
        int acknowledgedAtCrash = published.acknowledgedCount();
        redis.kill();
        redis.start();
        await("events acknowledged after the restart").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> published.acknowledgedCount() >= acknowledgedAtCrash + EVENTS_AFTER_CRASH);
        publishing.set(false);
        for (Thread publisher : publishers) {
            publisher.join(Duration.ofMinutes(1).toMillis());
            assertThat(publisher.isAlive()).as("%s finished: no publish hangs", publisher.getName()).isFalse();
        }
        Map<String, UiEvent> acknowledged = published.acknowledged();
        await("the group processed every acknowledged event and has nothing pending").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(50)).ignoreException(TransientDbException.class)
                .until(() -> processed.containsAll(acknowledged.keySet()) && stream.pending(STREAM, GROUP) == 0);
        consuming.set(false);
        consumer.join(Duration.ofMinutes(1).toMillis());
        assertThat(consumer.isAlive()).as("the consumer finished").isFalse();

        assertThat(unexpected).as("failures other than DbException / TransientDbException").isEmpty();
        assertThat(published.failures()).as("publishes reported failed while Redis was down").isNotEmpty()
                .allSatisfy(failure -> assertThat(failure).isInstanceOf(TransientDbException.class));
        assertThat(published.acknowledgedCount() + published.unacknowledged().size()).as("every publish ended acknowledged or reported")
                .isEqualTo(sequence.get());

        List<StreamEntry> entries = new ArrayList<>();
        StreamEntryId after = StreamEntryId.ZERO;
        StreamBatch batch;
        do {
            batch = stream.read(STREAM, after, 10_000, Duration.ZERO);
            entries.addAll(batch.entries());
            after = batch.nextAfter(after);
        } while (!batch.entries().isEmpty());
        List<UiEvent> events = entries.stream().map(entry -> (UiEvent) entry.event()).toList();
        Rows.assertHoldsExactly("stream after the crash", events, acknowledged, published.unacknowledged(), event -> event.attributes().get("n"));
        for (StreamEntry entry : entries) {
            String n = ((UiEvent) entry.event()).attributes().get("n");
            if (idsGiven.containsKey(n)) {
                assertThat(entry.id()).as("id of event %s", n).isEqualTo(idsGiven.get(n));
            }
        }
        assertThat(consumerFailures.get()).as("the consumer saw the outage").isPositive();
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
