package io.soltrade.data.questdb;

import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.PnlQuery;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.PositionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@link PositionStore} on two tables. {@code positions} holds every state for 30 days (TTL); {@code position_days}
 * holds the last state of each position on each day it changed, with no TTL. Every save writes both (each write is
 * idempotent, so a retry after one of them failed is safe). The current position
 * is the newer of its newest day end and its newest state, so it survives retention; P&amp;L per day or week is read
 * from day ends, so it does too.
 */
final class QuestDbPositionStore implements PositionStore {
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;
    private static final Comparator<Position> BY_TOKEN_THEN_QUOTE = Comparator.comparing(Position::token).thenComparing(Position::quote);

    private final IlpBatchWriter writer;
    private final PgWireReader reader;
    private final DayEnds dayEnds = new DayEnds();

    QuestDbPositionStore(IlpBatchWriter writer, PgWireReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void save(Position position) {
        batchSave(List.of(PortInput.notNull(position, "position", BACKEND)));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Position position) {
        PortInput.notNull(position, "position", BACKEND);
        // both queued now, not the second from the first's completion: that runs on the writer thread, which must never
        // wait for room in its own buffer
        CompletableFuture<Void> states = writer.writeAsync(PositionRowEncoder.INSTANCE, List.of(position));
        CompletableFuture<Void> dayEnd = writer.writeAsync(PositionDayRowEncoder.INSTANCE, dayEnds.select(List.of(position)));
        return CompletableFuture.allOf(states, dayEnd);
    }

    @Override
    public void batchSave(List<Position> positions) {
        PortInput.batch(positions, "positions", BACKEND);
        writer.write(PositionRowEncoder.INSTANCE, positions);
        writer.write(PositionDayRowEncoder.INSTANCE, dayEnds.select(positions));
    }

    @Override
    public Optional<Position> current(PositionKey key) {
        PortInput.notNull(key, "key", BACKEND);
        List<Position> found = new ArrayList<>(reader.list(PositionDayRowEncoder.TABLE, "positionDays.latest", statement -> bindKey(statement, key),
                row -> position(row, "updated_at")));
        found.addAll(reader.list(PositionRowEncoder.TABLE, "positions.latest", statement -> bindKey(statement, key), row -> position(row, "ts")));
        return found.stream().max(Comparator.comparing(Position::updatedAt));
    }

    @Override
    public Optional<Position> latest(TraderId trader, TradingMode mode, Pubkey token) {
        return current(PortInput.usdcPosition(trader, mode, token, BACKEND));
    }

    private static void bindKey(java.sql.PreparedStatement statement, PositionKey key) throws SQLException {
        statement.setString(1, key.trader().value());
        statement.setString(2, key.mode().name());
        statement.setString(3, key.token().base58());
        statement.setString(4, key.quote().base58());
    }

    @Override
    public List<Position> latestForTrader(TraderId trader, TradingMode mode) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(mode, "mode", BACKEND);
        Map<PositionKey, Position> newest = new HashMap<>();
        java.util.function.Consumer<Position> keepNewest = position -> newest.merge(position.key(), position,
                (a, b) -> b.updatedAt().isAfter(a.updatedAt()) ? b : a);
        reader.list(PositionDayRowEncoder.TABLE, "positionDays.latestForTrader", statement -> {
            statement.setString(1, trader.value());
            statement.setString(2, mode.name());
        }, row -> position(row, "updated_at")).forEach(keepNewest);
        reader.list(PositionRowEncoder.TABLE, "positions.latestForTrader", statement -> {
            statement.setString(1, trader.value());
            statement.setString(2, mode.name());
        }, row -> position(row, "ts")).forEach(keepNewest);
        return newest.values().stream().sorted(BY_TOKEN_THEN_QUOTE).toList();
    }

    @Override
    public List<Position> historyOf(PositionKey key, TimeRange range, int limit) {
        PortInput.notNull(key, "key", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(PositionRowEncoder.TABLE, "positions.history", statement -> {
            bindKey(statement, key);
            PgWireReader.bindTimestamp(statement, 5, range.from());
            PgWireReader.bindTimestamp(statement, 6, range.to());
            statement.setInt(7, checkedLimit);
        }, row -> position(row, "ts"));
    }

    @Override
    public List<Position> history(TraderId trader, TradingMode mode, Pubkey token, TimeRange range, int limit) {
        return historyOf(PortInput.usdcPosition(trader, mode, token, BACKEND), range, limit);
    }

    @Override
    public List<PeriodPnl> realizedPnl(PnlQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        Map<PositionKey, Position> before = new HashMap<>();
        reader.list(PositionDayRowEncoder.TABLE, "positionDays.before", statement -> {
            statement.setString(1, query.trader().value());
            statement.setString(2, query.mode().name());
            PgWireReader.bindTimestamp(statement, 3, query.range().from());
        }, row -> position(row, "updated_at")).forEach(position -> before.put(position.key(), position));
        String ends = query.period() == PnlPeriod.WEEK ? "positionDays.weeks" : "positionDays.between";
        List<Position> periodEnds = reader.list(PositionDayRowEncoder.TABLE, ends, statement -> {
            statement.setString(1, query.trader().value());
            statement.setString(2, query.mode().name());
            PgWireReader.bindTimestamp(statement, 3, query.range().from());
            PgWireReader.bindTimestamp(statement, 4, query.range().to());
        }, row -> position(row, "updated_at"));
        return PeriodPnl.of(query.period(), query.range(), before, periodEnds);
    }

    private static Position position(ResultSet row, String timeColumn) throws SQLException {
        String quote = row.getString("quote");
        return new Position(
                TraderId.of(row.getString("trader")),
                TradingMode.valueOf(row.getString("mode")),
                Pubkey.of(row.getString("token")),
                quote == null ? QuoteTokens.USDC : Pubkey.of(quote),
                row.getBigDecimal("quantity"),
                row.getBigDecimal("average_entry_price"),
                row.getBigDecimal("realized_pnl"),
                row.getBigDecimal("fees_paid"),
                row.getLong("fill_count"),
                PgWireReader.timestamp(row, timeColumn));
    }
}
