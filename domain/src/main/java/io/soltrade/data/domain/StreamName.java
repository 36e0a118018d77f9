package io.soltrade.data.domain;

/** The capped event streams; {@link #key()} is the name a stream has in the store (before any namespace). */
public enum StreamName {
    PRICE_UPDATES("stream:price-updates"),
    TRADE_EVENTS("stream:trade-events"),
    UI_EVENTS("stream:ui-events");

    private final String key;

    StreamName(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
