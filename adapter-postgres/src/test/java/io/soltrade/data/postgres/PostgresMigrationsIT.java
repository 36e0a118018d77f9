package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.postgres.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresMigrationsIT {
    private static final int CHANGESETS = 14;
    private static final List<String> TABLES = List.of("audit_log", "databasechangelog", "databasechangeloglock", "node_health",
            "node_health_history", "order_rules", "tokens", "trader_config", "trades");

    private TestingPostgres postgres;
    private PostgresSettings settings;
    private PostgresConnectionPool pool;
    private PostgresMigrations migrations;

    @BeforeEach
    void freshSchema() {
        postgres = TestingPostgres.start();
        settings = postgres.settings(2);
        pool = new PostgresConnectionPool(settings);
        migrations = new PostgresMigrations(pool);
    }

    @AfterEach
    void dropSchema() {
        pool.close();
        postgres.close();
    }

    private <T> T admin(java.util.function.Function<DSLContext, T> query) throws SQLException {
        try (Connection connection = postgres.connect()) {
            return query.apply(DSL.using(connection, SQLDialect.POSTGRES));
        }
    }

    private List<String> tables() throws SQLException {
        return admin(dsl -> dsl.select(DSL.field(DSL.name("table_name"), String.class))
                .from(DSL.table(DSL.name("information_schema", "tables")))
                .where(DSL.field(DSL.name("table_schema")).eq(settings.schema()))
                .orderBy(DSL.field(DSL.name("table_name")))
                .fetch(DSL.field(DSL.name("table_name"), String.class)));
    }

    private int appliedChangesets() throws SQLException {
        return admin(dsl -> dsl.fetchCount(DSL.table(DSL.name(settings.schema(), "databasechangelog"))));
    }

    private boolean indexExists(String index) throws SQLException {
        return admin(dsl -> dsl.fetchExists(DSL.selectOne().from(DSL.table(DSL.name("pg_indexes")))
                .where(DSL.field(DSL.name("schemaname")).eq(settings.schema()))
                .and(DSL.field(DSL.name("indexname")).eq(index))));
    }

    @Test
    void aFreshSchemaGetsEveryTableWithAnalyticsOff() throws SQLException {
        migrations.migrate();

        assertThat(tables()).containsExactlyElementsOf(TABLES);
        assertThat(appliedChangesets()).isEqualTo(CHANGESETS);
        assertThat(System.getProperty("liquibase.analytics.enabled")).isEqualTo("false");
    }

    @Test
    void migratingAgainIsANoOpAndKeepsTheData() throws SQLException {
        migrations.migrate();
        PostgresConfigStore store = new PostgresConfigStore(new PostgresTransactions(pool), java.time.Clock.systemUTC());
        var token = SampleValues.token2022();
        store.upsertToken(token, SampleValues.ACTOR);

        migrations.migrate();

        assertThat(appliedChangesets()).isEqualTo(CHANGESETS);
        assertThat(store.findToken(token.mint())).contains(token);
    }

    @Test
    void theLatestChangesetsRollBackAndReapply() throws SQLException {
        migrations.migrate();
        assertThat(indexExists("tokens_by_symbol")).isTrue();
        assertThat(indexExists("trades_by_trader")).isTrue();

        migrations.rollback(1);

        assertThat(indexExists("tokens_by_symbol")).isFalse();
        assertThat(indexExists("trades_by_trader")).isTrue();
        assertThat(appliedChangesets()).isEqualTo(CHANGESETS - 1);

        migrations.rollback(4);

        assertThat(indexExists("trades_by_trader")).isFalse();
        assertThat(indexExists("trades_by_token")).isFalse();
        assertThat(indexExists("trades_by_time")).isFalse();
        assertThat(appliedChangesets()).isEqualTo(CHANGESETS - 5);

        migrations.migrate();

        assertThat(indexExists("trades_by_token")).isTrue();
        assertThat(indexExists("tokens_by_symbol")).isTrue();
        assertThat(appliedChangesets()).isEqualTo(CHANGESETS);
    }

    @Test
    void everyChangesetRollsBack() throws SQLException {
        migrations.migrate();

        migrations.rollback(CHANGESETS);

        assertThat(tables()).containsExactly("databasechangelog", "databasechangeloglock");
        assertThat(appliedChangesets()).isZero();
        migrations.migrate();
        assertThat(tables()).containsExactlyElementsOf(TABLES);
    }

    @Test
    void twoProcessesMigratingAtOnceBothSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CyclicBarrier start = new CyclicBarrier(2);
        try (PostgresConnectionPool otherProcess = new PostgresConnectionPool(settings)) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                await(start);
                migrations.migrate();
            }, threads);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                await(start);
                new PostgresMigrations(otherProcess).migrate();
            }, threads);

            CompletableFuture.allOf(first, second).get();
        } finally {
            threads.shutdownNow();
        }

        assertThat(appliedChangesets()).isEqualTo(CHANGESETS);
        assertThat(tables()).containsExactlyElementsOf(TABLES);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkConstraintsRejectARowTheDomainWouldRejectEvenWhenWrittenByHand() {
        migrations.migrate();
        PostgresTransactions transactions = new PostgresTransactions(pool);
        var tokens = io.soltrade.data.postgres.schema.Tables.TOKENS;
        var now = Timestamps.toColumn(Instant.now());

        assertThatThrownBy(() -> transactions.autoCommit("hand-written row", scope -> scope.dsl().insertInto(tokens)
                .set(tokens.MINT, SampleValues.pubkey().base58()).set(tokens.SYMBOL, "BAD").set(tokens.NAME, "too many decimals")
                .set(tokens.DECIMALS, (short) 300).set(tokens.PROGRAM, "SPL_TOKEN").set(tokens.CREATED_AT, now).set(tokens.UPDATED_AT, now)
                .execute()))
                .isInstanceOfSatisfying(PermanentDbException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DbErrorKind.CONSTRAINT);
                    assertThat(e.vendorCode()).contains("23514");
                    assertThat(e.getMessage()).contains("tokens_decimals_range");
                });
        assertThatThrownBy(() -> transactions.autoCommit("hand-written row", scope -> scope.dsl().insertInto(tokens)
                .set(tokens.MINT, SampleValues.pubkey().base58()).set(tokens.SYMBOL, "SPL").set(tokens.NAME, "SPL with extensions")
                .set(tokens.DECIMALS, (short) 6).set(tokens.PROGRAM, "SPL_TOKEN")
                .set(tokens.EXTENSIONS, org.jooq.JSONB.valueOf("[{\"type\":\"TRANSFER_FEE_CONFIG\",\"fields\":{}}]"))
                .set(tokens.CREATED_AT, now).set(tokens.UPDATED_AT, now)
                .execute()))
                .hasMessageContaining("tokens_spl_has_no_extensions");
    }

    @Test
    void theAuditLogIsAppendOnlyEvenByHand() {
        migrations.migrate();
        PostgresTransactions transactions = new PostgresTransactions(pool);
        new PostgresConfigStore(transactions, java.time.Clock.systemUTC()).upsertToken(SampleValues.splToken(), SampleValues.ACTOR);
        var audit = io.soltrade.data.postgres.schema.Tables.AUDIT_LOG;

        assertThatThrownBy(() -> transactions.autoCommit("rewrite history", scope -> scope.dsl().update(audit).set(audit.ACTOR, "mallory").execute()))
                .isInstanceOf(PermanentDbException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.autoCommit("erase history", scope -> scope.dsl().deleteFrom(audit).execute()))
                .isInstanceOf(PermanentDbException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.autoCommit("erase history", scope -> scope.dsl().truncate(audit).execute()))
                .isInstanceOf(PermanentDbException.class).hasMessageContaining("append-only");
    }
}
