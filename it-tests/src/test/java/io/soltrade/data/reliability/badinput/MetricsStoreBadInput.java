package io.soltrade.data.reliability.badinput;

import static io.soltrade.data.reliability.badinput.BadArguments.badLimits;
import static io.soltrade.data.reliability.badinput.BadArguments.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Every entry point of {@link MetricsStore} with arguments it must refuse; hostile label values, which the domain
 * accepts, stored and matched byte for byte (they travel in ILP lines and JSON on QuestDB); and hostile query text,
 * which must find nothing and break nothing.
 */
public abstract class MetricsStoreBadInput extends BadInputKit<MetricsStore> {

    @Override
    protected Arbitrary<RejectedCall<MetricsStore>> rejectedCalls() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        RejectedCall.<MetricsStore>ofVoid("record(null)", store -> store.record(null)),
                        RejectedCall.<MetricsStore>of("recordAsync(null)", store -> store.recordAsync(null)),
                        RejectedCall.<MetricsStore>ofVoid("recordBatch(null)", store -> store.recordBatch(null)),
                        RejectedCall.<MetricsStore>of("find(null, {}, range, 10)", store -> store.find(null, Map.of(), window(), 10)),
                        RejectedCall.<MetricsStore>of("downsample(null)", store -> store.downsample(null)),
                        RejectedCall.<MetricsStore>of("find(name, null, range, 10)", store -> store.find(ContractFixtures.metricName(), null, window(), 10)),
                        RejectedCall.<MetricsStore>of("find(name, {}, null, 10)", store -> store.find(ContractFixtures.metricName(), Map.of(), null, 10)),
                        RejectedCall.<MetricsStore>of("find(name, {k: null}, range, 10)", store -> store.find(ContractFixtures.metricName(), nullValue(), window(), 10)),
                        RejectedCall.<MetricsStore>of("find(name, {null: v}, range, 10)", store -> store.find(ContractFixtures.metricName(), nullKey(), window(), 10))),
                Arbitraries.create(ContractFixtures::metricName).flatMap(name -> BadArguments.batchWithNull(
                                () -> ContractFixtures.metricPoint(name, Map.of("host", "a"), ContractFixtures.windowStart()), 30)
                        .map(batch -> RejectedCall.<MetricsStore>ofVoid("recordBatch(" + describe(batch) + ")", store -> store.recordBatch(batch),
                                store -> assertThat(store.find(name, Map.of(), everything(), 10)).as("points of a refused batch").isEmpty()))),
                Arbitraries.create(ContractFixtures::metricName).flatMap(name -> BadArguments.oversizedBatch(
                                () -> ContractFixtures.metricPoint(name, Map.of(), ContractFixtures.windowStart()))
                        .map(batch -> RejectedCall.<MetricsStore>ofVoid("recordBatch(" + batch.size() + " copies)", store -> store.recordBatch(batch),
                                store -> assertThat(store.find(name, Map.of(), everything(), 10)).isEmpty()))),
                badLimits().map(limit -> RejectedCall.<MetricsStore>of("find(name, {}, range, " + limit + ")",
                        store -> store.find(ContractFixtures.metricName(), Map.of(), window(), limit))));
    }

    /**
     * A point whose label values are hostile text the domain accepts is stored as written: read back equal, char
     * for char and byte for byte, and found by a filter on each hostile value (bound, never spliced into a query).
     */
    @Property(tries = 200)
    void hostileLabelValuesRoundTrip(@ForAll @Size(min = 1, max = 8) List<@From("hostileLabels") String> values) {
        MetricsStore store = port();
        TreeMap<String, String> labels = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            labels.put("l" + i, values.get(i));
        }
        Instant at = ContractFixtures.windowStart();
        MetricPoint point = new MetricPoint(ContractFixtures.metricName(), -0.5, labels, at);
        store.record(point);
        TimeRange range = ContractFixtures.window(at, Duration.ofMillis(1));
        List<MetricPoint> found = store.find(point.name(), Map.of(), range, 10);
        assertThat(found).containsExactly(point);
        found.get(0).labels().forEach((key, value) ->
                assertThat(value.getBytes(StandardCharsets.UTF_8)).as("label %s", key).isEqualTo(labels.get(key).getBytes(StandardCharsets.UTF_8)));
        labels.forEach((key, value) -> assertThat(store.find(point.name(), Map.of(key, value), range, 10)).as("filter on %s", key).containsExactly(point));
        assertThat(store.find(point.name(), Map.of("l0", values.get(0) + "'"), range, 10)).as("a near miss").isEmpty();
    }

    @Provide
    Arbitrary<String> hostileLabels() {
        return HostileText.acceptedBy(MetricPoint.MAX_LABEL_VALUE_LENGTH, value -> HostileText.isPlainText(value, MetricPoint.MAX_LABEL_VALUE_LENGTH));
    }

    /** Hostile names and label filters in a query find nothing (or are refused as bad input), and break nothing. */
    @Property
    void hostileQueryTextFindsNothing(@ForAll("hostileText") String name, @ForAll("hostileText") String labelKey, @ForAll("hostileText") String labelValue) {
        MetricsStore store = port();
        for (Map<String, String> filter : List.of(Map.<String, String>of(), Map.of(labelKey, labelValue), Map.of("host", labelValue))) {
            Throwable thrown = catchThrowable(() -> assertThat(store.find(name, filter, everything(), 10)).as("points named %s", name).isEmpty());
            if (thrown instanceof DbException db) {
                assertThat(db.kind()).as("%s", db).isEqualTo(DbErrorKind.INVALID_INPUT);
            } else if (thrown != null) {
                throw new AssertionError(thrown);
            }
        }
        validReadSucceeds(store);
    }

    @Provide
    Arbitrary<String> hostileText() {
        return HostileText.upTo(300);
    }

    private static Map<String, String> nullValue() {
        Map<String, String> filter = new HashMap<>();
        filter.put("host", null);
        return filter;
    }

    private static Map<String, String> nullKey() {
        Map<String, String> filter = new HashMap<>();
        filter.put(null, "a");
        return filter;
    }

    private static TimeRange window() {
        return ContractFixtures.window(ContractFixtures.windowStart(), Duration.ofHours(1));
    }

    private static TimeRange everything() {
        return TimeRange.of(Instant.EPOCH, Instant.parse("2261-12-31T00:00:00Z"));
    }

    @Override
    protected void validReadSucceeds(MetricsStore store) {
        assertThat(store.find(ContractFixtures.metricName(), Map.of(), window(), 10)).isEmpty();
    }

    @Override
    protected void validWriteSucceeds(MetricsStore store) {
        MetricPoint point = ContractFixtures.metricPoint(ContractFixtures.metricName(), Map.of("host", "rpc-1"), ContractFixtures.windowStart());
        store.record(point);
        assertThat(store.find(point.name(), Map.of("host", "rpc-1"), ContractFixtures.window(point.at(), Duration.ofMillis(1)), 10)).containsExactly(point);
    }
}
