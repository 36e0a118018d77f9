package io.soltrade.data.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingSavesTest {
    private final PendingSaves pending = new PendingSaves();

    @Test
    void pendingUntilEverySaveIsComplete() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        pending.add(first);
        pending.add(second);

        first.complete(null);
        assertThat(pending.anyPending()).isTrue();
        second.complete(null);
        assertThat(pending.anyPending()).isFalse();
        pending.throwUnexpected();
    }

    @Test
    void forgettingCompletedSavesKeepsThePendingOnes() {
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        pending.add(done);
        pending.add(waiting);

        pending.forgetCompleted();

        assertThat(pending.anyPending()).isTrue();
        waiting.complete(null);
        assertThat(pending.anyPending()).isFalse();
    }

    @Test
    void backpressureAfterAcceptanceIsNotAFailureOfTheBench() {
        CompletableFuture<Void> save = new CompletableFuture<>();
        pending.add(save);

        save.completeExceptionally(DbException.of(DbErrorKind.BACKPRESSURE, "questdb", "full"));

        assertThat(pending.anyPending()).isFalse();
        pending.throwUnexpected();
    }

    @Test
    void anyOtherFailureIsThrown() {
        CompletableFuture<Void> save = new CompletableFuture<>();
        pending.add(save);

        save.completeExceptionally(DbException.of(DbErrorKind.QUERY, "questdb", "rejected"));

        assertThat(pending.anyPending()).isFalse();
        assertThatThrownBy(pending::throwUnexpected).hasMessageContaining("rejected");
    }
}
