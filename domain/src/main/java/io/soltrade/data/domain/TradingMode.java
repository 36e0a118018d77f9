package io.soltrade.data.domain;

/** Paper trades are simulated; live trades were sent to the chain. */
public enum TradingMode {
    PAPER,
    LIVE
}
