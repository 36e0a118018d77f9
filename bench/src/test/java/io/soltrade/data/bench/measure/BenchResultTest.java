package io.soltrade.data.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchResultTest {

    @Test
    void latencyRatioIsRawOverOursSoFasterIsHigher() {
        BenchResult row = BenchResult.measured("s", "p50 latency", "ms", MetricKind.LATENCY, 0.2, 0.1, Goal.ratio(), "why");

        assertThat(row.ratio()).isEqualTo(0.5);
        assertThat(row.goalMet()).isFalse();
        assertThat(row.note()).isEqualTo("why");
    }

    @Test
    void throughputRatioIsOursOverRaw() {
        BenchResult row = BenchResult.measured("s", "throughput", "rows/s", MetricKind.THROUGHPUT, 96, 100, Goal.ratio(), "why");

        assertThat(row.ratio()).isEqualTo(0.96);
        assertThat(row.goalMet()).isTrue();
        assertThat(row.note()).isEmpty();
    }

    @Test
    void theRatioGoalIsWithinFivePercentOfRaw() {
        assertThat(BenchResult.measured("s", "throughput", "rows/s", MetricKind.THROUGHPUT, 94, 100, Goal.ratio(), "why").goalMet()).isFalse();
        assertThat(Goal.ratio().describe()).isEqualTo("ratio >= 0.95");
    }

    @Test
    void aRowMayNeedMoreThanRaw() {
        Goal groupCommit = Goal.ratioAtLeast(2);

        assertThat(BenchResult.measured("s", "throughput", "rows/s", MetricKind.THROUGHPUT, 150, 100, groupCommit, "why").goalMet()).isFalse();
        assertThat(BenchResult.measured("s", "throughput", "rows/s", MetricKind.THROUGHPUT, 200, 100, groupCommit, "why").goalMet()).isTrue();
        assertThat(groupCommit.describe()).isEqualTo("ratio >= 2.00");
    }

    @Test
    void absoluteLimitIsPartOfTheGoal() {
        Goal goal = Goal.ratioAndBelow(100, "ms");

        assertThat(BenchResult.measured("s", "p99", "ms", MetricKind.LATENCY, 120, 120, goal, "slow").goalMet()).isFalse();
        assertThat(BenchResult.measured("s", "p99", "ms", MetricKind.LATENCY, 90, 90, goal, "slow").goalMet()).isTrue();
        assertThat(goal.describe()).isEqualTo("ratio >= 0.95; ours < 100 ms");
    }

    @Test
    void atMostGoalIgnoresTheRatio() {
        Goal goal = Goal.atMost(10, "messages/s");

        assertThat(BenchResult.measured("s", "delivered", "messages/s", MetricKind.THROUGHPUT, 10, 1_000, goal, "too many").goalMet()).isTrue();
        assertThat(BenchResult.measured("s", "delivered", "messages/s", MetricKind.THROUGHPUT, 10.5, 1_000, goal, "too many").goalMet()).isFalse();
        assertThat(goal.describe()).isEqualTo("ours <= 10 messages/s (no ratio goal)");
    }

    @Test
    void ratioNeedsPositiveFigures() {
        assertThatThrownBy(() -> MetricKind.MEMORY.ratio(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricKind.LATENCY.ratio(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skippedRowSaysWhyAndHasNoFigures() {
        BenchResult row = BenchResult.skipped("redis.price-get", "Redis does not answer at 127.0.0.1:1");

        assertThat(row.isMeasured()).isFalse();
        assertThat(row.ratio()).isNull();
        assertThat(row.note()).isEqualTo("skipped: Redis does not answer at 127.0.0.1:1");
    }

    @Test
    void figuresKeepFourSignificantDigits() {
        assertThat(BenchResult.figure(0.123456)).isEqualTo("0.1235");
        assertThat(BenchResult.figure(245_678.9)).isEqualTo("245700");
        assertThat(BenchResult.figure(1.5)).isEqualTo("1.5");
    }
}
