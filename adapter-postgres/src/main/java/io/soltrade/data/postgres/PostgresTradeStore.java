package io.soltrade.data.postgres;

import io.soltrade.data.domain.Candle;
import io.soltrade.data.domain.CandleSeries;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.EmptyIntervals;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.CandleQuery;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradePage;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.ports.TradeStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link TradeStore} on PostgreSQL. {@link #batchSave} is one transaction, so a batch lands whole or not at all,
 * and it is idempotent, so a retried batch (after a timeout whose commit did happen) adds nothing:
 * <ol>
 *   <li>COPY straight into {@code trades} inside a savepoint: the usual batch, all new trades, goes in at raw
 *       COPY speed;</li>
 *   <li>if that hits a stored id (23505), roll back to the savepoint, COPY into a session-local staging table and
 *       move the rows with {@code INSERT ... SELECT ... ON CONFLICT (trade_id) DO NOTHING}.</li>
 * </ol>
 *
 * <p>Thread-safe; every call borrows its own connection.
 */
public final class PostgresTradeStore implements TradeStore {
    private static final String BACKEND = PostgresErrorTranslator.BACKEND;
    private static final int COPY_BUFFER_BYTES = 256 * 1024;
    private static final String UNIQUE_VIOLATION = "23505";

    private final PostgresTransactions transactions;
    private final AsyncWrites asyncWrites;

    PostgresTradeStore(PostgresTransactions transactions, AsyncWrites asyncWrites) {
        this.transactions = transactions;
        this.asyncWrites = asyncWrites;
    }

    @Override
    public void save(Trade trade) {
        PortInput.notNull(trade, "trade", BACKEND);
        transactions.autoCommit("save of trade " + trade.id(), scope -> {
            TradeRows.insertIfAbsent(scope.dsl(), trade);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> saveAsync(Trade trade) {
        PortInput.notNull(trade, "trade", BACKEND);
        return asyncWrites.submit(() -> save(trade));
    }

    @Override
    public void batchSave(List<Trade> trades) {
        PortInput.batch(trades, "trades", BACKEND);
        if (trades.isEmpty()) {
            return;
        }
        transactions.inTransaction("batchSave of " + trades.size() + " trades", scope -> {
            Connection connection = scope.connection();
            if (copyStraightIn(connection, trades)) {
                return null;
            }
            TradeRows.createStaging(scope.dsl());
            copy(connection, TradeRows.COPY_INTO_STAGING, trades);
            TradeRows.insertStaged(scope.dsl());
            return null;
        });
    }

    /**
     * The fast path for the usual batch, whose trades are all new: COPY straight into {@code trades}, as a raw
     * client would, inside a savepoint. If a trade is stored already (23505: a retried batch, or a duplicate
     * inside the batch) the savepoint is rolled back and the caller takes the staging path, which skips them.
     */
    private static boolean copyStraightIn(Connection connection, List<Trade> trades) throws SQLException {
        Savepoint beforeCopy = connection.setSavepoint();
        try {
            copy(connection, TradeRows.COPY_INTO_TRADES, trades);
            connection.releaseSavepoint(beforeCopy);
            return true;
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(beforeCopy);
            return false;
        }
    }

    private static void copy(Connection connection, String copyStatement, List<Trade> trades) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
        try {
            CopyTextBuffer rows = new CopyTextBuffer(COPY_BUFFER_BYTES, copy::writeToCopy);
            for (Trade trade : trades) {
                TradeCopyEncoder.encode(trade, rows);
            }
            rows.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // the connection is broken; the transaction rolls back with it
                }
            }
        }
    }

    @Override
    public Optional<Trade> findById(TradeId id) {
        PortInput.notNull(id, "id", BACKEND);
        return transactions.autoCommit("findById " + id, scope -> TradeRows.find(scope.dsl(), id));
    }

    @Override
    public List<Trade> findByToken(Pubkey token, int limit) {
        PortInput.notNull(token, "token", BACKEND);
        PortInput.limit(limit, BACKEND);
        return transactions.autoCommit("findByToken " + token, scope -> TradeRows.newestOf(scope.dsl(), token, limit));
    }

    @Override
    public List<Trade> findBetween(TimeRange range, int limit) {
        PortInput.notNull(range, "range", BACKEND);
        PortInput.limit(limit, BACKEND);
        return transactions.autoCommit("findBetween " + range, scope -> TradeRows.between(scope.dsl(), range, limit));
    }

    @Override
    public TradePage findByTrader(TradeQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        return transactions.autoCommit("findByTrader " + query.trader(), scope -> TradePage.of(query, TradeRows.pageOf(scope.dsl(), query)));
    }

    @Override
    public List<Candle> candles(CandleQuery query) {
        PortInput.notNull(query, "query", BACKEND);
        return transactions.autoCommit("candles of " + query.token(), scope -> {
            List<Candle> traded = TradeRows.candles(scope.dsl(), query);
            Optional<BigDecimal> previousClose = query.emptyIntervals() == EmptyIntervals.FILL && !query.range().from().equals(query.range().to())
                    ? TradeRows.lastPriceBefore(scope.dsl(), query)
                    : Optional.empty();
            return CandleSeries.withEmptyIntervals(traded, query.interval(), query.range(), query.emptyIntervals(), previousClose);
        });
    }

    /** Locks the row, applies the observation in Java (the domain's rules), writes the new level: one transaction. */
    @Override
    public Trade updateCommitment(TradeId id, Commitment commitment) {
        PortInput.notNull(id, "id", BACKEND);
        PortInput.notNull(commitment, "commitment", BACKEND);
        return transactions.inTransaction("updateCommitment of trade " + id, scope -> {
            Trade stored = TradeRows.findForUpdate(scope.dsl(), id)
                    .orElseThrow(() -> DbException.of(DbErrorKind.NOT_FOUND, BACKEND, "no trade " + id));
            Trade advanced;
            try {
                advanced = stored.advancedTo(commitment);
            } catch (DomainValidationException e) {
                throw DbException.of(DbErrorKind.CONSTRAINT, BACKEND, "trade " + id + ": " + e.getMessage());
            }
            if (advanced != stored) {
                TradeRows.updateCommitment(scope.dsl(), advanced);
            }
            return advanced;
        });
    }
}
