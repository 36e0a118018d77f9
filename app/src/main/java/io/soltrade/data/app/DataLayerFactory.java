package io.soltrade.data.app;

import io.micrometer.core.instrument.MeterRegistry;

/** How the commands start a data layer; tests substitute adapter modules (e.g. a memory backend that is down). */
@FunctionalInterface
interface DataLayerFactory {
    DataLayer create(DataLayerConfig config, MeterRegistry meters);
}
