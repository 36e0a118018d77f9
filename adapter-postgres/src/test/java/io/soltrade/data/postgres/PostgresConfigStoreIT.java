package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.contract.ConfigStoreContract;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgresConfigStore against the real server: the ConfigStore contract kit, plus what only this adapter
 * promises (many racers on a small pool, indexes the queries can use, no connection spent on bad input).
 */
class PostgresConfigStoreIT extends ConfigStoreContract {
    private static final int CALLERS = 32;
    private static AdapterOnFreshSchema adapter;
    private static PostgresConfigStore store;

    @BeforeAll
    static void start() {
        adapter = AdapterOnFreshSchema.start(8);
        store = adapter.configStore;
    }

    @AfterAll
    static void stop() {
        adapter.close();
    }

    @Override
    protected ConfigStore configStore() {
        return store;
    }

    private static List<AuditEntry> audit(String type, String id) {
        return store.auditTrail(type, id, 100);
    }

    @Test
    void anUnchangedUpsertChangesNothingAndIsNotAudited() {
        TokenMetadata first = SampleValues.splToken();
        TokenMetadata renamed = new TokenMetadata(first.mint(), first.symbol(), "Renamed", first.decimals(), first.program(), List.of());

        store.upsertToken(first, SampleValues.ACTOR);
        store.upsertToken(renamed, SampleValues.ACTOR);
        store.upsertToken(renamed, SampleValues.ACTOR); // unchanged: nothing to audit

        assertThat(store.findToken(first.mint())).contains(renamed);
        List<AuditEntry> trail = audit("token", first.mint().base58());
        assertThat(trail).extracting(AuditEntry::action).containsExactly("update", "create");
        assertThat(trail.get(0).beforeJson()).hasValueSatisfying(json -> assertThat(json).contains("\"name\": \"USD Coin\""));
        assertThat(trail.get(0).afterJson()).hasValueSatisfying(json -> assertThat(json).contains("\"name\": \"Renamed\""));
        assertThat(trail.get(1).beforeJson()).isEmpty();
        assertThat(trail).allMatch(entry -> entry.actor().equals(SampleValues.ACTOR));
    }

