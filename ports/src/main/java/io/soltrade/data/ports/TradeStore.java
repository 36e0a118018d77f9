package io.soltrade.data.ports;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Executed trades, keyed by {@link Trade#id()}. See the package documentation for the guarantees.
 *
 * <p><b>One trade per id.</b> The first save of an id wins: saving a trade whose id is stored is a no-op, whatever
 * its content, execution time included (a retry, a duplicate feed, a replay). Every read of every store returns at
 * most one trade per id, the stored one. The only change a stored trade accepts is its commitment, through
 * {@link #updateCommitment}, which rewrites the trade in place (never a second row).
 */
public interface TradeStore {

    /** Stores one trade; returns when it is durable. Saving a trade whose id is stored already is a no-op. */
    void save(Trade trade);

    /** Like {@link #save(Trade)}; the future completes when the trade is durable. */
    CompletableFuture<Void> saveAsync(Trade trade);

    /** Stores all trades or none; trades already stored (by id) are skipped, so a retried batch adds nothing. */
    void batchSave(List<Trade> trades);

    Optional<Trade> findById(TradeId id);

    /** The newest trades of a token (by {@link Trade#token()}), newest first, at most {@code limit} (1..10,000). */
    List<Trade> findByToken(Pubkey token, int limit);

    /** Trades executed in {@code range}, oldest first, at most {@code limit} (1..10,000). */
    List<Trade> findBetween(TimeRange range, int limit);

    /**
     * One page of a trader's trades, newest first, with the cursor of the next page: keyset pagination on
     * ({@code executedAt}, id), never an offset, so a deep page costs what the first one does.
     */
    TradePage findByTrader(TradeQuery query);

    /**
     * OHLCV candles of one token in one quote token ({@link CandleQuery}); every store folds trades in
     * ({@code executedAt}, id) order and derives VWAP and filled intervals with {@link io.soltrade.data.domain.CandleSeries},
     * so all stores give equal candles for equal trades.
     */
    List<Candle> candles(CandleQuery query);

    /**
     * Applies a commitment observed for a stored trade ({@link Commitment#advance}: forward only, a lower level reported
     * late changes nothing, a skipped slot makes a trade that is not finalized {@link Commitment#FAILED}) and returns the
     * trade as now stored. The trade is changed in place; repeating the call is a no-op.
     *
     * @throws PermanentDbException {@link DbErrorKind#NOT_FOUND} for an id not stored; {@link DbErrorKind#CONSTRAINT}
     *     when {@code commitment} contradicts the stored one (a finalized trade cannot fail, a failed one stays failed)
     */
    Trade updateCommitment(TradeId id, Commitment commitment);
}
