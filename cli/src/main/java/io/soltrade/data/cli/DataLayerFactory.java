package io.soltrade.data.cli;

import io.micrometer.core.instrument.MeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;

/** How the commands start a data layer; tests substitute adapter modules (e.g. a memory backend that is down). */
@FunctionalInterface
interface DataLayerFactory {
    DataLayer create(DataLayerConfig config, MeterRegistry meters);
}
