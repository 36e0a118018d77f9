package io.soltrade.data.questdb;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleInterval;
import io.soltrade.data.domain.CandleSeries;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.EmptyIntervals;
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
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradePage;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link TradeStore} on the {@code trades} table: writes through the {@link TradeIntake} (ids looked up first, so an
 * id is one row), reads over PG wire. Candles are {@code SAMPLE BY} over the token's rows; VWAP and filled intervals
 * come from {@link CandleSeries}, as on every store.
 */
final class QuestDbTradeStore implements TradeStore, TradeIntake.StoredTrades {
    private static final String BACKEND = QuestDbExceptionTranslator.BACKEND;
    private static final int ID_SLOTS = 256;
    private static final int ID_PAGE = 50_000;
    private static final int COMMITMENT_SLOTS = Commitment.values().length;

    private final PgWireReader reader;
    private final TradeIntake intake;
    private final Duration syncWait;

    QuestDbTradeStore(IlpBatchWriter writer, PgWireReader reader, QuestDbSettings settings) {
        this.reader = reader;
        this.intake = new TradeIntake(writer, this, settings.retryDeadline());
        this.syncWait = settings.retryDeadline().plus(settings.readVisibilityTimeout()).plus(settings.enqueueTimeout()).plusSeconds(10);
        for (CandleInterval interval : CandleInterval.values()) {
            reader.query(candleQuery(interval));
        }
    }

    TradeIntake intake() {
        return intake;
    }

    @Override
    public void save(Trade trade) {
        await(intake.save(List.of(PortInput.notNull(trade, "trade", BACKEND))));
    }

