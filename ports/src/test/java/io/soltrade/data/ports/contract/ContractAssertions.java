package io.soltrade.data.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The assertions every kit repeats: how a port must fail. */
public final class ContractAssertions {
    /** How long a kit waits for an async write or a concurrent race, far above any healthy latency. */
    public static final long WAIT_SECONDS = 30;

    private ContractAssertions() {}

    /** The call throws a {@link PermanentDbException} of {@code kind}; returns it for further checks. */
    public static DbException assertFailsWith(DbErrorKind kind, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a PermanentDbException(%s)", kind).isInstanceOf(DbException.class);
        DbException failure = (DbException) thrown;
        assertThat(failure.kind()).as("kind of %s", failure).isEqualTo(kind);
        assertThat(failure).isInstanceOf(kind.isTransient() ? io.soltrade.data.ports.TransientDbException.class : PermanentDbException.class);
        return failure;
    }

    /** The call is rejected as bad input, a {@link PermanentDbException} of kind INVALID_INPUT. */
    public static DbException assertInvalidInput(ThrowingCallable call) {
        return assertFailsWith(DbErrorKind.INVALID_INPUT, call);
    }

    /**
     * An async write rejects bad input: either at once, by throwing, or through the returned future, which
     * fails with INVALID_INPUT. Both are allowed; accepting the input is not.
     */
    public static void assertAsyncInvalidInput(Supplier<CompletableFuture<?>> call) {
        CompletableFuture<?> future;
        try {
            future = call.get();
        } catch (DbException thrown) {
            assertThat(thrown.kind()).isEqualTo(DbErrorKind.INVALID_INPUT);
            return;
        }
        assertThat(future).as("an async write of bad input must throw or return a future").isNotNull();
        Throwable failure = catchThrowable(() -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(failure).as("the future of an async write of bad input must fail").isInstanceOf(ExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(PermanentDbException.class);
        assertThat(((DbException) failure.getCause()).kind()).isEqualTo(DbErrorKind.INVALID_INPUT);
    }

    /** Waits for an async write; a failure is rethrown as the {@link DbException} it carries. */
    public static void await(CompletableFuture<?> future) {
        try {
            future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof DbException db) {
                throw db;
            }
            throw new AssertionError("async write failed with a non-DbException", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("async write did not complete within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
