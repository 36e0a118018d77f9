package io.soltrade.data.memory;

import java.time.Instant;

/** Orders rows by time, then by a unique id, so rows at the same instant keep a stable order and never collide. */
record TimeKey(Instant at, String id) implements Comparable<TimeKey> {
    /** Before every key at {@code at}: the inclusive start of a half-open range. */
    static TimeKey first(Instant at) {
        return new TimeKey(at, "");
    }

    @Override
    public int compareTo(TimeKey other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : id.compareTo(other.id);
    }
}
