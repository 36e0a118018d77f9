package io.soltrade.data.bench.scenario;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The futures of a burst's accepted saves, kept only while the store still holds them: {@link #forgetCompleted} drops
 * the complete ones, so a heap figure taken after it counts no future the store has let go (tens of thousands of
 * completed futures in a list would be the bench's own heap), only a reference to each pending one. A save that failed
 * with anything but {@code BACKPRESSURE} (refused after it was accepted, which a caller meeting backpressure drops) is
 * noted to be thrown. Not thread-safe: the bench's thread only.
 */
final class PendingSaves {
    private final ArrayList<CompletableFuture<Void>> saves = new ArrayList<>();
    private Throwable unexpected;

    void add(CompletableFuture<Void> save) {
        saves.add(save);
    }

    /** Drops the complete saves (noting an unexpected failure) and the list's spare room. */
    void forgetCompleted() {
        saves.removeIf(save -> {
            if (!save.isDone()) {
                return false;
            }
            note(save);
            return true;
        });
        saves.trimToSize();
    }

    boolean anyPending() {
        forgetCompleted();
        return !saves.isEmpty();
    }

    /** Throws the first failure that was not backpressure, if any. */
    void throwUnexpected() {
        if (unexpected != null) {
            throw new IllegalStateException("a save accepted in a burst failed: " + unexpected, unexpected);
        }
    }

    private void note(CompletableFuture<Void> save) {
        if (!save.isCompletedExceptionally() || unexpected != null) {
            return;
        }
        try {
            save.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (!(cause instanceof DbException db) || db.kind() != DbErrorKind.BACKPRESSURE) {
                unexpected = cause;
            }
        }
    }
}
