package io.soltrade.data.app;

import static io.soltrade.data.ports.PortOperation.METRICS_STORE_RECORD;
import static io.soltrade.data.ports.PortOperation.METRICS_STORE_RECORD_ASYNC;
import static io.soltrade.data.ports.PortOperation.METRICS_STORE_RECORD_BATCH;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_BATCH_SAVE;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_SAVE;
import static io.soltrade.data.ports.PortOperation.MEV_EVENT_STORE_SAVE_ASYNC;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_BATCH_SAVE;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_SAVE;
import static io.soltrade.data.ports.PortOperation.POSITION_STORE_SAVE_ASYNC;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_BATCH_SAVE;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_SAVE;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_SAVE_ASYNC;
import static io.soltrade.data.ports.PortOperation.TRADE_STORE_UPDATE_COMMITMENT;

import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.resilience.AdapterRetries;
import io.soltrade.data.ports.PortOperation;
import io.soltrade.data.questdb.QuestDbSettings;
import java.util.EnumSet;
import java.util.Set;

/**
 * What each started backend's adapter retries by itself, read from the settings it was started with: the QuestDB
 * batch writer retries every write it carries (trades, with their commitment updates, positions, metrics, MEV events)
 * until its retry deadline and publishes the longest a write takes ({@link QuestDbSettings#writeTimeLimit()}). The
 * other adapters leave retries to the decorators (the Redis adapter's one retry on a fresh connection after a stale
 * one is part of a single call and bounded by its socket timeout).
 */
final class SelfRetriedOperations {
    /** The QuestDB adapter's writes, each of which goes through its batch writer. */
    static final Set<PortOperation> QUESTDB_WRITES = Set.copyOf(EnumSet.of(
            TRADE_STORE_SAVE, TRADE_STORE_SAVE_ASYNC, TRADE_STORE_BATCH_SAVE, TRADE_STORE_UPDATE_COMMITMENT,
            POSITION_STORE_SAVE, POSITION_STORE_SAVE_ASYNC, POSITION_STORE_BATCH_SAVE,
            METRICS_STORE_RECORD, METRICS_STORE_RECORD_ASYNC, METRICS_STORE_RECORD_BATCH,
            MEV_EVENT_STORE_SAVE, MEV_EVENT_STORE_SAVE_ASYNC, MEV_EVENT_STORE_BATCH_SAVE));

    private SelfRetriedOperations() {}

    /** What {@code backend}'s adapter, started in {@code started}, retries by itself. */
    static AdapterRetries of(Backend backend, BackendInjectors started) {
        if (backend == Backend.QUESTDB) {
            return started.binding(backend, QuestDbSettings.class)
                    .map(settings -> new AdapterRetries(QUESTDB_WRITES, settings.writeTimeLimit()))
                    .orElseThrow(() -> new IllegalStateException("the questdb backend's module binds no QuestDbSettings: "
                            + "the writer's deadline, which the decorators must not undercut, is unknown"));
        }
        return AdapterRetries.none();
    }
}
