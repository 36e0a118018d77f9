package io.soltrade.data.bench.scenario;

import com.google.inject.Module;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.app.config.Port;

/**
 * A {@link DataLayer} as a host starts it, for one measured backend: every port that backend can serve is put on it,
 * every other port in memory, and the backend is built from the bench's own adapter module (the run's schema or
 * namespace, the bench's pool size) through {@link DataLayer.Builder#module}. The resilience policy is the one the
 * configuration gives (the defaults of {@code reference.conf} unless a profile file changes them). Its undecorated
 * adapter ({@link DataLayer#adapter}) is the "adapter" side, its ports the "data layer" side: one pool, one adapter,
 * so the two differ only by the decorators.
 */
final class BenchDataLayer {

    private BenchDataLayer() {
    }

    static DataLayer start(DataLayerConfig servers, Backend backend, Module adapterModule) {
        DataLayerConfig config = servers;
        for (Port port : Port.values()) {
            config = config.withAdapter(port, port.backends().contains(backend) ? backend : Backend.MEMORY);
        }
        return DataLayer.builder(config).module(backend, adapterModule).start();
    }
}
