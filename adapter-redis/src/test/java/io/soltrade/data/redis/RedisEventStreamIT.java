package io.soltrade.data.redis;

import static io.soltrade.data.redis.TestValues.group;
import static io.soltrade.data.redis.TestValues.priceEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.contract.EventStreamContract;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisEventStream} against the shared Redis: the {@link EventStreamContract} kit on the default adapter
 * (cap 10,000, exact trimming, 3 deliveries before dead-lettering), plus what only this adapter promises: ids that
 * number a stream's entries, an exact missed count, the 10,000 cap, approximate trimming, and a consumer
 * killed before acknowledging. Each adapter (and each small-cap one the kit asks for) has a namespace of its own.
 */
class RedisEventStreamIT extends EventStreamContract {
    private static final int MAX_DELIVERIES = 3;
    private static final Map<Long, RedisTestAdapter> CAPPED = new ConcurrentHashMap<>();
    private static final List<TestingRedis.Namespace> CAPPED_NAMESPACES = new CopyOnWriteArrayList<>();

    private static TestingRedis.Namespace namespace;
    private static TestingRedis.Namespace smallNamespace;
    private static RedisTestAdapter adapter;
    private static RedisTestAdapter small;
    private static EventStream stream;
    private static EventStream smallStream;

    @BeforeAll
    static void start() {
        namespace = TestingRedis.shared().freshNamespace();
        smallNamespace = TestingRedis.shared().freshNamespace();
        adapter = new RedisTestAdapter(namespace.settings().maxDeliveries(MAX_DELIVERIES).build());
        small = new RedisTestAdapter(smallNamespace.settings().streamMaxLength(100).build());
        stream = adapter.eventStream();
        smallStream = small.eventStream();
    }

    @AfterAll
    static void stop() {
        CAPPED.values().forEach(RedisTestAdapter::close);
        CAPPED_NAMESPACES.forEach(TestingRedis.Namespace::close);
        adapter.close();
        small.close();
        namespace.close();
        smallNamespace.close();
    }

    @Override
    protected EventStream eventStream() {
        return stream;
    }

    @Override
    protected EventStream eventStream(long cap) {
        return CAPPED.computeIfAbsent(cap, c -> {
            TestingRedis.Namespace capped = TestingRedis.shared().freshNamespace();
            CAPPED_NAMESPACES.add(capped);
            return new RedisTestAdapter(capped.settings().streamMaxLength(c).maxDeliveries(MAX_DELIVERIES).build());
        }).eventStream();
    }

    @Override
    protected int maxDeliveries() {
        return MAX_DELIVERIES;
    }

    @Test
    void idsNumberTheEntriesOfAStreamOneByOne() {
        List<StreamEntryId> ids = stream.publishAll(IntStream.range(0, 20).mapToObj(i -> TestValues.uiEvent("n" + i)).toList());
        StreamEntryId next = stream.publish(TestValues.uiEvent("last"));

        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).sequence()).isEqualTo(ids.get(i - 1).sequence() + 1);
            assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
        }
        assertThat(next.sequence()).isEqualTo(ids.get(ids.size() - 1).sequence() + 1);
    }

    @Test
    void lengthNeverPassesTheCap() {
        assertThat(stream.maxLength()).isEqualTo(10_000);
        for (int batch = 0; batch < 12; batch++) {
            stream.publishAll(IntStream.range(0, 1_000).mapToObj(i -> priceEvent(i)).toList());
            assertThat(stream.length(StreamName.PRICE_UPDATES)).isLessThanOrEqualTo(10_000);
        }
        assertThat(stream.length(StreamName.PRICE_UPDATES)).isEqualTo(10_000);
    }

    @Test
    void aReaderThatFellBehindTheCapLearnsExactlyHowManyEntriesItMissed() {
        StreamEntryId seen = smallStream.publish(TestValues.uiEvent("seen"));
        smallStream.publishAll(IntStream.range(0, 105).mapToObj(i -> TestValues.uiEvent("e" + i)).toList());

        StreamBatch batch = smallStream.read(StreamName.UI_EVENTS, seen, 1_000, Duration.ZERO);

        assertThat(batch.missed()).isEqualTo(5);
        assertThat(batch.entries()).hasSize(100);
        assertThat(smallStream.read(StreamName.UI_EVENTS, batch.nextAfter(seen), 10, Duration.ZERO).missed()).isZero();
    }

    @Test
    void consumerKilledBeforeAckLosesNothing() {
        String group = group();
        stream.ensureGroup(StreamName.UI_EVENTS, group, GroupStart.NEW_ONLY);
        Set<StreamEntryId> published = ConcurrentHashMap.newKeySet();
        published.addAll(stream.publishAll(IntStream.range(0, 200).mapToObj(i -> TestValues.uiEvent("job " + i)).toList()));

        // A consumer takes 50 entries and dies before acknowledging any.
        List<StreamEntry> lost = stream.readGroup(StreamName.UI_EVENTS, group, "doomed", 50, Duration.ZERO);
        assertThat(lost).hasSize(50);

        Set<StreamEntryId> processed = ConcurrentHashMap.newKeySet();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            ClaimResult reclaimed = stream.claimStale(StreamName.UI_EVENTS, group, "survivor", Duration.ofMillis(200), 100);
            List<StreamEntry> fresh = stream.readGroup(StreamName.UI_EVENTS, group, "survivor", 100, Duration.ZERO);
            List<StreamEntryId> done = new ArrayList<>();
            reclaimed.claimed().forEach(entry -> done.add(entry.id()));
            fresh.forEach(entry -> done.add(entry.id()));
            processed.addAll(done);
            stream.ack(StreamName.UI_EVENTS, group, done);
            return processed.containsAll(published);
        });

        assertThat(processed).containsAll(published);
        assertThat(stream.pending(StreamName.UI_EVENTS, group)).isZero();
        assertThat(stream.deadLetters(StreamName.UI_EVENTS, 10)).isEmpty();
    }

    @Test
    void approximateTrimmingKeepsTheStreamNearItsCap() {
        try (TestingRedis.Namespace approximate = TestingRedis.shared().freshNamespace();
                RedisTestAdapter approximateAdapter = new RedisTestAdapter(approximate.settings().streamMaxLength(1_000)
                        .trimming(StreamTrimming.APPROXIMATE).build())) {
            EventStream approximateStream = approximateAdapter.eventStream();
            for (int batch = 0; batch < 5; batch++) {
                approximateStream.publishAll(IntStream.range(0, 1_000).mapToObj(i -> TestValues.uiEvent("a" + i)).toList());
                assertThat(approximateStream.length(StreamName.UI_EVENTS)).isBetween(1_000L, 1_000L + 200);
            }
        }
    }
}
