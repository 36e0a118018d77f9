package io.soltrade.data.ports;

import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every state a position passes through, keyed by trader, mode, token and {@link Position#updatedAt()}. The
 * current position is the latest state.
 */
public interface PositionStore {

    void save(Position position);

    CompletableFuture<Void> saveAsync(Position position);

    /** All or none; states already stored (same key) are overwritten with the same value, never doubled. */
    void batchSave(List<Position> positions);

    /** The latest state of one position. */
    Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token);

    /** The latest state of each of a trader's positions in one mode, flat ones included, ordered by token. */
    List<Position> latestForTrader(TraderId trader, TradingMode mode);

    /** The states of one position updated in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit);
}
