package io.soltrade.data.reliability.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.reliability.support.RunningAdapter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Least privilege on PostgreSQL: the schema is migrated by its owner; the runtime role the stores log in with has
 * DML on the tables (SELECT, INSERT, UPDATE, DELETE), nothing on Liquibase's own tables and no DDL. With it every
 * store works (COPY through the session-local staging table included), while ALTER, CREATE, DROP and TRUNCATE in
 * the schema are refused, and so is a migration on start.
 */
class LeastPrivilegeIT {
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private TestingPostgres postgres;
    private String schema;
    private String role;

    @BeforeEach
    void migrateAsOwnerAndCreateTheRuntimeRole() throws SQLException {
        postgres = TestingPostgres.start();
        schema = postgres.freshSchema();
        try (RunningAdapter owner = RunningAdapter.start(new PostgresModule(postgres.settingsFor(schema, 1)))) {
            owner.port(ConfigStore.class).findToken(ContractFixtures.pubkey());
        }
        role = "soltrade_rt_" + ContractFixtures.word(10);
        administer("CREATE ROLE " + identifier(role) + " LOGIN",
                "GRANT USAGE ON SCHEMA " + identifier(schema) + " TO " + identifier(role),
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + identifier(schema) + " TO " + identifier(role),
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + identifier(schema) + " TO " + identifier(role),
                "REVOKE ALL ON " + identifier(schema) + ".databasechangelog, " + identifier(schema) + ".databasechangeloglock FROM " + identifier(role));
    }

    @AfterEach
    void dropRoleAndSchema() throws SQLException {
        try {
            administer("DROP OWNED BY " + identifier(role), "DROP ROLE " + identifier(role));
        } finally {
            postgres.close();
        }
    }

    @Test
    void theRuntimeRoleRunsEveryStoreButCannotChangeTheSchema() throws SQLException {
        PostgresSettings runtime = PostgresSettings.builder(postgres.url(), role).schema(schema).maxPoolSize(2).migrateOnStart(false).build();
        try (RunningAdapter adapter = RunningAdapter.start(new PostgresModule(runtime))) {
            ConfigStore config = adapter.port(ConfigStore.class);
            TradeStore trades = adapter.port(TradeStore.class);
            Actor actor = Actor.of("runtime");
            OrderRule rule = ContractFixtures.stopLoss(ContractFixtures.traderId(), ContractFixtures.pubkey(), ContractFixtures.now());
            config.inTransaction(ops -> {
                ops.upsertToken(new TokenMetadata(rule.token(), ContractFixtures.symbol(), "runtime", 9, TokenProgram.SPL_TOKEN, List.of()), actor);
                ops.saveTraderConfig(ContractFixtures.traderConfig(rule.trader()), actor);
                ops.saveOrderRule(rule, actor);
                return null;
            });
            assertThat(config.trigger(rule.id(), ContractFixtures.now(), actor)).isPresent();
            NodeHealth health = ContractFixtures.nodeHealth(ContractFixtures.nodeId(), ContractFixtures.now());
            config.recordNodeHealth(health);
            assertThat(config.findNodeHealth(health.nodeId())).contains(health);
            assertThat(config.auditTrail("order_rule", rule.id().toString(), 10)).hasSize(2);

            List<Trade> batch = List.of(ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart()),
                    ContractFixtures.liveTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart()));
            trades.batchSave(batch);
            trades.save(ContractFixtures.paperTrade(ContractFixtures.pubkey(), ContractFixtures.windowStart()));
            assertThat(trades.findById(batch.get(1).id())).contains(batch.get(1));
        }

        try (Connection connection = connectAs(role); Statement statement = connection.createStatement()) {
            for (String ddl : List.of(
                    "ALTER TABLE " + identifier(schema) + ".tokens ADD COLUMN injected integer",
                    "CREATE TABLE " + identifier(schema) + ".injected (id integer)",
                    "DROP TABLE " + identifier(schema) + ".trades",
                    "TRUNCATE " + identifier(schema) + ".audit_log",
                    "CREATE INDEX injected ON " + identifier(schema) + ".trades (slot)",
                    "UPDATE " + identifier(schema) + ".databasechangelog SET md5sum = NULL")) {
                SQLException refused = (SQLException) catchThrowable(() -> statement.execute(ddl));
                assertThat((Throwable) refused).as("%s as the runtime role", ddl).isNotNull();
                assertThat(refused.getSQLState()).as("%s: %s", ddl, refused.getMessage()).isEqualTo("42501");
            }
        }

        PostgresSettings migrating = PostgresSettings.builder(postgres.url(), role).schema(schema).maxPoolSize(1)
                .connectTimeout(Duration.ofSeconds(5)).migrateOnStart(true).build();
        Throwable refused = catchThrowable(() -> RunningAdapter.start(new PostgresModule(migrating)).close());
        assertThat(refused).as("a migration on start as the runtime role").isInstanceOf(DbException.class);
        assertThat(((DbException) refused).vendorCode()).as("%s", refused).contains("42501");
    }

    private void administer(String... statements) throws SQLException {
        try (Connection admin = postgres.connect(); Statement statement = admin.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Connection connectAs(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(postgres.url(), properties);
    }

    /** A role or schema name this test made up, checked so it can be spliced into DDL (which takes no parameters). */
    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return "\"" + name + "\"";
    }
}
