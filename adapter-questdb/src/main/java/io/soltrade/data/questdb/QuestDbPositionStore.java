package io.soltrade.data.questdb;

import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PositionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link PositionStore} on the {@code positions} table: every state is a row; the current position is the
 * latest row of its (trader, mode, token), found with {@code LATEST ON ts PARTITION BY token}.
 */
final class QuestDbPositionStore implements PositionStore {
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;

    private final IlpBatchWriter writer;
    private final PgWireReader reader;

    QuestDbPositionStore(IlpBatchWriter writer, PgWireReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void save(Position position) {
        writer.write(PositionRowEncoder.INSTANCE, List.of(PortInput.notNull(position, "position", BACKEND)));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Position position) {
        return writer.writeAsync(PositionRowEncoder.INSTANCE, List.of(PortInput.notNull(position, "position", BACKEND)));
    }

    @Override
    public void batchSave(List<Position> positions) {
        writer.write(PositionRowEncoder.INSTANCE, PortInput.batch(positions, "positions", BACKEND));
    }

    @Override
    public Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        PortInput.notNull(token, "token", BACKEND);
        return reader.list(PositionRowEncoder.TABLE, "positions.latest", statement -> {
            statement.setString(1, trader.value());
            statement.setString(2, mode.name());
            statement.setString(3, token.base58());
        }, QuestDbPositionStore::position).stream().findFirst();
    }

    @Override
    public List<Position> latestForTrader(TraderId trader, TradingMode mode) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        List<Position> latest = reader.list(PositionRowEncoder.TABLE, "positions.latestForTrader", statement -> {
            statement.setString(1, trader.value());
            statement.setString(2, mode.name());
        }, QuestDbPositionStore::position);
        return latest.stream().sorted(Comparator.comparing(Position::token)).toList();
    }

    @Override
    public List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        PortInput.notNull(token, "token", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(PositionRowEncoder.TABLE, "positions.history", statement -> {
            statement.setString(1, trader.value());
            statement.setString(2, mode.name());
            statement.setString(3, token.base58());
            PgWireReader.bindTimestamp(statement, 4, range.from());
            PgWireReader.bindTimestamp(statement, 5, range.to());
            statement.setInt(6, checkedLimit);
        }, QuestDbPositionStore::position);
    }

    private static Position position(ResultSet row) throws SQLException {
        return new Position(
                TraderId.of(row.getString("trader")),
                TradingMode.valueOf(row.getString("mode")),
                Pubkey.of(row.getString("token")),
                row.getBigDecimal("quantity"),
                row.getBigDecimal("average_entry_price"),
                row.getBigDecimal("realized_pnl"),
                row.getBigDecimal("fees_paid"),
                row.getLong("fill_count"),
                PgWireReader.timestamp(row, "ts"));
    }
}
