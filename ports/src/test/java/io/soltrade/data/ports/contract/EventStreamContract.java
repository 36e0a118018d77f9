package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.LARGEST_PRICE;
import static io.soltrade.data.ports.contract.ContractFixtures.SMALLEST_PRICE;
import static io.soltrade.data.ports.contract.ContractFixtures.extremeTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.groupName;
import static io.soltrade.data.ports.contract.ContractFixtures.liveTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.paperTrade;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.symbol;
import static io.soltrade.data.ports.contract.ContractFixtures.uiEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.ClaimResult;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link EventStream} shares. An adapter's test extends this class and implements
 * {@link #eventStream()} and {@link #maxDeliveries()}.
 *
 * <p>Stream names are a fixed enum, so a stream is never fresh: every test measures relative to the ids it
 * published itself and marks its events with a fresh random token symbol; consumer groups and consumers get
 * fresh random names. The kit expects no other writer on the same streams while a test runs (give each test
 * class its own key namespace on a shared server).
 *
 * <p>Hooks: {@link #eventStream(long)} returns an instance with a small cap so the cap tests publish a few
 * dozen entries instead of {@code maxLength() + n}; {@link #advancePast(Duration)} lets idle time pass for
 * {@code claimStale} (real time by default; an adapter with an injected clock moves the clock).
 *
 * <p>Where the port leaves a choice open, this kit decides (every adapter must agree):
 * <ul>
 *   <li>Ids within one stream strictly increase in publish order, also within one {@code publishAll}; a
 *       {@code publishAll} may mix streams, each event going to its own.</li>
 *   <li>{@link StreamBatch#missed()} counts entries with an id after the reader's {@code after} that the cap
 *       trimmed before they were read (for {@link StreamEntryId#ZERO} too). The kit asserts it is 0 for a reader
 *       that kept up and at least 1 for one that fell behind; an adapter that can count exactly should.</li>
 *   <li>{@code read} waits up to {@code block} only when nothing is there; it returns as soon as at least one
 *       entry is.</li>
 *   <li>{@code ensureGroup} on an existing group changes nothing (its position is not reset, whatever
 *       {@code start} says).</li>
 *   <li>{@code readGroup}, {@code claimStale} and {@code pending} on a group that was never created throw
 *       {@link PermanentDbException} of kind {@link DbErrorKind#NOT_FOUND}; {@code ack} on it returns 0.</li>
 *   <li>An entry is idle since its latest delivery (by {@code readGroup} or a claim) and is claimed once its
 *       idle time is at least {@code minIdle}; claimed entries come oldest first and their delivery count grows
 *       by one. A stale entry already delivered {@link #maxDeliveries()} times is not delivered again: the
 *       claim moves it to the dead-letter stream and acknowledges it.</li>
 *   <li>{@link EventStream#deadLetters} returns entries with their original id and event, oldest first.</li>
 *   <li>Counts and limits go through {@link PortInput#limit}; group and consumer names through
 *       {@link PortInput#name}; {@code block} and {@code minIdle} must not be negative; all are checked before
 *       any I/O.</li>
 * </ul>
 */
@Timeout(180)
public abstract class EventStreamContract {
    /** The cap asked of {@link #eventStream(long)}. */
    protected static final long SMALL_CAP = 20;
    /** The idle time claim tests wait for. */
    protected static final Duration IDLE = Duration.ofMillis(200);
    private static final StreamName STREAM = StreamName.PRICE_UPDATES;
    private static final Instant BASE_TIME = Instant.parse("2025-06-01T12:00:00.123456Z");

    private EventStream stream;
    private TokenSymbol marker;
    /** Runs the blocked reads, off the common pool that a blocked call could starve. */
    private ExecutorService blockedReaders;

    /** The stream under test; called once before each test. It may be shared between tests. */
    protected abstract EventStream eventStream();

    /**
     * A stream capped at {@code cap} entries, for the cap tests. The default returns {@link #eventStream()},
     * whose own {@link EventStream#maxLength()} the tests then fill (slower, but still correct).
     */
    protected EventStream eventStream(long cap) {
        return eventStream();
    }

    /** The adapter's dead-letter threshold: how many deliveries an entry gets before a claim dead-letters it. */
    protected abstract int maxDeliveries();

    /**
     * Lets more than {@code duration} pass as the stream measures idle time. The default waits in real time;
     * an adapter whose clock is injected overrides this to advance that clock.
     */
    protected void advancePast(Duration duration) {
        long start = System.nanoTime();
        long target = duration.toNanos() + Duration.ofMillis(25).toNanos();
        await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.nanoTime() - start > target);
    }

    @BeforeEach
    final void createStream() {
        stream = eventStream();
        marker = symbol();
        blockedReaders = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "event-stream-kit-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterEach
    final void stopReaders() {
        blockedReaders.shutdownNow();
    }

    // ---- publishing and tailing

    @Test
    void publishReturnsIncreasingIds() {
        StreamEntryId first = stream.publish(event(1));
        StreamEntryId second = stream.publish(event(2));
        StreamEntryId third = stream.publish(event(3));

        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
    }

    @Test
    void publishAllStoresEveryEventInOrder() {
        List<PriceUpdateEvent> events = events(1, 25);

        List<StreamEntryId> ids = stream.publishAll(events);

        assertThat(ids).hasSize(25).isSorted().doesNotHaveDuplicates();
        StreamBatch batch = stream.read(STREAM, justBefore(ids.get(0)), 100, Duration.ZERO);
        assertThat(batch.entries()).extracting(StreamEntry::id).containsExactlyElementsOf(ids);
        assertThat(batch.entries()).extracting(StreamEntry::event).containsExactlyElementsOf(events);
        assertThat(batch.missed()).isZero();
    }

    @Test
    void publishAllOfNothingDoesNothing() {
        assertThat(stream.publishAll(List.of())).isEmpty();
    }

    @Test
    void publishAllSendsEachEventToItsOwnStream() {
        List<StreamEvent> events = List.of(event(1), uiEvent(), event(2), new TradeEvent(paperTrade(pubkey(), BASE_TIME)));

        List<StreamEntryId> ids = stream.publishAll(events);

        for (int i = 0; i < events.size(); i++) {
            StreamEvent event = events.get(i);
            StreamBatch batch = stream.read(event.stream(), justBefore(ids.get(i)), 1, Duration.ZERO);
            assertThat(batch.entries()).containsExactly(new StreamEntry(ids.get(i), event));
        }
        assertThat(ids.get(0)).isLessThan(ids.get(2));
    }

    @Test
    void everyKindOfEventRoundTripsExactly() {
        List<StreamEvent> events = List.of(
                new PriceUpdateEvent(new PriceQuote(marker, LARGEST_PRICE,
                        Long.MAX_VALUE, Instant.parse("2261-12-31T23:59:59.999999Z"), "kit")),
                new PriceUpdateEvent(new PriceQuote(marker, SMALLEST_PRICE, 0, Instant.EPOCH, "kit")),
                new TradeEvent(paperTrade(pubkey(), BASE_TIME)),
                new TradeEvent(extremeTrade(pubkey(), Instant.parse("2261-12-31T23:59:59.999999Z"))),
                new TradeEvent(liveTrade(pubkey(), Instant.EPOCH)),
                new TradeEvent(liveTrade(pubkey(), BASE_TIME).withCommitment(io.soltrade.data.domain.Commitment.PROCESSED)),
                new TradeEvent(liveTrade(pubkey(), BASE_TIME).withCommitment(io.soltrade.data.domain.Commitment.FAILED)),
                new PriceUpdateEvent(new PriceQuote(io.soltrade.data.domain.TokenSymbol.of("$WIF \uD83D\uDC36 狗"), LARGEST_PRICE, 1, BASE_TIME, "kit",
                        io.soltrade.data.domain.QuoteTokens.SOL)),
                uiEvent(),
                UiEvent.of("alert.kit", "Prix \u00e9lev\u00e9 \u2191 \uD83D\uDE80 \"quoted\" \\ back", Map.of(), BASE_TIME));
        for (StreamEvent event : events) {
            StreamEntryId id = stream.publish(event);
            assertThat(stream.read(event.stream(), justBefore(id), 1, Duration.ZERO).entries())
                    .containsExactly(new StreamEntry(id, event));
        }
    }

    @Test
    void readReturnsAtMostCountEntriesAndResumesAfterTheLast() {
        List<StreamEntryId> ids = stream.publishAll(events(1, 5));

        StreamBatch first = stream.read(STREAM, justBefore(ids.get(0)), 3, Duration.ZERO);
        StreamBatch rest = stream.read(STREAM, first.nextAfter(justBefore(ids.get(0))), 10, Duration.ZERO);
        StreamBatch nothing = stream.read(STREAM, rest.nextAfter(ids.get(2)), 10, Duration.ZERO);

        assertThat(first.entries()).extracting(StreamEntry::id).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(rest.entries()).extracting(StreamEntry::id).containsExactlyElementsOf(ids.subList(3, 5));
        assertThat(nothing.entries()).isEmpty();
        assertThat(nothing.nextAfter(ids.get(4))).isEqualTo(ids.get(4));
    }

    @Test
    void zeroBlockReturnsAtOnceWhenNothingIsNew() {
        StreamEntryId last = stream.publish(event(1));

        StreamBatch batch = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> stream.read(STREAM, last, 10, Duration.ZERO));

        assertThat(batch.entries()).isEmpty();
        assertThat(batch.missed()).isZero();
    }

    @Test
    void blockedReadWithNothingNewReturnsEmptyAfterTheBlock() {
        StreamEntryId last = stream.publish(event(1));

        assertThat(stream.read(STREAM, last, 10, Duration.ofMillis(100)).entries()).isEmpty();
    }

    @Test
    void blockedReadReturnsWhenAnEntryArrives() throws Exception {
        StreamEntryId last = stream.publish(event(1));
        CompletableFuture<StreamBatch> reader =
                CompletableFuture.supplyAsync(() -> stream.read(STREAM, last, 10, Duration.ofSeconds(60)), blockedReaders);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !reader.isDone());

        PriceUpdateEvent arriving = event(2);
        StreamEntryId id = stream.publish(arriving);

        StreamBatch batch = reader.get(30, TimeUnit.SECONDS);
        assertThat(batch.entries()).containsExactly(new StreamEntry(id, arriving));
    }

    @Test
    void lengthAndMaxLengthAreConsistent() {
        stream.publish(event(1));

        assertThat(stream.maxLength()).isPositive();
        assertThat(stream.length(STREAM)).isBetween(1L, stream.maxLength());
    }

    // ---- the cap

    @Test
    void capIsNeverExceeded() {
        EventStream capped = eventStream(SMALL_CAP);
        int cap = Math.toIntExact(capped.maxLength());
        List<StreamEntryId> ids = new ArrayList<>();
        if (cap <= 100) {
            for (int slot = 0; slot < cap + 7; slot++) {
                ids.add(capped.publish(event(slot)));
                assertThat(capped.length(STREAM)).isLessThanOrEqualTo(cap);
            }
        } else {
            for (int from = 0; from < cap + 7; from += 1_000) {
                ids.addAll(capped.publishAll(events(from, Math.min(1_000, cap + 7 - from))));
                assertThat(capped.length(STREAM)).isLessThanOrEqualTo(cap);
            }
        }

        assertThat(capped.length(STREAM)).isEqualTo(cap);
        List<StreamEntryId> retained = ids.subList(7, ids.size());
        assertThat(readAll(capped, justBefore(retained.get(0)))).extracting(StreamEntry::id).containsExactlyElementsOf(retained);
    }

    @Test
    void oneBatchLargerThanTheCapLeavesTheNewestEntries() {
        EventStream capped = eventStream(SMALL_CAP);
        int cap = Math.toIntExact(capped.maxLength());

        List<StreamEntryId> ids = capped.publishAll(events(0, cap + 3));

        assertThat(ids).hasSize(cap + 3).isSorted();
        assertThat(capped.length(STREAM)).isEqualTo(cap);
        List<StreamEntryId> retained = ids.subList(3, ids.size());
        assertThat(readAll(capped, justBefore(retained.get(0)))).extracting(StreamEntry::id).containsExactlyElementsOf(retained);
    }

    @Test
    void readerThatFellBehindTheCapLearnsItMissedEntries() {
        EventStream capped = eventStream(SMALL_CAP);
        int cap = Math.toIntExact(capped.maxLength());
        StreamEntryId position = capped.publish(event(0));
        List<StreamEntryId> later = capped.publishAll(events(1, cap + 5));

        StreamBatch batch = capped.read(STREAM, position, Math.min(cap, PortInput.MAX_LIMIT), Duration.ZERO);

        assertThat(batch.missed()).isGreaterThanOrEqualTo(1);
        assertThat(batch.entries()).isNotEmpty();
        assertThat(batch.entries().get(0).id()).as("the oldest entry still there").isEqualTo(later.get(5));
    }

    @Test
    void readerThatKeptUpMissesNothing() {
        StreamEntryId position = stream.publish(event(0));
        stream.publishAll(events(1, 3));

        StreamBatch batch = stream.read(STREAM, position, 10, Duration.ZERO);

        assertThat(batch.missed()).isZero();
        assertThat(batch.entries()).hasSize(3);
    }

    // ---- consumer groups

    @Test
    void ensureGroupIsIdempotentAndNeverResetsTheGroup() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = stream.publishAll(events(1, 3));
        assertThat(stream.readGroup(STREAM, group, "c1", 10, Duration.ZERO)).extracting(StreamEntry::id).containsExactlyElementsOf(ids);

        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        stream.ensureGroup(STREAM, group, GroupStart.BEGINNING);

        assertThat(stream.readGroup(STREAM, group, "c1", 10, Duration.ZERO)).isEmpty();
        assertThat(stream.pending(STREAM, group)).isEqualTo(3);
    }

    @Test
    void newOnlyGroupSkipsEntriesPublishedBeforeIt() {
        stream.publish(event(1));
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        PriceUpdateEvent after = event(2);
        StreamEntryId id = stream.publish(after);

        assertThat(stream.readGroup(STREAM, group, "c1", 10, Duration.ZERO)).containsExactly(new StreamEntry(id, after));
    }

    @Test
    void beginningGroupDeliversEntriesAlreadyInTheStream() {
        List<StreamEntryId> ids = stream.publishAll(events(1, 2));
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.BEGINNING);

        List<StreamEntryId> delivered = new ArrayList<>();
        for (int round = 0; round < stream.maxLength() / 1_000 + 2 && !delivered.containsAll(ids); round++) {
            stream.readGroup(STREAM, group, "c1", 1_000, Duration.ZERO).forEach(entry -> delivered.add(entry.id()));
        }

        assertThat(delivered).containsSubsequence(ids);
    }

    @Test
    void groupDeliversEachEntryOnceAcrossItsConsumers() {
        String group = groupName();
        String other = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        stream.ensureGroup(STREAM, other, GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = stream.publishAll(events(1, 10));

        List<StreamEntryId> delivered = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            String consumer = round % 2 == 0 ? "c1" : "c2";
            stream.readGroup(STREAM, group, consumer, 3, Duration.ZERO).forEach(entry -> delivered.add(entry.id()));
        }

        assertThat(delivered).containsExactlyElementsOf(ids);
        assertThat(stream.pending(STREAM, group)).isEqualTo(10);
        assertThat(stream.readGroup(STREAM, other, "c1", 100, Duration.ZERO)).extracting(StreamEntry::id)
                .as("another group gets every entry too").containsExactlyElementsOf(ids);
    }

    @Test
    void readGroupBlocksUntilAnEntryArrives() throws Exception {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        CompletableFuture<List<StreamEntry>> reader =
                CompletableFuture.supplyAsync(() -> stream.readGroup(STREAM, group, "c1", 10, Duration.ofSeconds(60)), blockedReaders);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> !reader.isDone());

        PriceUpdateEvent arriving = event(1);
        StreamEntryId id = stream.publish(arriving);

        assertThat(reader.get(30, TimeUnit.SECONDS)).containsExactly(new StreamEntry(id, arriving));
    }

    @Test
    void ackReducesPendingOnce() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = stream.publishAll(events(1, 10));
        stream.readGroup(STREAM, group, "c1", 10, Duration.ZERO);

        assertThat(stream.ack(STREAM, group, ids.subList(0, 4))).isEqualTo(4);
        assertThat(stream.pending(STREAM, group)).isEqualTo(6);
        assertThat(stream.ack(STREAM, group, ids.subList(0, 4))).as("a repeated ack").isZero();
        assertThat(stream.ack(STREAM, group, List.of())).isZero();
        assertThat(stream.ack(STREAM, group, ids)).isEqualTo(6);
        assertThat(stream.pending(STREAM, group)).isZero();
    }

    @Test
    void ackOfEntriesNeverDeliveredCountsNothing() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = stream.publishAll(events(1, 2));

        assertThat(stream.ack(STREAM, group, ids)).isZero();
        assertThat(stream.readGroup(STREAM, group, "c1", 10, Duration.ZERO)).hasSize(2);
    }

    @Test
    void claimStaleTakesOverTheEntriesOfADeadConsumer() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        List<PriceUpdateEvent> events = events(1, 3);
        List<StreamEntryId> ids = stream.publishAll(events);
        stream.readGroup(STREAM, group, "dead", 10, Duration.ZERO);

        ClaimResult tooEarly = stream.claimStale(STREAM, group, "alive", Duration.ofHours(1), 10);
        assertThat(tooEarly.claimed()).isEmpty();
        assertThat(tooEarly.deadLettered()).isEmpty();

        advancePast(IDLE);
        ClaimResult claimed = stream.claimStale(STREAM, group, "alive", IDLE, 10);

        assertThat(claimed.claimed()).extracting(StreamEntry::id).containsExactlyElementsOf(ids);
        assertThat(claimed.claimed()).extracting(StreamEntry::event).containsExactlyElementsOf(events);
        assertThat(claimed.deadLettered()).isEmpty();
        assertThat(stream.pending(STREAM, group)).isEqualTo(3);
        assertThat(stream.readGroup(STREAM, group, "alive", 10, Duration.ZERO)).as("claimed entries are not new").isEmpty();
        assertThat(stream.ack(STREAM, group, ids)).isEqualTo(3);
        assertThat(stream.pending(STREAM, group)).isZero();
    }

    @Test
    void claimStaleTakesAtMostCountOldestFirst() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = stream.publishAll(events(1, 5));
        stream.readGroup(STREAM, group, "dead", 10, Duration.ZERO);
        advancePast(IDLE);

        ClaimResult claimed = stream.claimStale(STREAM, group, "alive", IDLE, 2);

        assertThat(claimed.claimed()).extracting(StreamEntry::id).containsExactlyElementsOf(ids.subList(0, 2));
    }

    @Test
    void claimedEntryIsIdleAgainFromItsClaim() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        stream.publish(event(1));
        stream.readGroup(STREAM, group, "dead", 10, Duration.ZERO);
        advancePast(IDLE);
        assertThat(stream.claimStale(STREAM, group, "alive", IDLE, 10).claimed()).hasSize(1);

        assertThat(stream.claimStale(STREAM, group, "third", Duration.ofHours(1), 10).claimed()).isEmpty();
    }

    @Test
    void entryDeliveredTooOftenIsDeadLettered() {
        String group = groupName();
        stream.ensureGroup(STREAM, group, GroupStart.NEW_ONLY);
        List<PriceUpdateEvent> events = events(1, 2);
        List<StreamEntryId> ids = stream.publishAll(events);
        assertThat(stream.readGroup(STREAM, group, "c0", 10, Duration.ZERO)).hasSize(2);

        for (int delivery = 2; delivery <= maxDeliveries(); delivery++) {
            advancePast(IDLE);
            ClaimResult result = stream.claimStale(STREAM, group, "c" + delivery, IDLE, 10);
            assertThat(result.claimed()).as("delivery %d", delivery).extracting(StreamEntry::id).containsExactlyElementsOf(ids);
            assertThat(result.deadLettered()).isEmpty();
        }
        advancePast(IDLE);
        ClaimResult last = stream.claimStale(STREAM, group, "last", IDLE, 10);

        assertThat(last.claimed()).isEmpty();
        assertThat(last.deadLettered()).containsExactlyElementsOf(ids);
        assertThat(stream.pending(STREAM, group)).isZero();
        List<StreamEntry> deadLetters = stream.deadLetters(STREAM, PortInput.MAX_LIMIT);
        assertThat(deadLetters).containsSubsequence(new StreamEntry(ids.get(0), events.get(0)), new StreamEntry(ids.get(1), events.get(1)));
    }

    @Test
    void groupOperationsOnAMissingGroupFailAsNotFound() {
        String missing = groupName();

        assertFailsWith(DbErrorKind.NOT_FOUND, () -> stream.readGroup(STREAM, missing, "c1", 1, Duration.ZERO));
        assertFailsWith(DbErrorKind.NOT_FOUND, () -> stream.claimStale(STREAM, missing, "c1", IDLE, 1));
        assertFailsWith(DbErrorKind.NOT_FOUND, () -> stream.pending(STREAM, missing));
        assertThat(stream.ack(STREAM, missing, List.of(new StreamEntryId(1, 0)))).isZero();
    }

    // ---- bad input

    @TestFactory
    Stream<DynamicTest> badInputIsRejectedBeforeAnyIo() {
        String group = groupName();
        List<StreamEntryId> oneId = List.of(new StreamEntryId(1, 0));
        Map<String, ThrowingCallable> calls = new TreeMap<>();
        calls.put("publish null", () -> stream.publish(null));
        calls.put("publishAll null", () -> stream.publishAll(null));
        calls.put("length of null stream", () -> stream.length(null));
        calls.put("read null stream", () -> stream.read(null, StreamEntryId.ZERO, 1, Duration.ZERO));
        calls.put("read after null", () -> stream.read(STREAM, null, 1, Duration.ZERO));
        calls.put("read count 0", () -> stream.read(STREAM, StreamEntryId.ZERO, 0, Duration.ZERO));
        calls.put("read count over the limit", () -> stream.read(STREAM, StreamEntryId.ZERO, PortInput.MAX_LIMIT + 1, Duration.ZERO));
        calls.put("read null block", () -> stream.read(STREAM, StreamEntryId.ZERO, 1, null));
        calls.put("read negative block", () -> stream.read(STREAM, StreamEntryId.ZERO, 1, Duration.ofMillis(-1)));
        calls.put("ensureGroup null stream", () -> stream.ensureGroup(null, group, GroupStart.NEW_ONLY));
        calls.put("ensureGroup null group", () -> stream.ensureGroup(STREAM, null, GroupStart.NEW_ONLY));
        calls.put("ensureGroup empty group", () -> stream.ensureGroup(STREAM, "", GroupStart.NEW_ONLY));
        calls.put("ensureGroup group with a space", () -> stream.ensureGroup(STREAM, "bad group", GroupStart.NEW_ONLY));
        calls.put("ensureGroup group of 65 characters", () -> stream.ensureGroup(STREAM, "g".repeat(65), GroupStart.NEW_ONLY));
        calls.put("ensureGroup null start", () -> stream.ensureGroup(STREAM, group, null));
        calls.put("readGroup bad group", () -> stream.readGroup(STREAM, "bad/group", "c1", 1, Duration.ZERO));
        calls.put("readGroup null consumer", () -> stream.readGroup(STREAM, group, null, 1, Duration.ZERO));
        calls.put("readGroup bad consumer", () -> stream.readGroup(STREAM, group, "c 1", 1, Duration.ZERO));
        calls.put("readGroup count 0", () -> stream.readGroup(STREAM, group, "c1", 0, Duration.ZERO));
        calls.put("readGroup count over the limit", () -> stream.readGroup(STREAM, group, "c1", PortInput.MAX_LIMIT + 1, Duration.ZERO));
        calls.put("readGroup negative block", () -> stream.readGroup(STREAM, group, "c1", 1, Duration.ofSeconds(-1)));
        calls.put("readGroup null block", () -> stream.readGroup(STREAM, group, "c1", 1, null));
        calls.put("ack null ids", () -> stream.ack(STREAM, group, null));
        calls.put("ack a null id", () -> stream.ack(STREAM, group, Arrays.asList(new StreamEntryId(1, 0), null)));
        calls.put("ack bad group", () -> stream.ack(STREAM, "bad group", oneId));
        calls.put("claimStale null minIdle", () -> stream.claimStale(STREAM, group, "c1", null, 1));
        calls.put("claimStale negative minIdle", () -> stream.claimStale(STREAM, group, "c1", Duration.ofMillis(-1), 1));
        calls.put("claimStale count 0", () -> stream.claimStale(STREAM, group, "c1", IDLE, 0));
        calls.put("claimStale bad consumer", () -> stream.claimStale(STREAM, group, "c\n1", IDLE, 1));
        calls.put("pending bad group", () -> stream.pending(STREAM, "bad*group"));
        calls.put("pending null stream", () -> stream.pending(null, group));
        calls.put("deadLetters null stream", () -> stream.deadLetters(null, 1));
        calls.put("deadLetters limit 0", () -> stream.deadLetters(STREAM, 0));
        calls.put("deadLetters limit over the limit", () -> stream.deadLetters(STREAM, PortInput.MAX_LIMIT + 1));
        return calls.entrySet().stream().map(call -> DynamicTest.dynamicTest(call.getKey(),
                () -> assertInvalidInput(call.getValue())));
    }

    @Test
    void batchWithANullEventPublishesNothing() {
        StreamEntryId before = stream.publish(event(0));

        assertInvalidInput(() -> stream.publishAll(Arrays.asList(event(1), null)));

        assertThat(stream.read(STREAM, before, 10, Duration.ZERO).entries()).isEmpty();
    }

    // ---- helpers

    /** An id just before {@code id}, so that reading after it starts at {@code id}. */
    protected static StreamEntryId justBefore(StreamEntryId id) {
        if (id.sequence() > 0) {
            return new StreamEntryId(id.millis(), id.sequence() - 1);
        }
        return id.millis() == 0 ? StreamEntryId.ZERO : new StreamEntryId(id.millis() - 1, Long.MAX_VALUE);
    }

    /** Every entry after {@code after}, in pages of at most {@link PortInput#MAX_LIMIT}. */
    private static List<StreamEntry> readAll(EventStream from, StreamEntryId after) {
        List<StreamEntry> all = new ArrayList<>();
        StreamEntryId position = after;
        while (true) {
            StreamBatch batch = from.read(STREAM, position, PortInput.MAX_LIMIT, Duration.ZERO);
            if (batch.entries().isEmpty()) {
                return all;
            }
            all.addAll(batch.entries());
            position = batch.nextAfter(position);
        }
    }

    /** A price update for this test's marker symbol; its slot tells the test's events apart. */
    private PriceUpdateEvent event(long slot) {
        return new PriceUpdateEvent(new PriceQuote(marker, BigDecimal.valueOf(ThreadLocalRandom.current().nextLong(1, 1_000_000_000), 6),
                slot, BASE_TIME.plusMillis(slot), "kit"));
    }

    private List<PriceUpdateEvent> events(long firstSlot, int count) {
        return IntStream.range(0, count).mapToObj(i -> event(firstSlot + i)).toList();
    }
}
