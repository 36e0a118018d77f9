package io.soltrade.data.questdb;

/**
 * Turns one value into one ILP row of one table. Stateless and thread-safe; the batch writer keeps the values
 * (not the encoded bytes) of every unacknowledged batch and encodes them again for each attempt.
 */
interface RowEncoder<T> {

    /** The table every row of this encoder goes to. */
    String table();

    void encode(T value, RowSink sink);
}
