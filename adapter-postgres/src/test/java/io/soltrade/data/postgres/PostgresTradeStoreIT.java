package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PortInput;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.TradeStoreContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jooq.impl.SQLDataType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgresTradeStore against the real server: the TradeStore contract kit, plus batches large enough to stream
 * in several COPY buffers, partly stored batches, and the SQLSTATE of permanent server errors.
 */
class PostgresTradeStoreIT extends TradeStoreContract {
    private static AdapterOnFreshSchema adapter;
    private static PostgresTradeStore store;

    @BeforeAll
    static void start() {
        adapter = AdapterOnFreshSchema.start(4);
        store = adapter.tradeStore;
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Override
    protected TradeStore tradeStore() {
        return store;
    }

    private static List<Trade> trades(Pubkey token, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> i % 2 == 0 ? SampleValues.liveTrade(token, SampleValues.T0.plusMillis(i)) : SampleValues.paperTrade(token, SampleValues.T0.plusMillis(i)))
                .toList();
    }

    /** How many rows hold the trades' tokens: each trade once, and nothing else on those fresh tokens. */
    private static int stored(List<Trade> trades) {
        List<String> tokens = trades.stream().map(trade -> trade.token().base58()).distinct().toList();
        return adapter.transactions.autoCommit("count", scope -> scope.dsl().fetchCount(TRADES, TRADES.TOKEN.in(tokens)));
    }

    @Test
    void aRetriedBatchOfManyCopyBuffersAddsNothing() {
        List<Trade> batch = trades(SampleValues.pubkey(), 5_000); // about 1.5 MB of COPY text: several buffer flushes

        store.batchSave(batch);
        store.batchSave(batch);

        assertThat(stored(batch)).isEqualTo(5_000);
    }

    @Test
    void aBatchOverlappingStoredTradesAddsOnlyTheNewOnes() {
        List<Trade> first = trades(SampleValues.pubkey(), 100);
        List<Trade> second = new ArrayList<>(first.subList(50, 100));
        second.addAll(trades(SampleValues.pubkey(), 50));
        second.add(second.get(0)); // and a duplicate inside the batch itself

        store.batchSave(first);
        store.batchSave(second);

        List<Trade> all = new ArrayList<>(first);
        all.addAll(second.subList(50, 100));
        assertThat(stored(all)).isEqualTo(150);
        assertThat(all).allSatisfy(trade -> assertThat(store.findById(trade.id())).contains(trade));
    }

    @Test
    void aStoredTradeAtTheEndOfALargeBatchUndoesTheFastCopyAndStoresTheRestOnce() {
        Pubkey token = SampleValues.pubkey();
        Trade stored = SampleValues.paperTrade(token, SampleValues.T0);
        store.save(stored);
        List<Trade> batch = new ArrayList<>(trades(token, 3_000));
        batch.add(stored); // COPY straight into trades fails only here, after 3,000 rows went in

        store.batchSave(batch);

        assertThat(stored(batch)).isEqualTo(3_001);
        assertThat(store.findByToken(token, 10_000)).hasSize(3_001).doesNotHaveDuplicates();
    }

    @Test
    void asyncSavesAreDurableWhenTheirFuturesComplete() {
        List<Trade> batch = trades(SampleValues.pubkey(), 200);

        CompletableFuture.allOf(batch.stream().map(store::saveAsync).toArray(CompletableFuture[]::new)).join();

        assertThat(stored(batch)).isEqualTo(200);
    }

    @Test
    void badInputBorrowsNoConnection() {
        Trade trade = SampleValues.paperTrade(SampleValues.pubkey(), SampleValues.T0);
        List<Trade> withNull = new ArrayList<>(List.of(trade));
        withNull.add(null);

        assertInvalid(() -> store.save(null));
        assertInvalid(() -> store.saveAsync(null));
        assertInvalid(() -> store.batchSave(null));
        assertInvalid(() -> store.batchSave(withNull));
        assertInvalid(() -> store.batchSave(Collections.nCopies(PortInput.MAX_BATCH + 1, trade)));
        assertInvalid(() -> store.findById(null));
        assertInvalid(() -> store.findByToken(trade.token(), 0));
        assertInvalid(() -> store.findByToken(trade.token(), PortInput.MAX_LIMIT + 1));
        assertInvalid(() -> store.findBetween(null, 10));
        assertThat(adapter.pool.stats().getActiveConnections()).isZero();
    }

    private static void assertInvalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PermanentDbException.class,
                e -> assertThat(e.kind()).isEqualTo(DbErrorKind.INVALID_INPUT));
    }

    @Test
    void permanentServerErrorsReachTheCallerWithTheirSqlState() {
        Trade trade = SampleValues.liveTrade(SampleValues.pubkey(), SampleValues.T0);
        store.save(trade);
        PostgresTransactions transactions = adapter.transactions;

        assertPermanent(() -> transactions.autoCommit("insert without idempotency", scope -> scope.dsl().insertInto(TRADES)
                .select(scope.dsl().selectFrom(TRADES).where(TRADES.TRADE_ID.eq(trade.id().naturalKey())))
                .execute()), DbErrorKind.QUERY, "428C9"); // the generated column cannot be inserted
        assertPermanent(() -> transactions.autoCommit("insert without idempotency", scope -> scope.dsl().insertInto(TRADES, TradeCopyEncoder.COLUMNS)
                .select(scope.dsl().select(TradeCopyEncoder.COLUMNS).from(TRADES).where(TRADES.TRADE_ID.eq(trade.id().naturalKey())))
                .execute()), DbErrorKind.CONSTRAINT, "23505");
        assertPermanent(() -> transactions.autoCommit("bad text", scope -> scope.dsl().select(DSL.val("twelve").cast(SQLDataType.INTEGER)).fetch()),
                DbErrorKind.QUERY, "22P02");
        assertPermanent(() -> transactions.autoCommit("missing table", scope -> scope.dsl().selectFrom(DSL.table(DSL.name("no_such_table"))).fetch()),
                DbErrorKind.QUERY, "42P01");
        assertThat(store.findById(trade.id())).contains(trade); // and the pool is still fine
    }

    private static void assertPermanent(Runnable call, DbErrorKind kind, String sqlState) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PermanentDbException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.vendorCode()).contains(sqlState);
        });
    }
}
