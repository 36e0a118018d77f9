package io.soltrade.data.app.resilience;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.TradeStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Counts the calls that reach a store, to tell a retry (more calls) from a fast failure (no call). */
final class CountingTradeStore implements TradeStore {
    final AtomicInteger calls = new AtomicInteger();
    private final TradeStore delegate;
    private volatile boolean asyncHangs;
    private volatile Supplier<? extends Error> asyncThrows;
    private volatile int asyncThrowsFromCall = 1;
    private volatile Error asyncFailsWith;

    CountingTradeStore(TradeStore delegate) {
        this.delegate = delegate;
    }

    /** From now on, async saves return a future that never completes. */
    CountingTradeStore hangingAsync() {
        asyncHangs = true;
        return this;
    }

    @Override
    public void save(Trade trade) {
        calls.incrementAndGet();
        delegate.save(trade);
    }

    /** From now on, async saves throw the error {@code error} supplies (an adapter bug). */
    CountingTradeStore throwingAsync(Supplier<? extends Error> error) {
        return throwingAsyncFromCall(1, error);
    }

    /** From the {@code call}-th call on, async saves throw the error {@code error} supplies. */
    CountingTradeStore throwingAsyncFromCall(int call, Supplier<? extends Error> error) {
        asyncThrowsFromCall = call;
        asyncThrows = error;
        return this;
    }

    /** From now on, async saves return a future failed with {@code error}. */
    CountingTradeStore failingAsyncWith(Error error) {
        asyncFailsWith = error;
        return this;
    }

    @Override
    public CompletableFuture<Void> saveAsync(Trade trade) {
        int call = calls.incrementAndGet();
        if (asyncThrows != null && call >= asyncThrowsFromCall) {
            throw asyncThrows.get();
        }
        if (asyncFailsWith != null) {
            return CompletableFuture.failedFuture(asyncFailsWith);
        }
        return asyncHangs ? new CompletableFuture<>() : delegate.saveAsync(trade);
    }

    @Override
    public void batchSave(List<Trade> trades) {
        calls.incrementAndGet();
        delegate.batchSave(trades);
    }

    @Override
    public Optional<Trade> findById(TradeId id) {
        calls.incrementAndGet();
        return delegate.findById(id);
    }

    @Override
    public List<Trade> findByToken(Pubkey token, int limit) {
        calls.incrementAndGet();
        return delegate.findByToken(token, limit);
    }

    @Override
    public List<Trade> findBetween(TimeRange range, int limit) {
        calls.incrementAndGet();
        return delegate.findBetween(range, limit);
    }

    @Override
    public io.soltrade.data.ports.TradePage findByTrader(io.soltrade.data.ports.TradeQuery query) {
        calls.incrementAndGet();
        return delegate.findByTrader(query);
    }

    @Override
    public List<io.soltrade.data.domain.Candle> candles(io.soltrade.data.ports.CandleQuery query) {
        calls.incrementAndGet();
        return delegate.candles(query);
    }

    @Override
    public Trade updateCommitment(TradeId id, io.soltrade.data.domain.Commitment commitment) {
        calls.incrementAndGet();
        return delegate.updateCommitment(id, commitment);
    }
}