    @Override
    public CompletableFuture<Void> saveAsync(Trade trade) {
        PortInput.notNull(trade, "trade", BACKEND);
        try {
            return intake.save(List.of(trade), false); // left to the writer's batch size and flush timer
        } catch (DbException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void batchSave(List<Trade> trades) {
        await(intake.save(PortInput.batch(trades, "trades", BACKEND)));
    }

    @Override
    public Trade updateCommitment(TradeId id, Commitment commitment) {
        PortInput.notNull(id, "id", BACKEND);
        PortInput.notNull(commitment, "commitment", BACKEND);
        return await(intake.updateCommitment(id, commitment));
    }

    private <T> T await(CompletableFuture<T> outcome) {
        try {
            return outcome.get(syncWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDbException(DbErrorKind.TIMEOUT, BACKEND,
                    "interrupted while waiting for the acknowledgement; the trades may still be written (retrying is safe)", null, e);
        } catch (TimeoutException e) {
            throw new TransientDbException(DbErrorKind.TIMEOUT, BACKEND, "no acknowledgement within " + syncWait.toMillis()
                    + " ms; the trades may still be written (retrying is safe)", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DbException db) {
                throw db;
            }
            throw new PermanentDbException(DbErrorKind.QUERY, BACKEND, "write failed: " + e.getCause(), null, e.getCause());
        }
    }

    @Override
    public Optional<Trade> findById(TradeId id) {
        String key = PortInput.notNull(id, "id", BACKEND).naturalKey();
        Optional<Trade> indexed = reader.list(TradeRowEncoder.TABLE, "trades.byId", statement -> {
            statement.setString(1, TradeRowEncoder.bucket(key));
            statement.setString(2, key);
        }, QuestDbTradeStore::trade).stream().findFirst();
        return indexed.isPresent() ? indexed : confirmMiss(key);
    }

    @Override
    public Optional<Trade> findApplied(TradeId id) {
        String key = id.naturalKey();
        Optional<Trade> indexed = reader.listApplied("trades.byId", statement -> {
            statement.setString(1, TradeRowEncoder.bucket(key));
            statement.setString(2, key);
        }, QuestDbTradeStore::trade).stream().findFirst();
        return indexed.isPresent() ? indexed : confirmMiss(key);
    }

    /**
     * An id the bucket index did not find, looked up again without the index. Right after WAL apply makes rows
     * visible, QuestDB 9.3's symbol index can still lack them for a moment: QuestDbReadYourWritesIT saw a trade whose
     * write was acknowledged and applied ({@code writerTxn = sequencerTxn}) counted by {@code trade_id = ?} but not by
     * {@code id_bucket = ? AND trade_id = ?}, 1 to 6 readers in 200 on a loaded machine. The scan costs only a miss
     * (an unknown id, or that window); runs after the caller's barrier has already passed, so it does not wait again.
     */
    private Optional<Trade> confirmMiss(String key) {
        return reader.listApplied("trades.byIdWithoutIndex", statement -> statement.setString(1, key), QuestDbTradeStore::trade)
                .stream().findFirst();
    }

    @Override
    public long[] walTransactions() {
        List<long[]> status = reader.listApplied("wal.status", statement -> statement.setString(1, TradeRowEncoder.TABLE), row -> {
            if (row.getBoolean(1)) {
                throw new TransientDbException(DbErrorKind.UNAVAILABLE, BACKEND, "table trades is suspended (WAL apply stopped: " + row.getString(4)
                        + "); no trade is written until it is resumed", null, null);
            }
            return new long[] {row.getLong(2), row.getLong(3)};
        });
        return status.isEmpty() ? new long[] {0, 0} : status.get(0);
    }

    /**
     * Every id in the table, in pages of {@value #ID_PAGE} rows in timestamp order (so a scan of 30 million ids holds one
     * page at a time); the first read waits for every acknowledged write to be applied, so nothing stored before the
     * scan began is missed.
     */
    @Override
    public void forEachStoredId(java.util.function.Consumer<String> sink) {
        List<java.time.Instant> first = reader.list(TradeRowEncoder.TABLE, "trades.firstTs", statement -> { },
                row -> row.getObject("first_ts") == null ? null : PgWireReader.timestamp(row, "first_ts"));
        java.time.Instant from = first.isEmpty() ? null : first.get(0);
        while (from != null) {
            java.time.Instant pageStart = from;
            List<Object[]> page = reader.listApplied("trades.idsFrom", statement -> {
                PgWireReader.bindTimestamp(statement, 1, pageStart);
                statement.setInt(2, ID_PAGE);
            }, row -> new Object[] {PgWireReader.timestamp(row, "ts"), row.getString("trade_id")});
            page.forEach(row -> sink.accept((String) row[1]));
            if (page.size() < ID_PAGE) {
                return;
            }
            java.time.Instant last = (java.time.Instant) page.get(page.size() - 1)[0];
            if (last.equals(page.get(0)[0])) {
                // one timestamp fills the page: take all of its rows, then go past it
                reader.listApplied("trades.idsAt", statement -> PgWireReader.bindTimestamp(statement, 1, last), row -> row.getString(1))
                        .forEach(sink);
                from = last.plus(1, java.time.temporal.ChronoUnit.MICROS);
            } else {
                from = last; // the next page starts again at the last timestamp: ids read twice are added twice, harmlessly
            }
        }
    }

    @Override
    public Set<String> appliedIds(Collection<String> naturalKeys) {
        Set<String> stored = new HashSet<>();
        Iterator<String> ids = naturalKeys.iterator();
        while (ids.hasNext()) {
            List<String> chunk = new ArrayList<>(ID_SLOTS);
            while (ids.hasNext() && chunk.size() < ID_SLOTS) {
                chunk.add(ids.next());
            }
            stored.addAll(reader.listApplied("trades.storedIds", statement -> {
                for (int slot = 0; slot < ID_SLOTS; slot++) {
                    boolean used = slot < chunk.size();
                    statement.setString(1 + slot, used ? TradeRowEncoder.bucket(chunk.get(slot)) : "");
                    statement.setString(1 + ID_SLOTS + slot, used ? chunk.get(slot) : "");
                }
            }, row -> row.getString(1)));
        }
        return stored;
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

    @Override
    public TradePage findByTrader(TradeQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        List<Trade> fetched = reader.list(TradeRowEncoder.TABLE, "trades.byTrader", statement -> {
            statement.setString(1, query.trader().value());
            statement.setBoolean(2, query.mode().isEmpty());
            statement.setString(3, query.mode().map(TradingMode::name).orElse(""));
            int next = bindCommitments(statement, 4, query.minimumCommitment().map(Commitment::atLeast).orElse(Set.of(Commitment.values())));
            statement.setBoolean(next, query.after().isEmpty());
            PgWireReader.bindTimestamp(statement, next + 1, query.after().map(cursor -> cursor.executedAt()).orElse(java.time.Instant.EPOCH));
            PgWireReader.bindTimestamp(statement, next + 2, query.after().map(cursor -> cursor.executedAt()).orElse(java.time.Instant.EPOCH));
            statement.setString(next + 3, query.after().map(cursor -> cursor.id().naturalKey()).orElse(""));
            statement.setInt(next + 4, query.limit() + 1);
        }, QuestDbTradeStore::trade);
        return TradePage.of(query, fetched);
    }

    @Override
    public List<Candle> candles(CandleQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        Set<Commitment> counted = Commitment.atLeast(query.minimumCommitment());
        List<Candle> traded = reader.list(TradeRowEncoder.TABLE, candleQuery(query.interval()), statement -> {
            statement.setString(1, query.token().base58());
            statement.setString(2, query.quote().base58());
            int next = bindCommitments(statement, 3, counted);
            PgWireReader.bindTimestamp(statement, next, query.range().from());
            PgWireReader.bindTimestamp(statement, next + 1, query.range().to());
        }, QuestDbTradeStore::candle);
        Optional<BigDecimal> previousClose = Optional.empty();
        if (query.emptyIntervals() == EmptyIntervals.FILL && !query.range().from().equals(query.range().to())) {
            previousClose = reader.list(TradeRowEncoder.TABLE, "trades.lastPriceBefore", statement -> {
                statement.setString(1, query.token().base58());
                statement.setString(2, query.quote().base58());
                int next = bindCommitments(statement, 3, counted);
                PgWireReader.bindTimestamp(statement, next, query.range().from());
            }, row -> row.getBigDecimal("price")).stream().findFirst();
        }
        return CandleSeries.withEmptyIntervals(traded, query.interval(), query.range(), query.emptyIntervals(), previousClose);
    }

    private static String candleQuery(CandleInterval interval) {
        return "candles." + interval.label();
    }

    /** Binds the commitment levels to count into the four {@code IN} slots (unused slots bind '', which matches none). */
    private static int bindCommitments(PreparedStatement statement, int first, Set<Commitment> levels) throws SQLException {
        List<Commitment> ordered = new ArrayList<>(levels);
        for (int slot = 0; slot < COMMITMENT_SLOTS; slot++) {
            statement.setString(first + slot, slot < ordered.size() ? ordered.get(slot).name() : "");
        }
        return first + COMMITMENT_SLOTS;
    }

    private static Candle candle(ResultSet row) throws SQLException {
        return Candle.traded(PgWireReader.timestamp(row, "ts"), row.getBigDecimal("open"), row.getBigDecimal("high"), row.getBigDecimal("low"),
                row.getBigDecimal("close"), row.getBigDecimal("token_volume").toBigIntegerExact(), row.getBigDecimal("quote_volume").toBigIntegerExact(),
                row.getBigDecimal("notional"), row.getLong("trades"));
    }

    private static Trade trade(ResultSet row) throws SQLException {
        String commitment = row.getString("commitment");
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
                MevStatus.valueOf(row.getString("mev_status")),
                commitment == null ? Commitment.FINALIZED : Commitment.valueOf(commitment));
    }

    static TokenAmount amount(ResultSet row, String column) throws SQLException {
        return TokenAmount.of(row.getBigDecimal(column).toBigIntegerExact());
    }
}
