package io.soltrade.data.questdb;

import io.questdb.client.Sender;
import io.questdb.client.std.Decimal256;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A {@link RowSink} over the ILP client's {@link Sender}. Decimals travel in the binary form of ILP protocol
 * version 3 (QuestDB 9.x negotiates it over HTTP). A u64 is sent as the 256-bit two's complement decimal
 * {@code 0:0:0:bits} with scale 0, so the full unsigned range crosses without a {@code BigInteger}. Not
 * thread-safe: owned by the writer thread, like the sender.
 */
final class SenderRowSink implements RowSink {
    private final Sender sender;
    private final Decimal256 scratch = new Decimal256();

    SenderRowSink(Sender sender) {
        this.sender = sender;
    }

    @Override
    public RowSink table(String table) {
        sender.table(table);
        return this;
    }

    @Override
    public RowSink symbol(String column, String value) {
        sender.symbol(column, value);
        return this;
    }

    @Override
    public RowSink varchar(String column, String value) {
        sender.stringColumn(column, value);
        return this;
    }

    @Override
    public RowSink longColumn(String column, long value) {
        sender.longColumn(column, value);
        return this;
    }

    @Override
    public RowSink doubleColumn(String column, double value) {
        sender.doubleColumn(column, value);
        return this;
    }

    @Override
    public RowSink unsignedDecimal(String column, long unsignedBits) {
        unsigned(scratch, unsignedBits);
        sender.decimalColumn(column, scratch);
        return this;
    }

    @Override
    public RowSink decimal(String column, BigDecimal value) {
        sender.decimalColumn(column, Decimal256.fromBigDecimal(value));
        return this;
    }

    @Override
    public RowSink timestamp(String column, Instant value) {
        sender.timestampColumn(column, epochMicros(value), ChronoUnit.MICROS);
        return this;
    }

    @Override
    public void at(Instant timestamp) {
        sender.at(epochMicros(timestamp), ChronoUnit.MICROS);
    }

    /** Sets {@code target} to the u64 whose bits are {@code unsignedBits}, scale 0. */
    static Decimal256 unsigned(Decimal256 target, long unsignedBits) {
        target.of(0L, 0L, 0L, unsignedBits, 0);
        return target;
    }

    static long epochMicros(Instant timestamp) {
        return Math.addExact(Math.multiplyExact(timestamp.getEpochSecond(), 1_000_000L), timestamp.getNano() / 1_000);
    }
}
