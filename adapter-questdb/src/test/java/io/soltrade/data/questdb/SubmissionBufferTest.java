package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(60) // a buffer that never makes a batch due blocks takeBatch: fail, do not hang the build
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

    /** A submission that keeps its room once acknowledged (the trade intake's), of these rows. */
    private static Submission<String> keepingRoom(boolean callerWaiting, String... values) {
        return new Submission<>(IlpBatchWriterTest.TextRows.INSTANCE, java.util.List.of(values), callerWaiting, Long.MAX_VALUE,
                new java.util.concurrent.CompletableFuture<>(), true);
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
        assertThat(buffer.occupancy().outstanding()).isEqualTo(1);
    }

    /**
     * A submission that keeps its room (the trade intake's) holds it past its acknowledgement, until given back, and not
     * past a failure; one that does not frees it at the acknowledgement. Fails when an acknowledged submission frees its
     * room regardless (the intake's remembered trades then came on top of a full buffer).
     */
    @Test
    void anAcknowledgedSubmissionThatKeepsItsRoomHoldsItUntilGivenBack() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(4, 1, HOUR);
        Submission<String> kept = keepingRoom(false, "k-1", "k-2");
        Submission<String> failed = keepingRoom(false, "f-1");
        Submission<String> plain = rows(1, false);
        buffer.offer(kept, 0);
        buffer.offer(failed, 0);
        buffer.offer(plain, 0);

        buffer.release(kept, true);
        buffer.release(failed, false);
        buffer.release(plain, true);
        assertThat(buffer.occupancy().outstanding()).isZero();
        assertThat(buffer.occupancy().held()).as("only the acknowledged submission that keeps its room").isEqualTo(2);
        assertThat(buffer.offer(rows(3, false), TimeUnit.MILLISECONDS.toNanos(20))).isEqualTo(SubmissionBuffer.Offer.FULL);
        assertThat(buffer.offer(rows(2, false), 0)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);

        buffer.giveBack(2);
        assertThat(buffer.occupancy().held()).isZero();
        assertThat(buffer.offer(rows(2, false), 0)).as("room given back").isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
    }

    /**
     * With rows held, unsent rows may never reach a batch: a full buffer, or a caller waiting for room, makes them due at
     * once (batch of 10, timer an hour). Fails without either condition (the rows then waited for the timer while every
     * caller was refused: a bench burst hung until the retry deadline).
     */
    @Test
    void aFullBufferOrACallerWaitingForRoomMakesTheUnsentRowsDue() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(4, 10, HOUR);
        Submission<String> kept = keepingRoom(true, "d-1", "d-2");
        buffer.offer(kept, 0);
        assertThat(buffer.takeBatch()).containsExactly(kept); // a synchronous caller's: due at once
        buffer.release(kept, true);

        Submission<String> one = rows(1, false);
        buffer.offer(one, 0);
        java.util.concurrent.CompletableFuture<java.util.List<Submission<?>>> taken = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.takeBatch();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(50)).atMost(java.time.Duration.ofSeconds(1)).until(() -> !taken.isDone());
        java.util.concurrent.CompletableFuture<SubmissionBuffer.Offer> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.offer(rows(2, false), TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(taken.get(5, TimeUnit.SECONDS)).as("sent for the caller waiting for room").containsExactly(one);
        buffer.release(one, false);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
        assertThat(buffer.takeBatch()).as("2 held + 2 outstanding: full, so due").hasSize(1);
    }

    /**
     * Reserved rows (the trade intake's queue) count against the capacity like outstanding ones; the submission that
     * carries them takes the reservation without waiting, rows reserved and not offered are given back, and a reserved
     * submission joined to an equal outstanding one gives its reservation back. Fails when a reservation does not count
     * (the intake's queue was then a second buffer beside this one).
     */
    @Test
    void reservedRowsCountAgainstTheCapacityUntilOfferedOrGivenBack() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(5, 100, HOUR);
        assertThat(buffer.reserve(3, 0)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
        assertThat(buffer.offer(rows(3, false), 0)).as("3 reserved of 5").isEqualTo(SubmissionBuffer.Offer.FULL);
        assertThat(buffer.reserve(3, 0)).isEqualTo(SubmissionBuffer.Offer.FULL);

        Submission<String> carried = keepingRoom(false, "r-1", "r-2");
        assertThat(buffer.offerReserved(carried)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
        assertThat(buffer.occupancy().outstanding()).isEqualTo(2);
        assertThat(buffer.occupancy().reserved()).isEqualTo(1);
        buffer.unreserve(1); // the third row was a duplicate: not written
        assertThat(buffer.occupancy().reserved()).isZero();
        assertThat(buffer.offer(rows(3, false), 0)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);

        buffer.release(carried, true);
        Submission<String> outstandingCopy = copyOf(java.util.List.of("j-1"), false);
        SubmissionBuffer roomy = new SubmissionBuffer(2, 100, HOUR);
        roomy.offer(outstandingCopy, 0);
        roomy.reserve(1, 0);
        assertThat(roomy.offerReserved(copyOf(java.util.List.of("j-1"), false))).isEqualTo(SubmissionBuffer.Offer.JOINED);
        assertThat(roomy.occupancy().reserved()).as("a joined submission holds no room").isZero();
        assertThat(roomy.occupancy().outstanding()).isEqualTo(1);
    }

    /** A caller waiting for room is woken when held rows are given back, not only when outstanding rows are released. */
    @Test
    void rowsGivenBackWakeACallerWaitingForRoom() throws Exception {
        SubmissionBuffer buffer = new SubmissionBuffer(2, 1, HOUR);
        Submission<String> kept = keepingRoom(false, "w-1", "w-2");
        buffer.offer(kept, 0);
        buffer.release(kept, true);
        java.util.concurrent.CompletableFuture<SubmissionBuffer.Offer> waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.offer(rows(1, false), TimeUnit.SECONDS.toNanos(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(50)).atMost(java.time.Duration.ofSeconds(1)).until(() -> !waiting.isDone());
        buffer.giveBack(2);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(SubmissionBuffer.Offer.ACCEPTED);
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
        assertThat(buffer.occupancy().outstanding()).isEqualTo(3);
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
        assertThat(buffer.occupancy().outstanding()).isZero();
    }
}
