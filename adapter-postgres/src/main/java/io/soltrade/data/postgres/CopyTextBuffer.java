package io.soltrade.data.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's COPY text format (tab between columns, newline after each row, backslash escapes),
 * gathered in one reusable byte array and handed to a {@link Sink} whenever it fills up, so a batch of any size
 * streams in fixed memory. Not thread-safe.
 */
final class CopyTextBuffer {
    /** Where full buffers go: the COPY stream, or a test's byte array. */
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    private final byte[] bytes;
    private final int flushAt;
    private final Sink sink;
    private int length;
    private boolean rowStarted;

    CopyTextBuffer(int capacity, Sink sink) {
        if (capacity < 4_096) {
            throw new IllegalArgumentException("capacity must be at least 4096, got " + capacity);
        }
        this.bytes = new byte[capacity];
        this.flushAt = capacity - 1_024;
        this.sink = sink;
    }

    /** Appends one column value, escaping what the text format needs escaped. */
    CopyTextBuffer column(String value) throws SQLException {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                appendUtf8(value.substring(i));
                return this;
            }
            switch (c) {
                case '\\' -> put2('\\', '\\');
                case '\t' -> put2('\\', 't');
                case '\n' -> put2('\\', 'n');
                case '\r' -> put2('\\', 'r');
                default -> put((byte) c);
            }
        }
        return this;
    }

    CopyTextBuffer column(long value) throws SQLException {
        separate();
        if (value == Long.MIN_VALUE) {
            return ascii(Long.toString(value));
        }
        if (value < 0) {
            put((byte) '-');
            value = -value;
        }
        int start = length;
        do {
            put((byte) ('0' + value % 10));
            value /= 10;
        } while (value > 0);
        reverse(start, length - 1);
        return this;
    }

    /** Ends the current row; flushes to the sink when the buffer is nearly full (a row never spans a flush). */
    void endRow() throws SQLException {
        put((byte) '\n');
        rowStarted = false;
        if (length >= flushAt) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (length > 0) {
            sink.write(bytes, 0, length);
            length = 0;
        }
    }

    private CopyTextBuffer ascii(String digits) throws SQLException {
        for (int i = 0; i < digits.length(); i++) {
            put((byte) digits.charAt(i));
        }
        return this;
    }

    private void separate() throws SQLException {
        if (rowStarted) {
            put((byte) '\t');
        }
        rowStarted = true;
    }

    private void appendUtf8(String rest) throws SQLException {
        String escaped = rest.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
        for (byte b : escaped.getBytes(StandardCharsets.UTF_8)) {
            put(b);
        }
    }

    private void put2(char a, char b) throws SQLException {
        put((byte) a);
        put((byte) b);
    }

    private void put(byte b) throws SQLException {
        if (length == bytes.length) {
            flush(); // only a single huge value gets here: rows normally flush at endRow
        }
        bytes[length++] = b;
    }

    private void reverse(int from, int to) {
        while (from < to) {
            byte t = bytes[from];
            bytes[from++] = bytes[to];
            bytes[to--] = t;
        }
    }

    @Override
    public String toString() {
        return "CopyTextBuffer[" + length + " of " + bytes.length + " bytes: " + new String(Arrays.copyOf(bytes, Math.min(length, 64)), StandardCharsets.UTF_8) + "]";
    }
}
