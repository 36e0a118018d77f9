package io.soltrade.data.reliability.badinput;

import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.reliability.support.RunningAdapter;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The bad-input suite on the QuestDB adapter (ILP writes, PG wire reads), on the JVM's shared QuestDB server. */
class QuestDbBadInputIT {
    private static RunningAdapter adapter;

    @BeforeContainer
    static void start() {
        QuestDbServer server = QuestDbServer.shared();
        adapter = RunningAdapter.start(new QuestDbModule(QuestDbSettings.of(server.ilpConfig(), server.pgUrl(), server.pgUser(), server.pgPassword())));
    }

    @AfterContainer
    static void stop() {
        adapter.close();
    }

    @Group
    class Trades extends TradeStoreBadInput {
        @Override
        protected TradeStore port() {
            return adapter.port(TradeStore.class);
        }
    }

    @Group
    class Positions extends PositionStoreBadInput {
        @Override
        protected PositionStore port() {
            return adapter.port(PositionStore.class);
        }
    }

    @Group
    class Metrics extends MetricsStoreBadInput {
        @Override
        protected MetricsStore port() {
            return adapter.port(MetricsStore.class);
        }
    }

    @Group
    class MevEvents extends MevEventStoreBadInput {
        @Override
        protected MevEventStore port() {
            return adapter.port(MevEventStore.class);
        }
    }
}
