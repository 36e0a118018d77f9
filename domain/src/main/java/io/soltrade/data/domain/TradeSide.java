package io.soltrade.data.domain;

/** A buy spends the quote token to get the traded token; a sell does the reverse. */
public enum TradeSide {
    BUY,
    SELL
}
