package io.soltrade.data.domain;

/** A new price was observed. */
public record PriceUpdateEvent(PriceQuote quote) implements StreamEvent {

    public PriceUpdateEvent {
        Checks.notNull(quote, "quote");
    }

    @Override
    public StreamName stream() {
        return StreamName.PRICE_UPDATES;
    }
}
