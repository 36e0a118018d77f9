package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.ports.DbErrorKind;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FailurePlanTest {

    private static long[] failingCalls(FailurePlan plan, long upTo) {
        return LongStream.rangeClosed(1, upTo).filter(plan::failsCall).toArray();
    }

    @Test
    void schedulesSelectTheCallsTheyName() {
        assertThat(failingCalls(FailurePlan.never(), 10)).isEmpty();
        assertThat(failingCalls(FailurePlan.alwaysTransient(), 4)).containsExactly(1, 2, 3, 4);
        assertThat(failingCalls(FailurePlan.everyNthCall(3, DbErrorKind.TIMEOUT), 10)).containsExactly(3, 6, 9);
        assertThat(failingCalls(FailurePlan.afterCalls(2, DbErrorKind.TIMEOUT), 5)).containsExactly(3, 4, 5);
        assertThat(failingCalls(FailurePlan.firstCalls(2, DbErrorKind.TIMEOUT), 5)).containsExactly(1, 2);
    }

    @Test
    void scopesSayWhichCallsAreCounted() {
        FailurePlan writes = FailurePlan.alwaysTransient().onWritesOnly();
        assertThat(writes.appliesTo(true)).isTrue();
        assertThat(writes.appliesTo(false)).isFalse();
        FailurePlan reads = FailurePlan.alwaysTransient().onReadsOnly();
        assertThat(reads.appliesTo(true)).isFalse();
        assertThat(reads.appliesTo(false)).isTrue();
        assertThat(FailurePlan.alwaysTransient().appliesTo(true)).isTrue();
    }

    @Test
    void nonsensicalCountsAreRejected() {
        assertThatThrownBy(() -> FailurePlan.everyNthCall(0, DbErrorKind.TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailurePlan.afterCalls(-1, DbErrorKind.TIMEOUT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FailurePlan.always(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void describesItselfForHealthDetails() {
        assertThat(FailurePlan.never()).hasToString("never");
        assertThat(FailurePlan.everyNthCall(3, DbErrorKind.TIMEOUT).onWritesOnly()).hasToString("TIMEOUT once every 3 calls (writes only)");
        assertThat(FailurePlan.alwaysPermanent().failsEveryCall()).isTrue();
        assertThat(FailurePlan.firstCalls(0, DbErrorKind.TIMEOUT).isNever()).isTrue();
    }
}
