package io.soltrade.data.reliability.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One call of a port with an argument the port must refuse, and the read that proves the refusal wrote nothing.
 * The port may refuse by throwing {@link PermanentDbException} of kind {@code INVALID_INPUT}, or, for an async
 * write, by returning a future that fails with one; anything else (another exception, another kind, success) is a
 * failure of the port. {@link #toString()} is the description, so jqwik reports a falsified call readably.
 *
 * @param <P> the port
 */
public record RejectedCall<P>(String description, Invocation<P> invocation, Consumer<P> nothingWritten) {

    /** The call itself; an async write returns its future, anything else returns what it likes (ignored). */
    @FunctionalInterface
    public interface Invocation<P> {
        Object invoke(P port) throws Exception;
    }

    public RejectedCall {
        Objects.requireNonNull(description, "description is null");
        Objects.requireNonNull(invocation, "invocation is null");
        Objects.requireNonNull(nothingWritten, "nothingWritten is null");
    }

    /** A call with no state of its own to read back (a null argument, a bad limit on a query). */
    public static <P> RejectedCall<P> of(String description, Invocation<P> invocation) {
        return new RejectedCall<>(description, invocation, port -> { });
    }

    /** A call that returns nothing, e.g. a synchronous write. */
    public static <P> RejectedCall<P> ofVoid(String description, Consumer<P> call) {
        return ofVoid(description, call, port -> { });
    }

    /** A call that returns nothing, with the read-back that proves it wrote nothing. */
    public static <P> RejectedCall<P> ofVoid(String description, Consumer<P> call, Consumer<P> nothingWritten) {
        return new RejectedCall<>(description, port -> {
            call.accept(port);
            return null;
        }, nothingWritten);
    }

    /** Makes the call, checks it was refused as bad input, then reads back that nothing was written. */
    public void assertRefusedBy(P port) {
        Object[] returned = new Object[1];
        Throwable thrown = catchThrowable(() -> returned[0] = invocation.invoke(port));
        if (thrown == null && returned[0] instanceof CompletableFuture<?> future) {
            Throwable failure = catchThrowable(() -> future.get(30, TimeUnit.SECONDS));
            assertThat(failure).as("%s: the future of a refused async write must fail", description).isInstanceOf(ExecutionException.class);
            thrown = failure.getCause();
        }
        assertThat(thrown).as("%s must be refused", description).isNotNull();
        assertThat(thrown).as("%s must be refused with a PermanentDbException", description).isInstanceOf(PermanentDbException.class);
        assertThat(((DbException) thrown).kind()).as("%s: kind of %s", description, thrown).isEqualTo(DbErrorKind.INVALID_INPUT);
        assertThat(thrown.getMessage()).as("%s: the message says what was wrong", description).isNotBlank().hasSizeLessThan(2_000);
        nothingWritten.accept(port);
    }

    @Override
    public String toString() {
        return description;
    }
}
