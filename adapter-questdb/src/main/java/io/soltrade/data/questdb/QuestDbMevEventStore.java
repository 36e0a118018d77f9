package io.soltrade.data.questdb;

import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TxSignature;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PortInput;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link MevEventStore} on the {@code mev_events} table. */
final class QuestDbMevEventStore implements MevEventStore {
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;

    private final IlpBatchWriter writer;
    private final PgWireReader reader;

    QuestDbMevEventStore(IlpBatchWriter writer, PgWireReader reader) {
        this.writer = writer;
        this.reader = reader;
    }

    @Override
    public void save(MevEvent event) {
        writer.write(MevEventRowEncoder.INSTANCE, List.of(PortInput.notNull(event, "event", BACKEND)));
    }

    @Override
    public CompletableFuture<Void> saveAsync(MevEvent event) {
        return writer.writeAsync(MevEventRowEncoder.INSTANCE, List.of(PortInput.notNull(event, "event", BACKEND)));
    }

    @Override
    public void batchSave(List<MevEvent> events) {
        writer.write(MevEventRowEncoder.INSTANCE, PortInput.batch(events, "events", BACKEND));
    }

    @Override
    public List<MevEvent> findByOutcome(MevOutcome outcome, TimeRange range, int limit) {
        PortInput.notNull(outcome, "outcome", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(MevEventRowEncoder.TABLE, "mev.byOutcome", statement -> {
            statement.setString(1, outcome.name());
            PgWireReader.bindTimestamp(statement, 2, range.from());
            PgWireReader.bindTimestamp(statement, 3, range.to());
            statement.setInt(4, checkedLimit);
        }, QuestDbMevEventStore::event);
    }

    @Override
    public List<MevEvent> findBetween(TimeRange range, int limit) {
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(MevEventRowEncoder.TABLE, "mev.between", statement -> {
            PgWireReader.bindTimestamp(statement, 1, range.from());
            PgWireReader.bindTimestamp(statement, 2, range.to());
            statement.setInt(3, checkedLimit);
        }, QuestDbMevEventStore::event);
    }

    @Override
    public List<MevEvent> findByTrader(TraderId trader, TimeRange range, int limit) {
        PortInput.notNull(trader, "trader", BACKEND);
        PortInput.notNull(range, "range", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(MevEventRowEncoder.TABLE, "mev.byTrader", statement -> {
            statement.setString(1, trader.value());
            PgWireReader.bindTimestamp(statement, 2, range.from());
            PgWireReader.bindTimestamp(statement, 3, range.to());
            statement.setInt(4, checkedLimit);
        }, QuestDbMevEventStore::event);
    }

    @Override
    public List<MevEvent> findByTrade(TradeId trade, int limit) {
        PortInput.notNull(trade, "trade", BACKEND);
        int checkedLimit = PortInput.limit(limit, BACKEND);
        return reader.list(MevEventRowEncoder.TABLE, "mev.byTrade", statement -> {
            statement.setString(1, trade.naturalKey());
            statement.setInt(2, checkedLimit);
        }, QuestDbMevEventStore::event);
    }

    private static MevEvent event(ResultSet row) throws SQLException {
        String victim = row.getString("victim_signature");
        return new MevEvent(
                UUID.fromString(row.getString("event_id")),
                PgWireReader.timestamp(row, "ts"),
                TraderId.of(row.getString("trader")),
                Pubkey.of(row.getString("token")),
                Optional.ofNullable(victim).map(TxSignature::of),
                row.getDouble("sandwich_probability"),
                QuestDbTradeStore.amount(row, "predicted_loss"),
                QuestDbTradeStore.amount(row, "actual_loss"),
                MevOutcome.valueOf(row.getString("outcome")),
                Optional.ofNullable(row.getString("trade_id")).map(TradeId::parse));
    }
}
