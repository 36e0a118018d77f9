package io.soltrade.example.host;

import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.ports.TradeStore;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The host's own service: it records paper trades and reads a trader's back. It knows the {@link TradeStore} port
 * alone; which store serves it (QuestDB, PostgreSQL, memory), with retries and a circuit breaker, is the data
 * layer's configuration.
 */
public final class TradeJournal {
    private final TradeStore trades;

    @Inject
    public TradeJournal(TradeStore trades) {
        this.trades = trades;
    }

    public void record(Trade trade) {
        trades.save(trade);
    }

    public List<Trade> tradesOf(TraderId trader, TimeRange range) {
        return trades.findBetween(range, 10_000).stream().filter(trade -> trade.trader().equals(trader)).toList();
    }
}
