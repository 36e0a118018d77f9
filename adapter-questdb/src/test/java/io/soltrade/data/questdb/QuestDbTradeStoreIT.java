package io.soltrade.data.questdb;

import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.TradeStoreContract;

/** The TradeStore contract on QuestDB. Reads wait for WAL apply by themselves, so awaitVisible stays a no-op. */
class QuestDbTradeStoreIT extends TradeStoreContract {

    @Override
    protected TradeStore tradeStore() {
        return QuestDbFixture.instance(TradeStore.class);
    }
}
