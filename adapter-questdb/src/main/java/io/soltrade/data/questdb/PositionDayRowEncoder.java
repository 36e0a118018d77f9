package io.soltrade.data.questdb;

import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.Position;

/**
 * A position's state as the end of its UTC day in {@code position_days}: the designated timestamp is that day's
 * midnight, so DEDUP keeps one row per position and day, and {@code updated_at} keeps the state's own time.
 */
enum PositionDayRowEncoder implements RowEncoder<Position> {
    INSTANCE;

    static final String TABLE = "position_days";

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public void encode(Position position, RowSink sink) {
        sink.table(TABLE)
                .symbol("trader", position.trader().value())
                .symbol("mode", position.mode().name())
                .symbol("token", position.token().base58())
                .symbol("quote", position.quote().base58())
                .timestamp("updated_at", position.updatedAt())
                .decimal("quantity", position.quantity())
                .decimal("average_entry_price", position.averageEntryPrice())
                .decimal("realized_pnl", position.realizedPnl())
                .decimal("fees_paid", position.feesPaid())
                .longColumn("fill_count", position.fillCount())
                .at(PnlPeriod.DAY.start(position.updatedAt()));
    }
}
