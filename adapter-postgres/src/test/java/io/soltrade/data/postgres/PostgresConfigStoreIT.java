package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderRuleStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TakeProfit;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TrailingStop;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgresConfigStore against the real server, beyond what the ConfigStore contract kit checks. */
class PostgresConfigStoreIT {
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

    private static List<AuditEntry> audit(String type, String id) {
        return store.auditTrail(type, id, 100);
    }

    @Test
    void tokensRoundTripWithTheirExtensions() {
        TokenMetadata spl = SampleValues.splToken();
        TokenMetadata token2022 = SampleValues.token2022();

        store.upsertToken(spl, SampleValues.ACTOR);
        store.upsertToken(token2022, SampleValues.ACTOR);

        assertThat(store.findToken(spl.mint())).contains(spl);
        assertThat(store.findToken(token2022.mint())).contains(token2022);
        assertThat(store.findToken(SampleValues.pubkey())).isEmpty();
        assertThat(store.findTokensWithExtension(ExtensionType.TRANSFER_FEE_CONFIG, 10_000)).contains(token2022).doesNotContain(spl);
        assertThat(store.findTokensWithExtension(ExtensionType.UNKNOWN, 10_000)).contains(token2022);
    }

    @Test
    void upsertingATokenReplacesItAndAuditsBeforeAndAfter() {
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
    void traderConfigIsVersionedAndAStaleWriteIsAConflict() {
        TraderConfig created = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR);
        assertThat(created.version()).isEqualTo(1);
        assertThat(store.findTraderConfig(created.trader())).contains(created);

        TraderConfig updated = store.saveTraderConfig(created.withLimits(new RiskLimits(TokenAmount.of(1), TokenAmount.ZERO, 0, 0)), SampleValues.ACTOR);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(store.findTraderConfig(created.trader())).contains(updated);
        assertConflict(() -> store.saveTraderConfig(created, SampleValues.ACTOR));
        assertConflict(() -> store.saveTraderConfig(created.withVersion(0), SampleValues.ACTOR));
        assertConflict(() -> store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()).withVersion(3), SampleValues.ACTOR));
        assertThat(store.findTraderConfig(created.trader())).contains(updated);
        assertThat(audit("trader_config", created.trader().value())).extracting(AuditEntry::action).containsExactly("update", "create");
    }

    private static void assertConflict(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PermanentDbException.class,
                e -> assertThat(e.kind()).isEqualTo(DbErrorKind.VERSION_CONFLICT));
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
    void orderRulesAreSavedOnceAndListedByStatusAndTrader() {
        TraderId trader = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR).trader();
        TokenMetadata token = SampleValues.splToken();
        store.upsertToken(token, SampleValues.ACTOR);
        OrderRule stop = SampleValues.stopLoss(trader, token.mint());
        OrderRule take = OrderRule.active(UUID.randomUUID(), trader, token.mint(), new TakeProfit(new BigDecimal("150.25")), TokenAmount.MAX, SampleValues.T0.plusSeconds(1));
        OrderRule trailing = OrderRule.active(UUID.randomUUID(), trader, token.mint(), new TrailingStop(250, new BigDecimal("101.000000000000000001")),
                TokenAmount.of(3), SampleValues.T0.plusSeconds(2));

        store.saveOrderRule(stop, SampleValues.ACTOR);
        store.saveOrderRule(take, SampleValues.ACTOR);
        store.saveOrderRule(trailing, SampleValues.ACTOR);
        store.saveOrderRule(stop, SampleValues.ACTOR); // the same rule again: no-op
        store.cancel(take.id(), SampleValues.T0.plusSeconds(5), SampleValues.ACTOR);

        assertThat(store.findOrderRule(trailing.id())).contains(trailing);
        assertThat(store.activeRules(token.mint())).containsExactly(stop, trailing);
        assertThat(store.rulesOf(trader, 10)).extracting(OrderRule::id).containsExactly(stop.id(), take.id(), trailing.id());
        assertThat(store.rulesOf(trader, 1)).extracting(OrderRule::id).containsExactly(stop.id());
        assertThat(audit("order_rule", stop.id().toString())).hasSize(1);
    }

    @Test
    void aDifferentRuleUnderAStoredIdOrForAnUnknownTraderOrTokenIsAConstraintError() {
        TraderId trader = store.saveTraderConfig(SampleValues.traderConfig(SampleValues.trader()), SampleValues.ACTOR).trader();
        TokenMetadata token = SampleValues.splToken();
        store.upsertToken(token, SampleValues.ACTOR);
        OrderRule rule = SampleValues.stopLoss(trader, token.mint());
        store.saveOrderRule(rule, SampleValues.ACTOR);

        OrderRule sameIdOtherQuantity = new OrderRule(rule.id(), trader, token.mint(), rule.trigger(), TokenAmount.of(1), rule.status(), rule.createdAt(), rule.closedAt());
        assertConstraint(() -> store.saveOrderRule(sameIdOtherQuantity, SampleValues.ACTOR));
        assertConstraint(() -> store.saveOrderRule(SampleValues.stopLoss(SampleValues.trader(), token.mint()), SampleValues.ACTOR));
        assertConstraint(() -> store.saveOrderRule(SampleValues.stopLoss(trader, SampleValues.pubkey()), SampleValues.ACTOR));
        assertThat(store.findOrderRule(rule.id())).contains(rule);
    }

    private static void assertConstraint(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PermanentDbException.class,
                e -> assertThat(e.kind()).isEqualTo(DbErrorKind.CONSTRAINT));
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

    @Test
    void triggeringAnUnknownRuleIsNotFound() {
        assertThatThrownBy(() -> store.trigger(UUID.randomUUID(), SampleValues.T0, SampleValues.ACTOR))
                .isInstanceOfSatisfying(PermanentDbException.class, e -> assertThat(e.kind()).isEqualTo(DbErrorKind.NOT_FOUND));
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
    void nodeHealthKeepsTheLatestCheckAndTheHistory() {
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
    void aUnitOfWorkThatThrowsLeavesNothingBehind() {
        TokenMetadata token = SampleValues.splToken();
        TraderConfig config = SampleValues.traderConfig(SampleValues.trader());

        assertThatThrownBy(() -> store.inTransaction(ops -> {
            ops.upsertToken(token, SampleValues.ACTOR);
            ops.saveTraderConfig(config, SampleValues.ACTOR);
            ops.saveOrderRule(SampleValues.stopLoss(config.trader(), token.mint()), SampleValues.ACTOR);
            throw new IllegalStateException("changed my mind");
        })).isInstanceOfSatisfying(PermanentDbException.class, e -> {
            assertThat(e.kind()).isEqualTo(DbErrorKind.QUERY);
            assertThat(e).hasRootCauseMessage("changed my mind");
        });

        assertThat(store.findToken(token.mint())).isEmpty();
        assertThat(store.findTraderConfig(config.trader())).isEmpty();
        assertThat(audit("token", token.mint().base58())).isEmpty();
        assertThat(audit("trader_config", config.trader().value())).isEmpty();
    }

    @Test
    void aUnitOfWorkCommitsEverythingWithItsAuditEntriesAndPassesDbExceptionsUnchanged() {
        TokenMetadata token = SampleValues.splToken();
        TraderConfig config = SampleValues.traderConfig(SampleValues.trader());

        OrderRule rule = store.inTransaction(ops -> {
            ops.upsertToken(token, SampleValues.ACTOR);
            TraderConfig stored = ops.saveTraderConfig(config, SampleValues.ACTOR);
            OrderRule stop = SampleValues.stopLoss(stored.trader(), token.mint());
            ops.saveOrderRule(stop, SampleValues.ACTOR);
            assertThat(ops.activeRules(token.mint())).containsExactly(stop); // reads see the unit's own writes
            return stop;
        });

        assertThat(store.activeRules(token.mint())).containsExactly(rule);
        assertThat(audit("order_rule", rule.id().toString())).hasSize(1);
        assertThat(audit("token", token.mint().base58())).hasSize(1);
        DbException conflict = DbException.of(DbErrorKind.VERSION_CONFLICT, "postgres", "mine");
        assertThatThrownBy(() -> store.inTransaction(ops -> {
            throw conflict;
        })).isSameAs(conflict);
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
    void badInputFailsBeforeAnyIo() {
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
