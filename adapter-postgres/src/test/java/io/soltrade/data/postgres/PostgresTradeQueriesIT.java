package io.soltrade.data.postgres;

import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.TradeQueriesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Trader pages (keyset on trades_by_trader), candles aggregated by the server, commitment updates, on PostgreSQL. */
class PostgresTradeQueriesIT extends TradeQueriesContract {
    private static AdapterOnFreshSchema adapter;

    @BeforeAll
    static void start() {
        adapter = AdapterOnFreshSchema.start(4);
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Override
    protected TradeStore tradeStore() {
        return adapter.tradeStore;
    }
}
