package io.soltrade.data.questdb;

import io.soltrade.data.domain.Trade;

/** A trade as one row of {@code trades}; the designated timestamp is the execution time. */
enum TradeRowEncoder implements RowEncoder<Trade> {
    INSTANCE;

    static final String TABLE = "trades";

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public void encode(Trade trade, RowSink sink) {
        sink.table(TABLE)
                .symbol("trader", trade.trader().value())
                .symbol("mode", trade.mode().name())
                .symbol("side", trade.side().name())
                .symbol("token", trade.token().base58())
                .symbol("token_in", trade.tokenIn().base58())
                .symbol("token_out", trade.tokenOut().base58())
                .symbol("mev_status", trade.mevStatus().name())
                .varchar("trade_id", trade.id().naturalKey())
                .unsignedDecimal("amount_in", trade.amountIn().unsignedBits())
                .unsignedDecimal("amount_out", trade.amountOut().unsignedBits())
                .unsignedDecimal("fee", trade.fee().unsignedBits())
                .decimal("price", trade.price())
                .longColumn("slot", trade.slot())
                .at(trade.executedAt());
    }
}
