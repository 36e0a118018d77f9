package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SubmissionBufferTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static Submission<String> rows(int count, boolean callerWaiting) {
        return new Submission<>(IlpBatchWriterTest.TextRows.INSTANCE, java.util.Collections.nCopies(count, "x"), callerWaiting, Long.MAX_VALUE);
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
    void aSubmissionLargerThanTheCapacityNeverFits() {
        SubmissionBuffer buffer = new SubmissionBuffer(2, 1, HOUR);

        assertThatThrownBy(() -> buffer.offer(rows(3, false), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(buffer.outstandingRows()).isZero();
    }
}
