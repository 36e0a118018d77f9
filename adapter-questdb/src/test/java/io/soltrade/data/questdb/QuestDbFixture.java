package io.soltrade.data.questdb;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import io.soltrade.data.ports.ManagedResource;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;

/**
 * What the integration tests of this module share in one JVM: the QuestDB server (started once) and one
 * injector built from {@link QuestDbModule} the way a host builds it (production stage, explicit bindings
 * only). Tests isolate themselves by fresh keys and time windows.
 */
final class QuestDbFixture {
    private static Injector injector;

    private QuestDbFixture() {}

    static QuestDbServer server() {
        return QuestDbServer.shared();
    }

    static QuestDbSettings settings() {
        QuestDbServer server = server();
        return QuestDbSettings.of(server.ilpConfig(), server.pgUrl(), server.pgUser(), server.pgPassword());
    }

    static synchronized Injector injector() {
        if (injector == null) {
            Injector created = Guice.createInjector(Stage.PRODUCTION, binder -> {
                binder.requireExplicitBindings();
                binder.disableCircularProxies();
            }, new QuestDbModule(settings()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (ManagedResource resource : created.getInstance(Key.get(new TypeLiteral<Set<ManagedResource>>() {}))) {
                    resource.close();
                }
            }, "questdb-fixture-close"));
            injector = created;
        }
        return injector;
    }

    static <T> T instance(Class<T> type) {
        return injector().getInstance(type);
    }

    static Connection connect() throws SQLException {
        QuestDbServer server = server();
        return DriverManager.getConnection(server.pgUrl(), server.pgUser(), server.pgPassword());
    }
}
