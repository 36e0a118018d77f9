package io.soltrade.data.memory;

import io.soltrade.data.domain.TradeId;
import java.time.Instant;
import java.util.Objects;

/**
 * Orders rows by time, then by a unique id, so rows at the same instant keep a stable order and never collide.
 * A trade's key holds its {@link TradeId} and makes the id's text ({@link TradeId#naturalKey()}, a new string per
 * call) only when it meets another key at the same instant: most never do, and building it for every indexed trade
 * was a tenth of the in-memory batch save's samples (docs/bench.md).
 */
final class TimeKey implements Comparable<TimeKey> {
    private final Instant at;
    private final TradeId trade;
    private String id;

    TimeKey(Instant at, String id) {
        this.at = Objects.requireNonNull(at, "at");
        this.trade = null;
        this.id = Objects.requireNonNull(id, "id");
    }

    private TimeKey(Instant at, TradeId trade) {
        this.at = Objects.requireNonNull(at, "at");
        this.trade = Objects.requireNonNull(trade, "trade");
    }

    /** The key of the trade {@code trade} executed at {@code at}: ordered as {@code new TimeKey(at, trade.naturalKey())}. */
    static TimeKey ofTrade(Instant at, TradeId trade) {
        return new TimeKey(at, trade);
    }

    /** Before every key at {@code at}: the inclusive start of a half-open range. */
    static TimeKey first(Instant at) {
        return new TimeKey(at, "");
    }

    Instant at() {
        return at;
    }

    /** The id's text, made once on first need (a benign race: two threads may both make the same string). */
    String id() {
        String text = id;
        if (text == null) {
            text = trade.naturalKey();
            id = text;
        }
        return text;
    }

    @Override
    public int compareTo(TimeKey other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id().compareTo(other.id());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeKey key && compareTo(key) == 0;
    }

    @Override
    public int hashCode() {
        return at.hashCode() * 31 + id().hashCode();
    }

    @Override
    public String toString() {
        return at + "/" + id();
    }
}
