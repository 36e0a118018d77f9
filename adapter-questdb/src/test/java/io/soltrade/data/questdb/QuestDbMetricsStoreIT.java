package io.soltrade.data.questdb;

import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.contract.MetricsStoreContract;

/** The MetricsStore contract on QuestDB. Reads wait for WAL apply by themselves, so awaitVisible stays a no-op. */
class QuestDbMetricsStoreIT extends MetricsStoreContract {

    @Override
    protected MetricsStore metricsStore() {
        return QuestDbFixture.instance(MetricsStore.class);
    }
}
