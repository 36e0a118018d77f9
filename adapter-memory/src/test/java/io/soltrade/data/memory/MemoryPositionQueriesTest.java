package io.soltrade.data.memory;

import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.contract.PositionQueriesContract;

class MemoryPositionQueriesTest extends PositionQueriesContract {
    private final MemoryPositionStore store = new MemoryPositionStore();

    @Override
    protected PositionStore positionStore() {
        return store;
    }
}
