package io.soltrade.data.postgres;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A position in PostgreSQL's write-ahead log (an LSN, type {@code pg_lsn}): an unsigned 64-bit byte offset that the
 * server prints as two hexadecimal halves, {@code 16/B374D848}. A commit is visible on a standby once the standby
 * has replayed the log up to the position the primary reported after the commit.
 */
record WalPosition(long value) implements Comparable<WalPosition> {
    /** Before every write: what a store that has acknowledged no write needs a replica to have replayed. */
    static final WalPosition START = new WalPosition(0);
    /** After every position: what a server that replays nothing (a primary) counts as having replayed. */
    static final WalPosition END = new WalPosition(-1L);
    private static final Pattern HEX_PAIR = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");

    /** Parses the server's text form, {@code X/Y} with X and Y hexadecimal of at most eight digits each. */
    static WalPosition parse(String text) {
        Objects.requireNonNull(text, "text is null");
        int slash = text.indexOf('/');
        if (!HEX_PAIR.matcher(text).matches()) {
            throw new IllegalArgumentException("not a WAL position (X/Y in hexadecimal): '" + text + "'");
        }
        long high = Long.parseLong(text, 0, slash, 16);
        long low = Long.parseLong(text, slash + 1, text.length(), 16);
        return new WalPosition(high << 32 | low);
    }

    /** Whether a server at this position has replayed everything up to {@code required}. */
    boolean reached(WalPosition required) {
        return compareTo(required) >= 0;
    }

    WalPosition max(WalPosition other) {
        return reached(other) ? this : other;
    }

    @Override
    public int compareTo(WalPosition other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%X/%X", value >>> 32, value & 0xFFFF_FFFFL);
    }
}
