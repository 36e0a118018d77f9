package io.soltrade.data.questdb;

import io.soltrade.data.domain.Position;

/** One state of a position as one row of {@code positions}; the designated timestamp is {@code updatedAt}. */
enum PositionRowEncoder implements RowEncoder<Position> {
    INSTANCE;

    static final String TABLE = "positions";

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
                .decimal("quantity", position.quantity())
                .decimal("average_entry_price", position.averageEntryPrice())
                .decimal("realized_pnl", position.realizedPnl())
                .decimal("fees_paid", position.feesPaid())
                .longColumn("fill_count", position.fillCount())
                .at(position.updatedAt());
    }
}
