package io.soltrade.data.redis;

import static io.soltrade.data.redis.TestValues.group;
import static io.soltrade.data.redis.TestValues.priceEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.redis.testing.TestingRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisEventStream} against the shared Redis: the default adapter (cap 10,000, exact) and a small one
 * (cap 100, two deliveries before dead-lettering) in namespaces of their own.
 */
class RedisEventStreamIT {
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
        adapter = new RedisTestAdapter(namespace.settings().build());
        small = new RedisTestAdapter(smallNamespace.settings().streamMaxLength(100).maxDeliveries(2).build());
        stream = adapter.eventStream();
        smallStream = small.eventStream();
    }

    @AfterAll
    static void stop() {
        adapter.close();
        small.close();
        namespace.close();
        smallNamespace.close();
    }

    @Test
    void everyKindOfEventRoundTripsExactly() {
        List<StreamEvent> events = List.of(priceEvent(1), TestValues.tradeEvent(), TestValues.uiEvent("hello"));
        for (StreamEvent event : events) {
            StreamEntryId before = lastId(event.stream());
            StreamEntryId id = stream.publish(event);

            StreamBatch batch = stream.read(event.stream(), before, 10, Duration.ZERO);

            assertThat(batch.entries()).containsExactly(new StreamEntry(id, event));
            assertThat(batch.missed()).isZero();
        }
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
    void aBlockingReadReturnsWhenAnEntryArrives() {
        StreamEntryId before = lastId(StreamName.UI_EVENTS);
        CompletableFuture<StreamBatch> read = CompletableFuture.supplyAsync(() -> stream.read(StreamName.UI_EVENTS, before, 10, Duration.ofSeconds(30)));
        StreamEvent event = TestValues.uiEvent("wake up");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            stream.publish(event);
            return read.isDone();
        });

        assertThat(read.join().entries()).isNotEmpty().allSatisfy(entry -> assertThat(entry.event()).isEqualTo(event));
    }

    @Test
    void aReadWithoutBlockingOnNothingNewReturnsNothing() {
        StreamEntryId last = lastId(StreamName.TRADE_EVENTS);
        assertThat(stream.read(StreamName.TRADE_EVENTS, last, 10, Duration.ZERO).entries()).isEmpty();
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
    void consumerGroupsDeliverOnceAndAcknowledgementEmptiesPending() {
        String group = group();
        stream.ensureGroup(StreamName.TRADE_EVENTS, group, GroupStart.NEW_ONLY);
        stream.ensureGroup(StreamName.TRADE_EVENTS, group, GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = stream.publishAll(List.of(TestValues.tradeEvent(), TestValues.tradeEvent(), TestValues.tradeEvent()));

        List<StreamEntry> first = stream.readGroup(StreamName.TRADE_EVENTS, group, "c1", 10, Duration.ZERO);
        List<StreamEntry> second = stream.readGroup(StreamName.TRADE_EVENTS, group, "c2", 10, Duration.ZERO);

        assertThat(first).extracting(StreamEntry::id).containsExactlyElementsOf(ids);
        assertThat(second).isEmpty();
        assertThat(stream.pending(StreamName.TRADE_EVENTS, group)).isEqualTo(3);
        assertThat(stream.ack(StreamName.TRADE_EVENTS, group, ids)).isEqualTo(3);
        assertThat(stream.ack(StreamName.TRADE_EVENTS, group, ids)).isZero();
        assertThat(stream.pending(StreamName.TRADE_EVENTS, group)).isZero();
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
    void anEntryDeliveredTooOftenIsDeadLettered() {
        String group = group();
        smallStream.ensureGroup(StreamName.TRADE_EVENTS, group, GroupStart.NEW_ONLY);
        StreamEvent poison = TestValues.tradeEvent();
        StreamEntryId id = smallStream.publish(poison);
        assertThat(smallStream.readGroup(StreamName.TRADE_EVENTS, group, "c1", 10, Duration.ZERO)).hasSize(1);

        ClaimResult second = smallStream.claimStale(StreamName.TRADE_EVENTS, group, "c2", Duration.ZERO, 10);
        ClaimResult third = smallStream.claimStale(StreamName.TRADE_EVENTS, group, "c3", Duration.ZERO, 10);

        assertThat(second.claimed()).extracting(StreamEntry::id).containsExactly(id);
        assertThat(second.deadLettered()).isEmpty();
        assertThat(third.claimed()).isEmpty();
        assertThat(third.deadLettered()).containsExactly(id);
        assertThat(smallStream.pending(StreamName.TRADE_EVENTS, group)).isZero();
        assertThat(smallStream.deadLetters(StreamName.TRADE_EVENTS, 10)).containsExactly(new StreamEntry(id, poison));
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

    @Test
    void readingAGroupThatDoesNotExistIsNotFound() {
        assertThatThrownBy(() -> stream.readGroup(StreamName.PRICE_UPDATES, group(), "c", 1, Duration.ZERO))
                .isInstanceOf(PermanentDbException.class)
                .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.NOT_FOUND));
    }

    @Test
    void badInputIsRejectedBeforeAnyIo() {
        for (Runnable call : List.<Runnable>of(() -> stream.publish(null), () -> stream.read(StreamName.UI_EVENTS, StreamEntryId.ZERO, 0, Duration.ZERO),
                () -> stream.read(StreamName.UI_EVENTS, StreamEntryId.ZERO, 1, Duration.ofSeconds(-1)),
                () -> stream.ensureGroup(StreamName.UI_EVENTS, "bad group", GroupStart.BEGINNING),
                () -> stream.claimStale(StreamName.UI_EVENTS, group(), "c", Duration.ofSeconds(-1), 1))) {
            assertThatThrownBy(call::run).isInstanceOf(PermanentDbException.class)
                    .satisfies(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.INVALID_INPUT));
        }
    }

    private static StreamEntryId lastId(StreamName name) {
        StreamEntryId after = StreamEntryId.ZERO;
        while (true) {
            StreamBatch batch = stream.read(name, after, 10_000, Duration.ZERO);
            if (batch.entries().isEmpty()) {
                return after;
            }
            after = batch.nextAfter(after);
        }
    }
}
