package io.soltrade.data.ports;

import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every state a position passes through, keyed by its {@link PositionKey} (trader, mode, token, quote token) and
 * {@link Position#updatedAt()}. The current position is the latest state. A store may age history out (QuestDB keeps
 * 30 days), but never the current state of a position, however long ago it last changed, nor what P&amp;L needs.
 */
public interface PositionStore {

    void save(Position position);

    CompletableFuture<Void> saveAsync(Position position);

    /** All or none; states already stored (same key) are overwritten with the same value, never doubled. */
    void batchSave(List<Position> positions);

    /** The latest state of one position. */
    Optional<Position> current(PositionKey key);

    /** The latest state of one position priced in USDC ({@link QuoteTokens#USDC}): {@code current(PositionKey.inUsdc(...))}. */
    Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token);

    /**
     * The latest state of each of a trader's positions in one mode, flat ones included, ordered by token, then quote
     * token.
     */
    List<Position> latestForTrader(TraderId trader, TradingMode mode);

    /** The states of one position updated in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<Position> historyOf(PositionKey key, TimeRange range, int limit);

    /** {@link #historyOf} of the position priced in USDC. */
    List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit);

    /**
     * Realized P&amp;L (net of fees), fees and fills of a trader's positions per period and position
     * ({@link io.soltrade.data.domain.PeriodPnl#of} defines the figures), ordered by period, token, quote token. Answered
     * from states that outlive history retention, so a period is answered as long as it is asked for.
     */
    List<PeriodPnl> realizedPnl(PnlQuery query);
}
