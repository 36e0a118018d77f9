package io.soltrade.data.questdb;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Where a {@link RowEncoder} writes one ILP row. The order rules are the ILP sender's: {@link #table}, then
 * every {@link #symbol}, then the other columns, then {@link #at}. A narrow interface rather than the
 * client's {@code Sender}, so encoders are tested against a recording sink with no server and no client.
 */
interface RowSink {

    RowSink table(String table);

    RowSink symbol(String column, String value);

    RowSink varchar(String column, String value);

    RowSink longColumn(String column, long value);

    RowSink doubleColumn(String column, double value);

    /** A u64 read from the bits of {@code unsignedBits}, into a {@code DECIMAL(20,0)} column. */
    RowSink unsignedDecimal(String column, long unsignedBits);

    /** An exact decimal, into a {@code DECIMAL(p,s)} column; the server rescales to the column's scale. */
    RowSink decimal(String column, BigDecimal value);

    /** A timestamp column other than the designated one (microsecond precision). */
    RowSink timestamp(String column, Instant value);

    /** Ends the row at the designated timestamp (microsecond precision). */
    void at(Instant timestamp);
}
