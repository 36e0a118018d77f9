package io.soltrade.data.questdb;

import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.contract.PositionStoreContract;

/** The PositionStore contract on QuestDB. Reads wait for WAL apply by themselves, so awaitVisible stays a no-op. */
class QuestDbPositionStoreIT extends PositionStoreContract {

    @Override
    protected PositionStore positionStore() {
        return QuestDbFixture.instance(PositionStore.class);
    }
}
