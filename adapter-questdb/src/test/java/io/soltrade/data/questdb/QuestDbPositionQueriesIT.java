package io.soltrade.data.questdb;

import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.contract.PositionQueriesContract;

/** Positions per quote token and P&amp;L per period (from position_days), on QuestDB. */
class QuestDbPositionQueriesIT extends PositionQueriesContract {

    @Override
    protected PositionStore positionStore() {
        return QuestDbFixture.instance(PositionStore.class);
    }
}
