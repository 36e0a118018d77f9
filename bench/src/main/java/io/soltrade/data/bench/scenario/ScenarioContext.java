package io.soltrade.data.bench.scenario;

import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.bench.measure.AlternatingRounds;
import io.soltrade.data.bench.measure.BenchSizing;
import io.soltrade.data.bench.measure.ProgressBar;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What scenarios share in one run: the sizing, the progress bar, the targets, the run's id (in every key, schema
 * and trader id the run writes) and the backends, each opened once on first use and closed at the end of the run
 * in reverse order. A backend that could not be opened is remembered as skipped, so the scenarios after the
 * first do not wait for the same absent server again.
 */
public final class ScenarioContext implements AutoCloseable {
    private final BenchSizing sizing;
    private final ProgressBar progress;
    private final DataLayerConfig servers;
    private final BenchTargets targets;
    private final String runId;
    private final PrintStream log;
    private final BenchTrades trades;
    private final BenchQuotes quotes = new BenchQuotes();
    private final Map<Class<?>, AutoCloseable> opened = new LinkedHashMap<>();
    private final Map<Class<?>, String> unavailable = new LinkedHashMap<>();

    public ScenarioContext(BenchSizing sizing, ProgressBar progress, DataLayerConfig servers, String runId, PrintStream log) {
        this.sizing = sizing;
        this.progress = progress;
        this.servers = servers;
        this.targets = BenchTargets.from(servers);
        this.runId = runId;
        this.log = log;
        this.trades = new BenchTrades(runId);
    }

    BenchSizing sizing() {
        return sizing;
    }

    BenchTargets targets() {
        return targets;
    }

    /** The data-layer configuration the run was given: where the servers are, and the resilience policy. */
    DataLayerConfig servers() {
        return servers;
    }

    /** Lowercase letters and digits, unique per run: safe in a Redis key, a schema name and a trader id. */
    String runId() {
        return runId;
    }

    BenchTrades trades() {
        return trades;
    }

    /**
     * The run's quotes, one sequence of slots for every scenario: the caches keep a quote only if it is newer than
     * the stored one, so a scenario that wrote a symbol after another must continue its slots, not start over.
     */
    BenchQuotes quotes() {
        return quotes;
    }

    AlternatingRounds rounds() {
        return new AlternatingRounds(sizing, progress);
    }

    /** The backend of {@code type}, opened by {@code opener} the first time it is asked for. */
    <B extends AutoCloseable> B backend(Class<B> type, BackendOpener<B> opener) throws Exception {
        AutoCloseable existing = opened.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        String why = unavailable.get(type);
        if (why != null) {
            throw new ScenarioSkipped(why);
        }
        try {
            B backend = opener.open(this);
            opened.put(type, backend);
            return backend;
        } catch (ScenarioSkipped e) {
            unavailable.put(type, e.getMessage());
            throw e;
        }
    }

    @Override
    public void close() {
        List<AutoCloseable> backends = new ArrayList<>(opened.values());
        opened.clear();
        for (int i = backends.size() - 1; i >= 0; i--) {
            try {
                backends.get(i).close();
            } catch (Exception e) {
                log.println("bench: closing " + backends.get(i) + " failed: " + e);
            }
        }
    }

    /** Opens a backend, or throws {@link ScenarioSkipped} saying why it cannot be reached. */
    @FunctionalInterface
    interface BackendOpener<B> {
        B open(ScenarioContext context) throws Exception;
    }
}
