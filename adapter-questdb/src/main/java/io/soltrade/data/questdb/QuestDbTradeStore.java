package io.soltrade.data.questdb;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradeStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** {@link TradeStore} on the {@code trades} table: ILP writes through the batch writer, PG-wire reads. */
final class QuestDbTradeStore implements TradeStore {
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;

    private final IlpBatchWriter writer;
    private final PgWireReader reader;

    QuestDbTradeStore(IlpBatchWriter writer, PgWireReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void save(Trade trade) {
        writer.write(TradeRowEncoder.INSTANCE, List.of(PortInput.notNull(trade, "trade", BACKEND)));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Trade trade) {
        return writer.writeAsync(TradeRowEncoder.INSTANCE, List.of(PortInput.notNull(trade, "trade", BACKEND)));
    }

    @Override
    public void batchSave(List<Trade> trades) {
        writer.write(TradeRowEncoder.INSTANCE, PortInput.batch(trades, "trades", BACKEND));
    }

    @Override
    public Optional<Trade> findById(TradeId id) {
        String key = PortInput.notNull(id, "id", BACKEND).naturalKey();
        return reader.list(TradeRowEncoder.TABLE, "trades.byId", statement -> statement.setString(1, key),
                QuestDbTradeStore::trade).stream().findFirst();
    }

    @Override
    public List<Trade> findByToken(Pubkey token, int limit) {
        String mint = PortInput.notNull(token, "token", BACKEND).base58();
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(TradeRowEncoder.TABLE, "trades.byToken", statement -> {
            statement.setString(1, mint);
            statement.setInt(2, checkedLimit);
        }, QuestDbTradeStore::trade);
    }

    @Override
    public List<Trade> findBetween(TimeRange range, int limit) {
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(TradeRowEncoder.TABLE, "trades.between", statement -> {
            PgWireReader.bindTimestamp(statement, 1, range.from());
            PgWireReader.bindTimestamp(statement, 2, range.to());
            statement.setInt(3, checkedLimit);
        }, QuestDbTradeStore::trade);
    }

    private static Trade trade(ResultSet row) throws SQLException {
        return new Trade(
                TradeId.parse(row.getString("trade_id")),
                PgWireReader.timestamp(row, "ts"),
                TraderId.of(row.getString("trader")),
                TradingMode.valueOf(row.getString("mode")),
                TradeSide.valueOf(row.getString("side")),
                Pubkey.of(row.getString("token_in")),
                Pubkey.of(row.getString("token_out")),
                amount(row, "amount_in"),
                amount(row, "amount_out"),
                amount(row, "fee"),
                row.getBigDecimal("price"),
                row.getLong("slot"),
                MevStatus.valueOf(row.getString("mev_status")));
    }

    static TokenAmount amount(ResultSet row, String column) throws SQLException {
        return TokenAmount.of(row.getBigDecimal(column).toBigIntegerExact());
    }
}
