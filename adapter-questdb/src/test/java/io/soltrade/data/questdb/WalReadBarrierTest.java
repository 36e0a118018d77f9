package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.questdb.WalReadBarrier.WalStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read barrier against scripted WAL status reads (no server). */
class WalReadBarrierTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A table whose WAL applies one transaction per status read, up to {@code sequencer}. */
    private static final class CatchingUpTable implements WalReadBarrier.StatusQuery {
        final AtomicLong applied = new AtomicLong();
        final long sequencer;
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();

        CatchingUpTable(long sequencer) {
            this.sequencer = sequencer;
        }

        @Override
        public Optional<WalStatus> status(String table) {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                reads.incrementAndGet();
                long now = Math.min(sequencer, applied.incrementAndGet());
                return Optional.of(new WalStatus(false, now, sequencer, null));
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    @Test
    void manyReadersOfALaggingTableShareOneStatusReadAtATime() throws Exception {
        CatchingUpTable table = new CatchingUpTable(10);
        WalReadBarrier barrier = new WalReadBarrier(table, Duration.ofSeconds(30));
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            readers.add(CompletableFuture.runAsync(() -> {
                try {
                    go.await();
                    barrier.await("trades");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, callers));
        }
        go.countDown();
        CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(table.mostInFlight.get()).as("status reads in flight at once for one table").isEqualTo(1);
        assertThat(table.reads.get()).as("status reads for 200 readers of a table 10 transactions behind").isLessThan(100);
    }

    @Test
    void aStatusReadThatStartedBeforeTheCallerIsNotTrusted() throws Exception {
        CountDownLatch firstReadStarted = new CountDownLatch(1);
        CountDownLatch finishFirstRead = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        WalReadBarrier barrier = new WalReadBarrier(table -> {
            int read = reads.incrementAndGet();
            if (read == 1) {
                firstReadStarted.countDown();
                try {
                    finishFirstRead.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.sql.SQLException("interrupted", e);
                }
                return Optional.of(new WalStatus(false, 5, 5, null)); // all applied, as of before the late caller
            }
            return Optional.of(new WalStatus(false, 7, 7, null));
        }, Duration.ofSeconds(30));
        CompletableFuture<Void> early = CompletableFuture.runAsync(() -> awaitQuietly(barrier), callers);
        assertThat(firstReadStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> awaitQuietly(barrier), callers);
        await().pollDelay(Duration.ofMillis(100)).until(() -> true);

        finishFirstRead.countDown();
        early.get(10, TimeUnit.SECONDS);
        late.get(10, TimeUnit.SECONDS);
        assertThat(reads.get()).as("the late caller needed a read that started after it").isEqualTo(2);
    }

    @Test
    void anInterruptedReaderStopsWaitingAtOnceAndKeepsItsInterrupt() throws Exception {
        WalReadBarrier barrier = new WalReadBarrier(table -> Optional.of(new WalStatus(false, 1, 2, null)), Duration.ofSeconds(30));
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CompletableFuture<Throwable> reader = CompletableFuture.supplyAsync(() -> {
            Throwable thrown = catchThrowable(() -> barrier.await("trades"));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            return thrown;
        }, callers);
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);

        callers.shutdownNow(); // interrupts the reader
        Throwable thrown = reader.get(2, TimeUnit.SECONDS);

        assertThat(thrown).isInstanceOf(TransientDbException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aTableThatDoesNotCatchUpInTimeIsATimeout() {
        WalReadBarrier barrier = new WalReadBarrier(table -> Optional.of(new WalStatus(false, 1, 2, null)), Duration.ofMillis(200));

        assertThat(catchThrowable(() -> barrier.await("trades"))).isInstanceOf(TransientDbException.class)
                .hasMessageContaining("applied transaction 1 of 2").extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.TIMEOUT);
    }

    @Test
    void aSuspendedTableIsUnavailableAndAMissingOneNeedsNoWait() throws Exception {
        WalReadBarrier suspended = new WalReadBarrier(table -> Optional.of(new WalStatus(true, 1, 2, "disk full")), Duration.ofSeconds(5));
        assertThat(catchThrowable(() -> suspended.await("trades"))).isInstanceOf(TransientDbException.class).hasMessageContaining("disk full")
                .extracting(e -> ((DbException) e).kind()).isEqualTo(DbErrorKind.UNAVAILABLE);

        new WalReadBarrier(table -> Optional.empty(), Duration.ofSeconds(5)).await("not_a_wal_table");
    }

    private static void awaitQuietly(WalReadBarrier barrier) {
        try {
            barrier.await("trades");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
