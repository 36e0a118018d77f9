package io.soltrade.data.bench.scenario;

import io.questdb.client.Sender;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Both sides of the QuestDB scenarios. Ours: {@link TradeStore} from {@link QuestDbModule}, writing paper trades
 * of the trader {@code bench-<run id>} into {@code trades}, started inside a {@link DataLayer} ({@link BenchDataLayer}:
 * the adapter itself, or behind the decorators). Raw: ILP {@link Sender}s over HTTP (the transport that
 * acknowledges after commit, as ours does) with auto-flush off, into {@code bench_raw_trades}, a table with the
 * same schema that closing drops; and a plain pgjdbc connection for the raw visibility query.
 */
final class QuestDbBench implements AutoCloseable {
    private final QuestDbSettings settings;
    private final String rawSenderConfig;
    private final Connection rawQueries;
    private final List<ManagedInjector> injectors = new ArrayList<>();
    private final DataLayer ours;

    private QuestDbBench(DataLayerConfig servers, QuestDbSettings settings, String rawSenderConfig, Connection rawQueries) {
        this.settings = settings;
        this.rawSenderConfig = rawSenderConfig;
        this.rawQueries = rawQueries;
        this.ours = BenchDataLayer.start(servers, Backend.QUESTDB, new QuestDbModule(settings));
    }

    static QuestDbBench open(ScenarioContext context) throws Exception {
        BenchTargets targets = context.targets();
        BenchTargets.HostPort ilp = targets.questDbIlpAddress();
        BenchTargets.HostPort pg = targets.questDbPgAddress();
        String why = ServerProbe.unreachable("QuestDB ILP/HTTP", ilp.host(), ilp.port())
                .or(() -> ServerProbe.unreachable("QuestDB PG wire", pg.host(), pg.port())).orElse(null);
        if (why != null) {
            throw new ScenarioSkipped(why + "; start one or set SOLTRADE_QUESTDB_ILP and SOLTRADE_QUESTDB_PG_URL");
        }
        String ilpConfig = targets.questDbIlp().strip();
        String rawSenderConfig = (ilpConfig.endsWith(";") ? ilpConfig : ilpConfig + ";") + "auto_flush=off;";
        Properties login = new Properties();
        login.setProperty("user", targets.questDbPgUser());
        login.setProperty("password", targets.questDbPgPassword());
        Connection rawQueries = DriverManager.getConnection(targets.questDbPgUrl(), login);
        try (PreparedStatement statement = rawQueries.prepareStatement(BenchSql.named("questdb.raw-table.create"))) {
            statement.execute();
        } catch (SQLException e) {
            rawQueries.close();
            throw e;
        }
        return new QuestDbBench(context.servers(), QuestDbSettings.of(ilpConfig, targets.questDbPgUrl(), targets.questDbPgUser(), targets.questDbPgPassword()),
                rawSenderConfig, rawQueries);
    }

    /** Our trade store with the default settings: the adapter itself. */
    TradeStore tradeStore() {
        return tradeStore(OursThrough.ADAPTER);
    }

    /** Our trade store with the default settings, the adapter itself or through the data layer's decorators. */
    TradeStore tradeStore(OursThrough through) {
        return through == OursThrough.ADAPTER ? ours.adapter(Backend.QUESTDB, TradeStore.class) : ours.trades();
    }

    /** A trade store of its own, from the default settings changed by {@code change}; closed with this bench. */
    TradeStore tradeStore(UnaryOperator<QuestDbSettings> change) {
        ManagedInjector injector = new ManagedInjector(new QuestDbModule(change.apply(settings)));
        injectors.add(injector);
        return injector.get(TradeStore.class);
    }

    /** A new raw sender (HTTP, auto-flush off); the caller closes it. */
    Sender rawSender() {
        return Sender.fromConfig(rawSenderConfig);
    }

    /** Whether the raw table holds the row with {@code tradeId} yet. Called from one thread at a time. */
    boolean rawRowVisible(String tradeId) throws SQLException {
        try (PreparedStatement query = rawQueries.prepareStatement(BenchSql.named("questdb.raw-visible"))) {
            query.setString(1, tradeId);
            try (ResultSet count = query.executeQuery()) {
                return count.next() && count.getLong(1) > 0;
            }
        }
    }

    /**
     * Waits until QuestDB has applied every transaction of the adapter's {@code trades} table committed before the
     * call (its WAL apply runs behind the commits that acknowledge writes). Called from one thread at a time.
     */
    void awaitTradesApplied(Duration timeout) throws SQLException {
        long committed = tradesWal()[1];
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (tradesWal()[0] < committed) {
            if (System.nanoTime() - giveUp > 0) {
                throw new IllegalStateException("QuestDB did not apply the trades table's transactions up to " + committed + " within " + timeout);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** The trades table's {@code [writerTxn, sequencerTxn]}. */
    private long[] tradesWal() throws SQLException {
        try (PreparedStatement query = rawQueries.prepareStatement(BenchSql.named("questdb.trades-wal"));
             ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("QuestDB has no WAL table 'trades'");
            }
            return new long[] {row.getLong(1), row.getLong(2)};
        }
    }

    @Override
    public void close() throws SQLException {
        RuntimeException failure = null;
        ours.close();
        for (int i = injectors.size() - 1; i >= 0; i--) {
            try {
                injectors.get(i).close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        dropRawTable();
        if (failure != null) {
            throw failure;
        }
    }

    private void dropRawTable() throws SQLException {
        try (PreparedStatement statement = rawQueries.prepareStatement(BenchSql.named("questdb.raw-table.drop"))) {
            statement.execute();
        } finally {
            rawQueries.close();
        }
    }

    @Override
    public String toString() {
        return "questdb bench (" + settings.pgUrl() + ")";
    }
}