    @Test
    void ofManyConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        TraderConfig created = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);

        List<Optional<TraderConfig>> outcomes = concurrently(i -> () -> {
            try {
                return Optional.of(store.saveTraderConfig(created.withLimits(new RiskLimits(TokenAmount.of(i), TokenAmount.ZERO, 1, 1)), SampleValues.ACTOR));
            } catch (DbException e) {
                assertThat(e.kind()).isEqualTo(DbErrorKind.VERSION_CONFLICT);
                return Optional.empty();
            }
        });

        List<TraderConfig> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(store.findTraderConfig(created.trader())).contains(winners.get(0));
        assertThat(audit("trader_config", created.trader().value())).hasSize(2);
    }

    @Test
    void ofManyConcurrentTriggersExactlyOneFires() throws Exception {
        OrderRule rule = storedRule();
        Instant at = SampleValues.T0.plusSeconds(60);

        List<Optional<OrderRule>> outcomes = concurrently(i -> () -> store.trigger(rule.id(), at, SampleValues.ACTOR));

        assertThat(outcomes.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(outcomes.stream().flatMap(Optional::stream).findFirst()).contains(rule.triggered(at));
        assertThat(store.findOrderRule(rule.id())).contains(rule.triggered(at));
        assertThat(store.cancel(rule.id(), at, SampleValues.ACTOR)).isEmpty();
        assertThat(audit("order_rule", rule.id().toString())).extracting(AuditEntry::action).containsExactly("trigger", "create");
        assertThat(store.activeRules(rule.token())).isEmpty();
    }

    private static OrderRule storedRule() {
        TraderId trader = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR).trader();
        TokenMetadata token = SampleValues.splToken();
        store.upsertToken(token, SampleValues.ACTOR);
        OrderRule rule = SampleValues.stopLoss(trader, token.mint());
        store.saveOrderRule(rule, SampleValues.ACTOR);
        return rule;
    }

    @Test
    void aLateCheckGoesToHistoryWithoutTurningTheCurrentStateBack() {
        String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
        NodeHealth first = SampleValues.nodeHealth(node, SampleValues.T0);
        NodeHealth second = SampleValues.nodeHealth(node, SampleValues.T0.plusSeconds(10));
        NodeHealth late = SampleValues.nodeHealth(node, SampleValues.T0.plusSeconds(5));

        store.recordNodeHealth(first);
        store.recordNodeHealth(second);
        store.recordNodeHealth(late);
        store.recordNodeHealth(late);

        assertThat(store.findNodeHealth(node)).contains(second);
        assertThat(store.allNodeHealth()).contains(second).doesNotContain(first, late);
        assertThat(store.nodeHealthHistory(node, TimeRange.of(SampleValues.T0, SampleValues.T0.plusSeconds(10)), 100)).containsExactly(first, late);
        assertThat(store.nodeHealthHistory(node, TimeRange.of(SampleValues.T0, SampleValues.T0.plusSeconds(11)), 2)).containsExactly(first, late);
        assertThat(store.findNodeHealth("node-unknown")).isEmpty();
    }

    @Test
    void operationsCannotBeUsedAfterTheirUnitOfWork() {
        AtomicReference<ConfigOperations> leaked = new AtomicReference<>();
        store.inTransaction(ops -> {
            leaked.set(ops);
            return null;
        });

        assertThatThrownBy(() -> leaked.get().findToken(SampleValues.pubkey()))
                .isInstanceOfSatisfying(PermanentDbException.class, e -> assertThat(e.kind()).isEqualTo(DbErrorKind.CLOSED));
    }

    @Test
    void badInputBorrowsNoConnection() {
        assertInvalid(() -> store.upsertToken(null, SampleValues.ACTOR));
        assertInvalid(() -> store.upsertToken(SampleValues.splToken(), null));
        assertInvalid(() -> store.findTokensWithExtension(ExtensionType.UNKNOWN, 0));
        assertInvalid(() -> store.saveTraderConfig(null, SampleValues.ACTOR));
        assertInvalid(() -> store.trigger(UUID.randomUUID(), null, SampleValues.ACTOR));
        assertInvalid(() -> store.trigger(UUID.randomUUID(), Instant.parse("1969-12-31T23:59:59Z"), SampleValues.ACTOR));
        assertInvalid(() -> store.rulesOf(SampleValues.trader(), 10_001));
        assertInvalid(() -> store.auditTrail(null, "x", 1));
        assertInvalid(() -> store.inTransaction(null));
        assertThat(adapter.pool.stats().getActiveConnections()).isZero();
    }

    @Test
    void theTraderConfigReadRunsOnTheConfiguredSchemaWithTheTraderBound() {
        String sql = new TraderConfigRead(adapter.transactions.renderer()).sql();

        assertThat(sql).contains("\"" + adapter.settings.schema() + "\".\"trader_config\"").endsWith("= ?").doesNotContain("created_at");
    }

    @Test
    void aStoredConfigTheDomainRefusesIsAnEncodingErrorNamingTheTrader() {
        TraderConfig created = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);
        adapter.transactions.inTransaction("corrupt the settings", scope -> scope.dsl().execute(DSL.query(
                "UPDATE trader_config SET settings = '{\"nested\": {\"not\": \"a string\"}}'::jsonb WHERE trader_id = ?",
                created.trader().value())));

        assertThatThrownBy(() -> store.findTraderConfig(created.trader())).isInstanceOfSatisfying(DbException.class, e -> {
            assertThat(e.kind()).isEqualTo(DbErrorKind.ENCODING);
            assertThat(e.getMessage()).contains(created.trader().value());
        });
        assertThat(adapter.pool.stats().getActiveConnections()).isZero();
    }

    @Test
    void theActiveRulesQueryUsesThePartialIndexEvenAsAGenericPlan() {
        List<String> plan = planOf(dsl -> OrderRuleRows.activeOnQuery(dsl, SampleValues.pubkey()));

        assertThat(String.join("\n", plan)).contains("order_rules_active_by_token");
    }

    @Test
    void theExtensionQueryUsesTheGinIndex() {
        List<String> plan = planOf(dsl -> TokenRows.withExtensionQuery(dsl, ExtensionType.TRANSFER_FEE_CONFIG, 10));

        assertThat(String.join("\n", plan)).contains("tokens_extensions_gin");
    }

    /** EXPLAIN of the query as a generic plan (bind values unknown), with sequential scans priced out. */
    private static List<String> planOf(java.util.function.Function<DSLContext, org.jooq.Query> query) {
        return adapter.transactions.inTransaction("explain", scope -> {
            DSLContext dsl = scope.dsl();
            dsl.execute(DSL.query("SET LOCAL enable_seqscan = off"));
            dsl.execute(DSL.query("SET LOCAL plan_cache_mode = force_generic_plan"));
            return dsl.explain(query.apply(dsl)).plan().lines().toList();
        });
    }

    private static void assertInvalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PermanentDbException.class,
                e -> assertThat(e.kind()).isEqualTo(DbErrorKind.INVALID_INPUT));
    }

    /** Runs {@value #CALLERS} calls at once (released together by a latch) and returns their results. */
    private static <T> List<T> concurrently(java.util.function.IntFunction<Callable<T>> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = IntStream.range(0, CALLERS).mapToObj(i -> threads.submit(() -> {
                go.await();
                return call.apply(i).call();
            })).toList();
            go.countDown();
            List<T> results = new java.util.ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
