package io.soltrade.data.questdb;

import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.TradeQueriesContract;

/** Trader pages, candles (SAMPLE BY), commitment updates and one row per id, on QuestDB. */
class QuestDbTradeQueriesIT extends TradeQueriesContract {

    @Override
    protected TradeStore tradeStore() {
        return QuestDbFixture.instance(TradeStore.class);
    }
}
