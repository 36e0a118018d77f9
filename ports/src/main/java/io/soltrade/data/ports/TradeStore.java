package io.soltrade.data.ports;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Executed trades, keyed by {@link Trade#id()}. See the package documentation for the guarantees. */
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
}
