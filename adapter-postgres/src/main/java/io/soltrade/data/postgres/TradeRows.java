package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADES;

import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.postgres.schema.tables.records.TradesRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The {@code trades} table and the session-local staging table a batch is COPYed into first. The staging
 * table is created once per connection ({@code ON COMMIT DELETE ROWS}), so batches do not churn the catalog and
 * each transaction starts with it empty.
 */
final class TradeRows {
    static final Table<Record> STAGING = DSL.table(DSL.name("trade_staging"));
    static final List<Field<?>> STAGING_FIELDS = TradeCopyEncoder.COLUMNS.stream()
            .<Field<?>>map(column -> DSL.field(DSL.name(column.getName()), column.getDataType()))
            .toList();
    /** Must list {@link TradeCopyEncoder#COLUMNS} in order (checked by TradeCopyEncoderTest). */
    static final String COPY_INTO_STAGING = """
            COPY trade_staging (trade_id, executed_at, trader_id, mode, side, token_in, token_out, amount_in, amount_out, fee, price, slot, mev_status)
            FROM STDIN""";

    /** The same columns straight into {@code trades}, for the fast path of a batch of new trades. */
    static final String COPY_INTO_TRADES = """
            COPY trades (trade_id, executed_at, trader_id, mode, side, token_in, token_out, amount_in, amount_out, fee, price, slot, mev_status)
            FROM STDIN""";

    private TradeRows() {}

    static void createStaging(DSLContext dsl) {
        dsl.createTemporaryTableIfNotExists(STAGING).columns(STAGING_FIELDS).onCommitDeleteRows().execute();
    }

    /** Moves the staged rows into {@code trades}, skipping ids already stored; how many were new. */
    static int insertStaged(DSLContext dsl) {
        return dsl.insertInto(TRADES, TradeCopyEncoder.COLUMNS)
                .select(dsl.select(STAGING_FIELDS).from(STAGING))
                .onConflictDoNothing()
                .execute();
    }

    static void insertIfAbsent(DSLContext dsl, Trade trade) {
        dsl.insertInto(TRADES)
                .set(TRADES.TRADE_ID, trade.id().naturalKey())
                .set(TRADES.EXECUTED_AT, Timestamps.toColumn(trade.executedAt()))
                .set(TRADES.TRADER_ID, trade.trader().value())
                .set(TRADES.MODE, trade.mode().name())
                .set(TRADES.SIDE, trade.side().name())
                .set(TRADES.TOKEN_IN, trade.tokenIn().base58())
                .set(TRADES.TOKEN_OUT, trade.tokenOut().base58())
                .set(TRADES.AMOUNT_IN, trade.amountIn().toBigInteger())
                .set(TRADES.AMOUNT_OUT, trade.amountOut().toBigInteger())
                .set(TRADES.FEE, trade.fee().toBigInteger())
                .set(TRADES.PRICE, trade.price())
                .set(TRADES.SLOT, trade.slot())
                .set(TRADES.MEV_STATUS, trade.mevStatus().name())
                .onConflictDoNothing()
                .execute();
    }

    static Optional<Trade> find(DSLContext dsl, TradeId id) {
        return dsl.selectFrom(TRADES).where(TRADES.TRADE_ID.eq(id.naturalKey())).fetchOptional(TradeRows::toTrade);
    }

    /** Served by {@code trades_by_token}. */
    static List<Trade> newestOf(DSLContext dsl, Pubkey token, int limit) {
        return dsl.selectFrom(TRADES)
                .where(TRADES.TOKEN.eq(token.base58()))
                .orderBy(TRADES.EXECUTED_AT.desc(), TRADES.TRADE_ID.desc())
                .limit(limit)
                .fetch(TradeRows::toTrade);
    }

    /** Served by {@code trades_by_time}. */
    static List<Trade> between(DSLContext dsl, TimeRange range, int limit) {
        return dsl.selectFrom(TRADES)
                .where(TRADES.EXECUTED_AT.ge(Timestamps.toColumn(range.from())))
                .and(TRADES.EXECUTED_AT.lt(Timestamps.toColumn(range.to())))
                .orderBy(TRADES.EXECUTED_AT, TRADES.TRADE_ID)
                .limit(limit)
                .fetch(TradeRows::toTrade);
    }

    private static Trade toTrade(TradesRecord row) {
        return StoredRows.decode("trade " + row.getTradeId(), () -> new Trade(
                TradeId.parse(row.getTradeId()),
                Timestamps.fromColumn(row.getExecutedAt()),
                TraderId.of(row.getTraderId()),
                TradingMode.valueOf(row.getMode()),
                TradeSide.valueOf(row.getSide()),
                Pubkey.of(row.getTokenIn()),
                Pubkey.of(row.getTokenOut()),
                TokenAmount.of(row.getAmountIn()),
                TokenAmount.of(row.getAmountOut()),
                TokenAmount.of(row.getFee()),
                row.getPrice(),
                row.getSlot(),
                MevStatus.valueOf(row.getMevStatus())));
    }
}
