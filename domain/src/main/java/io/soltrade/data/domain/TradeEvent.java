package io.soltrade.data.domain;

/** A trade was executed and stored. */
public record TradeEvent(Trade trade) implements StreamEvent {

    public TradeEvent {
        Checks.notNull(trade, "trade");
    }

    @Override
    public StreamName stream() {
        return StreamName.TRADE_EVENTS;
    }
}
