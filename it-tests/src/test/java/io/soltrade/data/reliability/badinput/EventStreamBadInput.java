package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.badLimits;
import static io.soltrade.data.reliability.badinput.BadArguments.badNames;
import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static io.soltrade.data.reliability.badinput.BadArguments.negativeDurations;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.StreamEvent;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every entry point of {@link EventStream} with arguments it must refuse (hostile consumer-group and consumer
 * names among them: they become Redis arguments), and UI events whose message and attributes are hostile text
 * the domain accepts, published and read back byte for byte.
 */
public abstract class EventStreamBadInput extends BadInputKit<EventStream> {
    private static final StreamName UI = StreamName.UI_EVENTS;
    private static final Duration NO_WAIT = Duration.ZERO;

    @Override
    protected Arbitrary<RejectedCall<EventStream>> rejectedCalls() {
        String group = ContractFixtures.groupName();
        List<StreamEntryId> someIds = List.of(new StreamEntryId(1, 1));
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<EventStream>of("publish(null)", stream -> stream.publish(null)),
                        RejectedCall.<EventStream>of("publishAll(null)", stream -> stream.publishAll(null)),
                        RejectedCall.<EventStream>of("length(null)", stream -> stream.length(null)),
                        RejectedCall.<EventStream>of("read(null, ...)", stream -> stream.read(null, StreamEntryId.ZERO, 10, NO_WAIT)),
                        RejectedCall.<EventStream>of("read(stream, null, ...)", stream -> stream.read(UI, null, 10, NO_WAIT)),
                        RejectedCall.<EventStream>of("read(..., null block)", stream -> stream.read(UI, StreamEntryId.ZERO, 10, null)),
                        RejectedCall.<EventStream>ofVoid("ensureGroup(null, group, start)", stream -> stream.ensureGroup(null, group, GroupStart.BEGINNING)),
                        RejectedCall.<EventStream>ofVoid("ensureGroup(stream, group, null)", stream -> stream.ensureGroup(UI, group, null)),
                        RejectedCall.<EventStream>of("readGroup(null, ...)", stream -> stream.readGroup(null, group, "c", 10, NO_WAIT)),
                        RejectedCall.<EventStream>of("readGroup(..., null block)", stream -> stream.readGroup(UI, group, "c", 10, null)),
                        RejectedCall.<EventStream>of("ack(null, group, ids)", stream -> stream.ack(null, group, someIds)),
                        RejectedCall.<EventStream>of("ack(stream, group, null)", stream -> stream.ack(UI, group, null)),
                        RejectedCall.<EventStream>of("ack(stream, group, [id, null])", stream -> stream.ack(UI, group, Arrays.asList(new StreamEntryId(1, 1), null))),
                        RejectedCall.<EventStream>of("claimStale(null, ...)", stream -> stream.claimStale(null, group, "c", Duration.ZERO, 10)),
                        RejectedCall.<EventStream>of("claimStale(..., null minIdle, 10)", stream -> stream.claimStale(UI, group, "c", null, 10)),
                        RejectedCall.<EventStream>of("pending(null, group)", stream -> stream.pending(null, group)),
                        RejectedCall.<EventStream>of("deadLetters(null, 10)", stream -> stream.deadLetters(null, 10))),
                publishAllWithNull(),
                Arbitraries.create(ContractFixtures::uiEvent).flatMap(event -> BadArguments.oversizedBatch(() -> event))
                        .map(batch -> unchangedLength("publishAll(" + batch.size() + " copies)", stream -> stream.publishAll(batch))),
                badNames().flatMap(name -> Arbitraries.of(
                        RejectedCall.<EventStream>ofVoid("ensureGroup(stream, '" + name + "', start)", stream -> stream.ensureGroup(UI, name, GroupStart.NEW_ONLY)),
                        RejectedCall.<EventStream>of("readGroup(stream, '" + name + "', consumer, ...)", stream -> stream.readGroup(UI, name, "c", 10, NO_WAIT)),
                        RejectedCall.<EventStream>of("readGroup(stream, group, '" + name + "', ...)", stream -> stream.readGroup(UI, group, name, 10, NO_WAIT)),
                        RejectedCall.<EventStream>of("ack(stream, '" + name + "', ids)", stream -> stream.ack(UI, name, someIds)),
                        RejectedCall.<EventStream>of("claimStale(stream, '" + name + "', ...)", stream -> stream.claimStale(UI, name, "c", Duration.ZERO, 10)),
                        RejectedCall.<EventStream>of("claimStale(stream, group, '" + name + "', ...)", stream -> stream.claimStale(UI, group, name, Duration.ZERO, 10)),
                        RejectedCall.<EventStream>of("pending(stream, '" + name + "')", stream -> stream.pending(UI, name)))),
                badLimits().flatMap(count -> Arbitraries.of(
                        RejectedCall.<EventStream>of("read(..., " + count + ", 0)", stream -> stream.read(UI, StreamEntryId.ZERO, count, NO_WAIT)),
                        RejectedCall.<EventStream>of("readGroup(..., " + count + ", 0)", stream -> stream.readGroup(UI, group, "c", count, NO_WAIT)),
                        RejectedCall.<EventStream>of("claimStale(..., " + count + ")", stream -> stream.claimStale(UI, group, "c", Duration.ZERO, count)),
                        RejectedCall.<EventStream>of("deadLetters(stream, " + count + ")", stream -> stream.deadLetters(UI, count)))),
                negativeDurations().flatMap(negative -> Arbitraries.of(
                        RejectedCall.<EventStream>of("read(..., " + negative + ")", stream -> stream.read(UI, StreamEntryId.ZERO, 10, negative)),
                        RejectedCall.<EventStream>of("readGroup(..., " + negative + ")", stream -> stream.readGroup(UI, group, "c", 10, negative)),
                        RejectedCall.<EventStream>of("claimStale(..., minIdle " + negative + ", 10)", stream -> stream.claimStale(UI, group, "c", negative, 10)))));
    }

    private static Arbitrary<RejectedCall<EventStream>> publishAllWithNull() {
        return BadArguments.<StreamEvent>batchWithNull(ContractFixtures::uiEvent, 30)
                .map(batch -> unchangedLength("publishAll(" + describe(batch) + ")", stream -> stream.publishAll(batch)));
    }

    /** A refused publish: the stream's length is what it was before (the kits keep it below its cap). */
    private static RejectedCall<EventStream> unchangedLength(String description, java.util.function.Function<EventStream, Object> call) {
        AtomicLong before = new AtomicLong(-1);
        return new RejectedCall<>(description, stream -> {
            before.set(stream.length(UI));
            return call.apply(stream);
        }, stream -> assertThat(stream.length(UI)).as("length of %s after a refused publish", UI).isEqualTo(before.get()));
    }

    /** UI events with hostile message and attribute values are published and read back equal, byte for byte. */
    @Property(tries = 200)
    void hostileUiEventsRoundTrip(@ForAll @Size(min = 1, max = 5) List<@From("message") String> messages,
                                  @ForAll @Size(max = 4) List<@From("attribute") String> attributes) {
        EventStream stream = port();
        TreeMap<String, String> attributeMap = new TreeMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            attributeMap.put("a" + i, attributes.get(i));
        }
        List<UiEvent> events = messages.stream().map(message -> new UiEvent("alert.hostile", message, attributeMap, ContractFixtures.now())).toList();
        List<StreamEntryId> ids = stream.publishAll(events);
        assertThat(ids).hasSize(events.size());
        StreamBatch read = stream.read(UI, predecessor(ids.get(0)), events.size(), NO_WAIT);
        assertThat(read.entries()).extracting(StreamEntry::id).containsExactlyElementsOf(ids);
        assertThat(read.entries()).extracting(StreamEntry::event).containsExactlyElementsOf(events);
        for (int i = 0; i < events.size(); i++) {
            UiEvent back = (UiEvent) read.entries().get(i).event();
            assertThat(back.message().getBytes(StandardCharsets.UTF_8)).isEqualTo(events.get(i).message().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, String> attribute : attributeMap.entrySet()) {
                assertThat(back.attributes().get(attribute.getKey()).getBytes(StandardCharsets.UTF_8))
                        .isEqualTo(attribute.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    @Provide
    Arbitrary<String> message() {
        return HostileText.acceptedBy(UiEvent.MAX_MESSAGE_LENGTH, value -> HostileText.isPlainText(value, UiEvent.MAX_MESSAGE_LENGTH));
    }

    @Provide
    Arbitrary<String> attribute() {
        return HostileText.acceptedBy(256, value -> HostileText.isPlainText(value, 256));
    }

    /** The id just before {@code id}, so a read after it starts at {@code id}. */
    static StreamEntryId predecessor(StreamEntryId id) {
        return id.sequence() > 0 ? new StreamEntryId(id.millis(), id.sequence() - 1) : new StreamEntryId(id.millis() - 1, Long.MAX_VALUE);
    }

    @Override
    protected void validReadSucceeds(EventStream stream) {
        assertThat(stream.length(StreamName.PRICE_UPDATES)).isNotNegative();
    }

    @Override
    protected void validWriteSucceeds(EventStream stream) {
        UiEvent event = ContractFixtures.uiEvent();
        StreamEntryId id = stream.publish(event);
        assertThat(stream.read(UI, predecessor(id), 1, NO_WAIT).entries()).containsExactly(new StreamEntry(id, event));
    }
}
