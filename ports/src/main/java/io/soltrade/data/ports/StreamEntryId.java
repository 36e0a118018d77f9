package io.soltrade.data.ports;

import java.util.Objects;

/**
 * A stream entry's id: milliseconds and a sequence number, ordered, as Redis Streams write it
 * ({@code 1700000000000-0}).
 */
public record StreamEntryId(long millis, long sequence) implements Comparable<StreamEntryId> {
    /** Before every entry: reading after it reads from the start. */
    public static final StreamEntryId ZERO = new StreamEntryId(0, 0);

    public StreamEntryId {
        if (millis < 0 || sequence < 0) {
            throw new IllegalArgumentException("stream entry id parts must not be negative: " + millis + "-" + sequence);
        }
    }

    public static StreamEntryId parse(String text) {
        Objects.requireNonNull(text, "text is null");
        int dash = text.indexOf('-');
        try {
            return dash < 0 ? new StreamEntryId(Long.parseLong(text), 0)
                    : new StreamEntryId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stream entry id: '" + text + "'", e);
        }
    }

    @Override
    public int compareTo(StreamEntryId other) {
        int byMillis = Long.compare(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return millis + "-" + sequence;
    }
}
