package io.soltrade.data.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlternatingRoundsTest {
    private final ProgressBar progress = new ProgressBar(new PrintStream(OutputStream.nullOutputStream()));

    @Test
    void warmUpThenMeasuredRoundsAlternateOursFirst() throws Exception {
        List<String> order = new ArrayList<>();
        new AlternatingRounds(new BenchSizing(false, 2, 3), progress).run(
                side("ours", order), side("raw", order));

        assertThat(order).containsExactly(
                "prepare ours", "ours", "prepare raw", "raw", "prepare ours", "ours", "prepare raw", "raw",
                "prepare ours", "ours", "prepare raw", "raw", "prepare ours", "ours", "prepare raw", "raw",
                "prepare ours", "ours", "prepare raw", "raw");
    }

    @Test
    void onlyMeasuredRoundsCount() throws Exception {
        Comparison comparison = new AlternatingRounds(new BenchSizing(false, 4, 3), progress).run(
                recorder -> recorder.record(2_000_000, 10), recorder -> recorder.record(1_000_000, 5));

        assertThat(comparison.ours().rounds()).isEqualTo(3);
        assertThat(comparison.ours().operations()).isEqualTo(3);
        assertThat(comparison.ours().items()).isEqualTo(30);
        assertThat(comparison.raw().items()).isEqualTo(15);
        assertThat(comparison.ours().percentileMillis(50)).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(comparison.raw().percentileMillis(50)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void severalSidesTakeTurnsBaselineFirstAndEachIsComparedWithTheBaseline() throws Exception {
        List<String> order = new ArrayList<>();
        List<Comparison> comparisons = new AlternatingRounds(new BenchSizing(false, 1, 2), progress).runAgainst(
                sampling("1x", 1.0, order), List.of(sampling("10x", 10.0, order), sampling("20x", 20.0, order)), 1, 2);

        assertThat(order).containsExactly("1x", "10x", "20x", "1x", "10x", "20x", "1x", "10x", "20x");
        assertThat(comparisons).hasSize(2);
        assertThat(comparisons.get(0).ours().medianSample()).isEqualTo(10.0);
        assertThat(comparisons.get(1).ours().medianSample()).isEqualTo(20.0);
        assertThat(comparisons).allSatisfy(comparison -> {
            assertThat(comparison.raw().medianSample()).isEqualTo(1.0);
            assertThat(comparison.raw().rounds()).as("measured rounds only").isEqualTo(2);
        });
    }

    @Test
    void prepareIsNotTimed() throws Exception {
        Side slowPrepare = new Side() {
            @Override
            public void prepare() throws Exception {
                Thread.sleep(50);
            }

            @Override
            public void round(RoundRecorder recorder) {
                recorder.record(1_000, 1);
            }
        };
        Comparison comparison = new AlternatingRounds(new BenchSizing(false, 0, 2), progress).run(slowPrepare, slowPrepare);

        assertThat(comparison.ours().itemsPerSecond()).isGreaterThan(2 / 0.050);
    }

    private static Side side(String name, List<String> order) {
        return new Side() {
            @Override
            public void prepare() {
                order.add("prepare " + name);
            }

            @Override
            public void round(RoundRecorder recorder) {
                order.add(name);
                recorder.record(1_000, 1);
            }
        };
    }

    private static Side sampling(String name, double sample, List<String> order) {
        return recorder -> {
            order.add(name);
            recorder.sample(sample);
        };
    }
}
