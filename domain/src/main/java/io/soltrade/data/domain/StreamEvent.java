package io.soltrade.data.domain;

/** What the event streams and live feeds carry. Each event belongs on one stream. */
public sealed interface StreamEvent permits PriceUpdateEvent, TradeEvent, UiEvent {

    /** The stream this kind of event is published on. */
    StreamName stream();
}
