package io.soltrade.data.postgres;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradeStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * {@link TradeStore} on PostgreSQL. {@link #batchSave} streams the batch with COPY into a session-local staging
 * table and moves it into {@code trades} with {@code INSERT ... SELECT ... ON CONFLICT (trade_id) DO NOTHING},
 * all in one transaction: a batch lands whole or not at all, and a retried batch (after a timeout whose commit
 * did happen) adds nothing. COPY is what makes it fast; the staging table is what makes COPY idempotent, since
 * COPY into {@code trades} itself would abort on the first id already stored.
 *
 * <p>Thread-safe; every call borrows its own connection.
 */
public final class PostgresTradeStore implements TradeStore {
    private static final String BACKEND = PostgresErrorTranslator.BACKEND;
    private static final int COPY_BUFFER_BYTES = 256 * 1024;

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
            TradeRows.createStaging(scope.dsl());
            copyIntoStaging(scope.connection(), trades);
            TradeRows.insertStaged(scope.dsl());
            return null;
        });
    }

    private static void copyIntoStaging(Connection connection, List<Trade> trades) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(TradeRows.COPY_INTO_STAGING);
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
}
