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
}
