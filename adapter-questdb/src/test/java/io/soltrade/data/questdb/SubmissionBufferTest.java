package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmissionBufferTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static final java.util.concurrent.atomic.AtomicLong NEXT = new java.util.concurrent.atomic.AtomicLong();

    /** {@code count} rows no other submission holds. */
    private static Submission<String> rows(int count, boolean callerWaiting) {
        java.util.List<String> values = java.util.stream.IntStream.range(0, count).mapToObj(i -> "row-" + NEXT.incrementAndGet()).toList();
        return copyOf(values, callerWaiting);
    }

    private static Submission<String> copyOf(java.util.List<String> values, boolean callerWaiting) {
        return new Submission<>(IlpBatchWriterTest.TextRows.INSTANCE, values, callerWaiting, Long.MAX_VALUE);
    }

    @Test
    void rowsCountAgainstTheCapacityUntilReleasedNotUntilTaken() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(3, 1, HOUR);
        Submission<String> first = rows(3, false);
        assertThat(buffer.offer(first, 0)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);

        assertThat(buffer.takeBatch()).containsExactly(first);
        assertThat(buffer.offer(rows(1, false), TimeUnit.MILLISECONDS.toNanos(20))).isEqualTo(SubmissionBuffer.Offer.FULL);

        buffer.release(first);
        assertThat(buffer.offer(rows(1, false), 0)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
        assertThat(buffer.outstandingRows()).isEqualTo(1);
    }

    @Test
    void aBatchStopsAtBatchRowsButNeverSplitsASubmission() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(100, 5, HOUR);
        Submission<String> big = rows(7, false);
        Submission<String> small = rows(2, false);
        Submission<String> more = rows(3, false);
        buffer.offer(big, 0);
        buffer.offer(small, 0);
        buffer.offer(more, 0);

        assertThat(buffer.takeBatch()).containsExactly(big);
        assertThat(buffer.takeBatch()).containsExactly(small, more);
    }

    @Test
    void aWaitingCallerMakesTheBatchDueAtOnce() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(100, 50, HOUR);
        Submission<String> async = rows(1, false);
        Submission<String> sync = rows(1, true);
        buffer.offer(async, 0);
        buffer.offer(sync, 0);

        assertThat(buffer.takeBatch()).containsExactly(async, sync);
    }

    @Test
    void closeRefusesOffersAndDrainsWhatIsLeftThenEnds() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(100, 50, HOUR);
        Submission<String> left = rows(2, false);
        buffer.offer(left, 0);

        assertThat(buffer.close()).containsExactly(left);
        assertThat(buffer.offer(rows(1, false), 0)).isEqualTo(SubmissionBuffer.Offer.CLOSED);
        assertThat(buffer.takeBatch()).containsExactly(left);
        assertThat(buffer.takeBatch()).isEmpty();
    }

    @Test
    void theSameRowsOfferedAgainJoinTheOutstandingCopyAndHoldNoRoom() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(3, 3, HOUR);
        java.util.List<String> values = java.util.List.of("a", "b", "c");
        Submission<String> first = copyOf(values, false);
        assertThat(buffer.offer(first, 0)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
        assertThat(buffer.takeBatch()).containsExactly(first);

        Submission<String> retry = copyOf(values, true);
        assertThat(buffer.offer(retry, 0)).as("a full buffer, but the same rows are outstanding").isEqualTo(SubmissionBuffer.Offer.JOINED);
        assertThat(buffer.outstandingRows()).isEqualTo(3);
        assertThat(retry.isDone()).isFalse();

        buffer.release(first);
        first.acknowledge();
        assertThat(retry.isAcknowledged()).as("the joiner completes with the copy it joined").isTrue();
        assertThat(buffer.offer(copyOf(values, false), 0)).as("once settled, the same rows are a new write").isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
    }

    @Test
    void aJoinerSharesTheFailureOfTheCopyItJoined() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(10, 10, HOUR);
        Submission<String> first = copyOf(java.util.List.of("a"), false);
        buffer.offer(first, 0);
        Submission<String> retry = copyOf(java.util.List.of("a"), false);
        assertThat(buffer.offer(retry, 0)).isEqualTo(SubmissionBuffer.Offer.JOINED);

        first.fail(io.soltrade.data.ports.DbException.of(io.soltrade.data.ports.DbErrorKind.TIMEOUT, "questdb", "deadline"));

        assertThat(retry.outcome()).isCompletedExceptionally();
    }

    @Test
    void aSynchronousJoinerMakesAnUnsentCopyDueAtOnce() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(100, 50, HOUR);
        Submission<String> async = copyOf(java.util.List.of("a"), false);
        buffer.offer(async, 0);
        assertThat(buffer.offer(copyOf(java.util.List.of("a"), true), 0)).isEqualTo(SubmissionBuffer.Offer.JOINED);

        assertThat(buffer.takeBatch()).containsExactly(async); // without the hour-long timer
    }

    @Test
    void aSubmissionLargerThanTheCapacityNeverFits() {
        SubmissionBuffer buffer = new SubmissionBuffer(2, 1, HOUR);

        assertThatThrownBy(() -> buffer.offer(rows(3, false), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(buffer.outstandingRows()).isZero();
    }
}
