package io.soltrade.data.reliability.badinput;

import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.reliability.support.RunningAdapter;
import net.jqwik.api.Group;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The bad-input suite on the PostgreSQL adapter, in a fresh schema of the test server. The pool has two
 * connections, so the call after a refusal runs on the same connection as the refused one would have.
 */
class PostgresBadInputIT {
    private static TestingPostgres postgres;
    private static RunningAdapter adapter;

    @BeforeContainer
    static void start() {
        postgres = TestingPostgres.start();
        adapter = RunningAdapter.start(new PostgresModule(postgres.settings(2)));
    }

    @AfterContainer
    static void stop() {
        try {
            adapter.close();
        } finally {
            postgres.close();
        }
    }

    @Group
    class Trades extends TradeStoreBadInput {
        @Override
        protected TradeStore port() {
            return adapter.port(TradeStore.class);
        }
    }

    @Group
    class Config extends ConfigStoreBadInput {
        @Override
        protected ConfigStore port() {
            return adapter.port(ConfigStore.class);
        }
    }
}
