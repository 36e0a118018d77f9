package io.soltrade.data.reliability.support;

import io.soltrade.data.questdb.testing.QuestDbServer;

/**
 * The QuestDB server the load and fault tests may freeze, kill and restart: a child process of this JVM, started
 * on first use whatever {@code SOLTRADE_QUESTDB_*} says (a fault test needs its pid), shared by those test classes
 * (they run one after the other) and stopped at JVM exit. The bad-input suites use {@link QuestDbServer#shared()}
 * instead, which this one never disturbs.
 */
public final class FaultServers {
    private static QuestDbServer questDb;

    private FaultServers() {}

    public static synchronized QuestDbServer questDb() {
        if (questDb == null) {
            QuestDbServer server = QuestDbServer.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "fault-questdb-stop"));
            questDb = server;
        }
        if (!questDb.isRunning()) {
            questDb.restart(); // a fault test that failed half-way left it killed
        }
        return questDb;
    }
}
