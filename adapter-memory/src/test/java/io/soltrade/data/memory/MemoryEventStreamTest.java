package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.EventStreamContract;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MemoryEventStreamTest extends EventStreamContract {
    private static final StreamName UI = StreamName.UI_EVENTS;

    private final AdjustableClock clock = new AdjustableClock();
    private final MemorySettings settings = MemorySettings.defaults().withClock(clock);

    @Override
    protected EventStream eventStream() {
        return new MemoryEventStream(settings, MemoryEventStream.DEFAULT_MAX_LENGTH, 3);
    }

    @Override
    protected EventStream eventStream(long cap) {
        return new MemoryEventStream(settings, cap, 3);
    }

    @Override
    protected int maxDeliveries() {
        return 3;
    }

    @Override
    protected void advancePast(Duration duration) {
        clock.advancePast(duration);
    }

    @Test
    void missedEntriesAreCountedExactly() {
        MemoryEventStream stream = new MemoryEventStream(settings, 10, 3);
        StreamEntryId position = stream.publish(ui(0));
        stream.publishAll(uis(1, 15));

        assertThat(stream.read(UI, position, 10, Duration.ZERO).missed()).isEqualTo(5);
        assertThat(stream.read(UI, StreamEntryId.ZERO, 10, Duration.ZERO).missed()).as("after 0-0: every trimmed entry").isEqualTo(6);
    }

    @Test
    void readerFurtherBehindThanTheRememberedTrimsLearnsALowerBound() {
        MemoryEventStream stream = new MemoryEventStream(settings, 10, 3);
        stream.publish(ui(0));
        StreamEntryId position = stream.publish(ui(1));
        stream.publishAll(uis(2, 40));

        StreamBatch batch = stream.read(UI, position, 10, Duration.ZERO);

        assertThat(batch.missed()).isBetween(10L, 30L);
    }

    @Test
    void idsIncreaseWhenTheClockStandsStillOrGoesBack() {
        MemoryEventStream stream = new MemoryEventStream(settings, 100, 3);
        StreamEntryId first = stream.publish(ui(0));
        StreamEntryId second = stream.publish(ui(1));
        clock.advance(Duration.ofSeconds(-10));
        StreamEntryId third = stream.publish(ui(2));

        assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();
        assertThat(second).isEqualTo(new StreamEntryId(first.millis(), first.sequence() + 1));
        assertThat(first).isGreaterThan(StreamEntryId.ZERO);
    }

    @Test
    void pendingEntryTrimmedByTheCapIsDroppedByTheNextClaim() {
        MemoryEventStream stream = new MemoryEventStream(settings, 2, 3);
        stream.ensureGroup(UI, "g", GroupStart.NEW_ONLY);
        stream.publish(ui(0));
        stream.readGroup(UI, "g", "dead", 10, Duration.ZERO);
        stream.publishAll(uis(1, 2));
        clock.advancePast(Duration.ofSeconds(1));

        var result = stream.claimStale(UI, "g", "alive", Duration.ofSeconds(1), 10);

        assertThat(result.claimed()).isEmpty();
        assertThat(result.deadLettered()).isEmpty();
        assertThat(stream.pending(UI, "g")).isZero();
    }

    @Test
    void deadLettersAreCappedLikeTheStream() {
        MemoryEventStream stream = new MemoryEventStream(settings, 3, 1);
        stream.ensureGroup(UI, "g", GroupStart.NEW_ONLY);
        List<StreamEntryId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(stream.publish(ui(i)));
            stream.readGroup(UI, "g", "c", 1, Duration.ZERO);
            clock.advancePast(Duration.ofSeconds(1));
            stream.claimStale(UI, "g", "c", Duration.ofSeconds(1), 10);
        }

        assertThat(stream.deadLetters(UI, 100)).extracting(e -> e.id()).containsExactlyElementsOf(ids.subList(2, 5));
    }

    @Test
    void interruptedBlockedReadFailsAsTransientAndKeepsTheInterrupt() {
        MemoryEventStream stream = new MemoryEventStream();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try {
                stream.read(UI, StreamEntryId.ZERO, 1, Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                failure.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        reader.start();
        await().until(() -> reader.getState() == Thread.State.TIMED_WAITING);

        reader.interrupt();

        await().until(() -> failure.get() != null);
        assertThat(failure.get()).isInstanceOf(TransientDbException.class);
        assertThat(((TransientDbException) failure.get()).kind()).isEqualTo(DbErrorKind.TIMEOUT);
        assertThat(stillInterrupted.get()).isTrue();
    }

    @Test
    void defaultsAreTheRedisAdaptersCapAndAPositiveThreshold() {
        MemoryEventStream stream = new MemoryEventStream();

        assertThat(stream.maxLength()).isEqualTo(10_000);
        assertThat(stream.maxDeliveries()).isEqualTo(MemoryEventStream.DEFAULT_MAX_DELIVERIES);
    }

    @Test
    void badConfigurationIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryEventStream(settings, 0, 3));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryEventStream(settings, 10, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new MemoryEventStream(settings, -1, 3));
    }

    @Test
    void hugeBlockDoesNotOverflow() {
        MemoryEventStream stream = new MemoryEventStream();
        StreamEntryId id = stream.publish(ui(0));

        assertThat(stream.read(UI, StreamEntryId.ZERO, 1, Duration.ofSeconds(Long.MAX_VALUE)).entries()).extracting(e -> e.id()).containsExactly(id);
    }

    @Test
    void failedPublishAppendsNothingAndBadInputIsRejectedFirst() {
        MemoryEventStream stream = new MemoryEventStream(settings, 100, 3).withFailure(FailurePlan.alwaysTransient().onWritesOnly());

        assertFailsWith(DbErrorKind.CONNECTION, () -> stream.publish(ui(0)));
        assertFailsWith(DbErrorKind.CONNECTION, () -> stream.publishAll(uis(1, 3)));
        assertInvalidInput(() -> stream.publishAll(Arrays.asList(ui(4), null)));
        assertInvalidInput(() -> stream.readGroup(UI, "bad group", "c", 1, Duration.ZERO));

        assertThat(stream.length(UI)).isZero();
    }

    @Test
    void failedGroupReadDeliversNothing() {
        MemoryEventStream stream = new MemoryEventStream(settings, 100, 3);
        stream.ensureGroup(UI, "g", GroupStart.NEW_ONLY);
        stream.publish(ui(0));
        stream.withFailure(FailurePlan.firstCalls(1, DbErrorKind.TIMEOUT));

        assertFailsWith(DbErrorKind.TIMEOUT, () -> stream.readGroup(UI, "g", "c", 10, Duration.ZERO));

        assertThat(stream.pending(UI, "g")).isZero();
        assertThat(stream.readGroup(UI, "g", "c", 10, Duration.ZERO)).hasSize(1);
    }

    private static UiEvent ui(int n) {
        return UiEvent.of("test.event", "event " + n, Map.of("n", Integer.toString(n)), Instant.EPOCH);
    }

    private static List<UiEvent> uis(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(MemoryEventStreamTest::ui).toList();
    }
}
