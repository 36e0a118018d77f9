package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADES;

import io.soltrade.data.domain.Trade;
import io.soltrade.data.postgres.schema.tables.records.TradesRecord;
import java.sql.SQLException;
import java.util.List;
import org.jooq.TableField;

/**
 * One trade as one COPY text row, columns in {@link #COLUMNS} order. Every value is written in the form
 * PostgreSQL parses back to exactly what the domain holds: u64 amounts as unsigned decimal, prices as plain
 * decimals, instants in ISO-8601 UTC with their microseconds. The generated {@code token} and {@code quote} columns are left out.
 */
final class TradeCopyEncoder {
    static final List<TableField<TradesRecord, ?>> COLUMNS = List.of(
            TRADES.TRADE_ID, TRADES.EXECUTED_AT, TRADES.TRADER_ID, TRADES.MODE, TRADES.SIDE, TRADES.TOKEN_IN, TRADES.TOKEN_OUT,
            TRADES.AMOUNT_IN, TRADES.AMOUNT_OUT, TRADES.FEE, TRADES.PRICE, TRADES.SLOT, TRADES.MEV_STATUS, TRADES.COMMITMENT);

    private TradeCopyEncoder() {}

    static void encode(Trade trade, CopyTextBuffer row) throws SQLException {
        row.column(trade.id().naturalKey())
                .column(trade.executedAt().toString())
                .column(trade.trader().value())
                .column(trade.mode().name())
                .column(trade.side().name())
                .column(trade.tokenIn().base58())
                .column(trade.tokenOut().base58())
                .column(trade.amountIn().toString())
                .column(trade.amountOut().toString())
                .column(trade.fee().toString())
                .column(trade.price().toPlainString())
                .column(trade.slot())
                .column(trade.mevStatus().name())
                .column(trade.commitment().name());
        row.endRow();
    }
}
