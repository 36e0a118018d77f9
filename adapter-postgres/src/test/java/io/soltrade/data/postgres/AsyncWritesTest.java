package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PermanentDbException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async-write threads (no server): every future completes, whatever the write throws. */
class AsyncWritesTest {
    private final AsyncWrites writes = new AsyncWrites(2, 10, Duration.ofSeconds(5));

    @AfterEach
    void close() {
        writes.close();
    }

    @Test
    void aWriteThatThrowsAnErrorStillCompletesItsFuture() {
        CompletableFuture<Void> failed = writes.submit(() -> {
            throw new AssertionError("a broken invariant in the write");
        });

        Throwable thrown = catchThrowable(() -> failed.get(10, TimeUnit.SECONDS));
        assertThat(thrown).as("the future completed (not a TimeoutException)").isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(PermanentDbException.class).hasRootCauseInstanceOf(AssertionError.class)
                .extracting(e -> ((PermanentDbException) e).kind()).isEqualTo(DbErrorKind.QUERY);
    }

    @Test
    void aVirtualMachineErrorCompletesTheFutureAndLaterWritesStillRun() throws Exception {
        CompletableFuture<Void> failed = writes.submit(() -> {
            throw new StackOverflowError("deep recursion in the write");
        });
        assertThat(catchThrowable(() -> failed.get(10, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class);

        for (int i = 0; i < 4; i++) {
            writes.submit(() -> { }).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRuntimeExceptionArrivesTranslated() {
        CompletableFuture<Void> failed = writes.submit(() -> {
            throw new IllegalStateException("not a database failure");
        });

        Throwable thrown = catchThrowable(() -> failed.get(10, TimeUnit.SECONDS));
        assertThat(thrown.getCause()).isInstanceOf(PermanentDbException.class).hasMessageContaining("async write failed");
    }
}
