package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADES;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.TradeCursor;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.postgres.schema.tables.records.TradesRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code trades} table and the session-local staging table a batch is COPYed into first. The staging
 * table is created once per connection ({@code ON COMMIT DELETE ROWS}), so batches do not churn the catalog and
 * each transaction starts with it empty.
 */
final class TradeRows {
    /** Trade ids compared and ordered by code point, as every order the ports define (COLLATE "C"). */
    static final Field<String> TRADE_ID_IN_CODE_POINT_ORDER = TRADES.TRADE_ID.collate(DSL.collation(DSL.name("C")));
    static final Table<Record> STAGING = DSL.table(DSL.name("trade_staging"));
    static final List<Field<?>> STAGING_FIELDS = TradeCopyEncoder.COLUMNS.stream()
            .<Field<?>>map(column -> DSL.field(DSL.name(column.getName()), column.getDataType()))
            .toList();
    /** Must list {@link TradeCopyEncoder#COLUMNS} in order (checked by TradeCopyEncoderTest). */
    static final String COPY_INTO_STAGING = """
            COPY trade_staging (trade_id, executed_at, trader_id, mode, side, token_in, token_out, amount_in, amount_out, fee, price, slot, mev_status, commitment)
            FROM STDIN""";

    /** The same columns straight into {@code trades}, for the fast path of a batch of new trades. */
    static final String COPY_INTO_TRADES = """
            COPY trades (trade_id, executed_at, trader_id, mode, side, token_in, token_out, amount_in, amount_out, fee, price, slot, mev_status, commitment)
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
                .set(TRADES.COMMITMENT, trade.commitment().name())
                .onConflictDoNothing()
                .execute();
    }

    static Optional<Trade> find(DSLContext dsl, TradeId id) {
        return dsl.selectFrom(TRADES).where(TRADES.TRADE_ID.eq(id.naturalKey())).fetchOptional(TradeRows::toTrade);
    }

    /** The trade, its row locked until the transaction ends, so concurrent commitment updates apply one after the other. */
    static Optional<Trade> findForUpdate(DSLContext dsl, TradeId id) {
        return dsl.selectFrom(TRADES).where(TRADES.TRADE_ID.eq(id.naturalKey())).forUpdate().fetchOptional(TradeRows::toTrade);
    }

    static void updateCommitment(DSLContext dsl, Trade trade) {
        dsl.update(TRADES).set(TRADES.COMMITMENT, trade.commitment().name()).where(TRADES.TRADE_ID.eq(trade.id().naturalKey())).execute();
    }

    /** Served by {@code trades_by_trader}: an index range scan from the cursor on, whatever the page's depth. */
    static List<Trade> pageOf(DSLContext dsl, TradeQuery query) {
        Condition condition = TRADES.TRADER_ID.eq(query.trader().value());
        if (query.mode().isPresent()) {
            condition = condition.and(TRADES.MODE.eq(query.mode().get().name()));
        }
        if (query.minimumCommitment().isPresent()) {
            condition = condition.and(TRADES.COMMITMENT.in(names(Commitment.atLeast(query.minimumCommitment().get()))));
        }
        if (query.after().isPresent()) {
            TradeCursor cursor = query.after().get();
            condition = condition.and(DSL.row(TRADES.EXECUTED_AT, TRADE_ID_IN_CODE_POINT_ORDER)
                    .lt(Timestamps.toColumn(cursor.executedAt()), cursor.id().naturalKey()));
        }
        return dsl.selectFrom(TRADES).where(condition)
                .orderBy(TRADES.EXECUTED_AT.desc(), TRADE_ID_IN_CODE_POINT_ORDER.desc())
                .limit(query.limit() + 1)
                .fetch(TradeRows::toTrade);
    }

    /**
     * The candles of the query's trades, aggregated by the server: each trade's interval is
     * {@code floor(epoch seconds / interval)}, open and close the first and last price in (executed_at, trade_id) order.
     */
    static List<Candle> candles(DSLContext dsl, CandleQuery query) {
        long seconds = query.interval().duration().toSeconds();
        Field<Long> bucket = DSL.floor(DSL.extract(TRADES.EXECUTED_AT, DatePart.EPOCH).div(DSL.inline(seconds))).cast(SQLDataType.BIGINT).as("bucket");
        Field<BigInteger> tokenAmount = DSL.when(TRADES.SIDE.eq("BUY"), TRADES.AMOUNT_OUT).otherwise(TRADES.AMOUNT_IN);
        Field<BigInteger> quoteAmount = DSL.when(TRADES.SIDE.eq("BUY"), TRADES.AMOUNT_IN).otherwise(TRADES.AMOUNT_OUT);
        Field<BigDecimal> open = DSL.arrayGet(DSL.arrayAgg(TRADES.PRICE).orderBy(TRADES.EXECUTED_AT, TRADE_ID_IN_CODE_POINT_ORDER), 1).as("open");
        Field<BigDecimal> close = DSL.arrayGet(DSL.arrayAgg(TRADES.PRICE).orderBy(TRADES.EXECUTED_AT.desc(), TRADE_ID_IN_CODE_POINT_ORDER.desc()), 1)
                .as("close");
        Field<BigDecimal> high = DSL.max(TRADES.PRICE).as("high");
        Field<BigDecimal> low = DSL.min(TRADES.PRICE).as("low");
        Field<BigDecimal> tokenVolume = DSL.sum(tokenAmount).as("token_volume");
        Field<BigDecimal> quoteVolume = DSL.sum(quoteAmount).as("quote_volume");
        Field<BigDecimal> notional = DSL.sum(TRADES.PRICE.mul(tokenAmount)).as("notional");
        Field<Integer> count = DSL.count().as("trades");
        return dsl.select(bucket, open, high, low, close, tokenVolume, quoteVolume, notional, count)
                .from(TRADES)
                .where(candleTrades(query))
                .and(TRADES.EXECUTED_AT.ge(Timestamps.toColumn(query.range().from())))
                .and(TRADES.EXECUTED_AT.lt(Timestamps.toColumn(query.range().to())))
                .groupBy(DSL.field(DSL.name("bucket")))
                .orderBy(DSL.field(DSL.name("bucket")))
                .fetch(row -> Candle.traded(Instant.ofEpochSecond(row.get(bucket) * seconds), row.get(open), row.get(high), row.get(low), row.get(close),
                        row.get(tokenVolume).toBigIntegerExact(), row.get(quoteVolume).toBigIntegerExact(), row.get(notional), row.get(count)));
    }

    /** The price of the last trade the query counts before its range: the close an empty first interval carries. */
    static Optional<BigDecimal> lastPriceBefore(DSLContext dsl, CandleQuery query) {
        return dsl.select(TRADES.PRICE).from(TRADES)
                .where(candleTrades(query))
                .and(TRADES.EXECUTED_AT.lt(Timestamps.toColumn(query.range().from())))
                .orderBy(TRADES.EXECUTED_AT.desc(), TRADE_ID_IN_CODE_POINT_ORDER.desc())
                .limit(1)
                .fetchOptional(TRADES.PRICE);
    }

    private static Condition candleTrades(CandleQuery query) {
        return TRADES.TOKEN.eq(query.token().base58())
                .and(TRADES.QUOTE.eq(query.quote().base58()))
                .and(TRADES.COMMITMENT.in(names(Commitment.atLeast(query.minimumCommitment()))));
    }

    private static List<String> names(Set<Commitment> levels) {
        return levels.stream().map(Commitment::name).toList();
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
                MevStatus.valueOf(row.getMevStatus()),
                Commitment.valueOf(row.getCommitment())));
    }
}
