package io.soltrade.data.domain;

/** What a candle series does with an interval in which nothing traded. */
public enum EmptyIntervals {
    /** The interval has no candle. */
    OMIT,
    /**
     * The interval has a {@link Candle#filled} candle at the previous close: the close of the last trade before it,
     * looked up before the range when the range starts quiet. Intervals before the token's first trade stay absent.
     */
    FILL
}
