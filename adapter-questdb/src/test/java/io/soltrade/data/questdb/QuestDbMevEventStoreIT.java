package io.soltrade.data.questdb;

import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.contract.MevEventStoreContract;

/** The MevEventStore contract on QuestDB. Reads wait for WAL apply by themselves, so awaitVisible stays a no-op. */
class QuestDbMevEventStoreIT extends MevEventStoreContract {

    @Override
    protected MevEventStore mevEventStore() {
        return QuestDbFixture.instance(MevEventStore.class);
    }
}
