package io.soltrade.data.ports.contract;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.actor;
import static io.soltrade.data.ports.contract.ContractFixtures.micros;
import static io.soltrade.data.ports.contract.ContractFixtures.nodeHealth;
import static io.soltrade.data.ports.contract.ContractFixtures.nodeId;
import static io.soltrade.data.ports.contract.ContractFixtures.pubkey;
import static io.soltrade.data.ports.contract.ContractFixtures.splToken;
import static io.soltrade.data.ports.contract.ContractFixtures.stopLoss;
import static io.soltrade.data.ports.contract.ContractFixtures.takeProfit;
import static io.soltrade.data.ports.contract.ContractFixtures.token2022;
import static io.soltrade.data.ports.contract.ContractFixtures.traderConfig;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static io.soltrade.data.ports.contract.ContractFixtures.trailingStop;
import static io.soltrade.data.ports.contract.ContractFixtures.transferFee;
import static io.soltrade.data.ports.contract.ContractFixtures.unknownExtension;
import static io.soltrade.data.ports.contract.ContractFixtures.window;
import static io.soltrade.data.ports.contract.ContractFixtures.windowStart;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderRuleStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PermanentDbException;
import io.soltrade.data.ports.PortInput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConfigStore} does: tokens, trader configuration with optimistic locking, order rules that
 * trigger exactly once, node health, the audit log and units of work. Extend it and implement
 * {@link #configStore()}. Every test uses fresh mints, trader ids, rule ids and node ids; queries over every
 * row ({@code findTokensWithExtension}, {@code allNodeHealth}) are checked on the rows the test wrote.
 *
 * <p>The audit log names entities and actions as {@link #TOKEN}, {@link #TRADER_CONFIG}, {@link #ORDER_RULE}
 * and {@link #CREATE}, {@link #UPDATE}, {@link #TRIGGER}, {@link #CANCEL}; the entity id is the mint's base58,
 * the trader id, or the rule's UUID.
 */
public abstract class ConfigStoreContract {
    public static final String TOKEN = "token";
    public static final String TRADER_CONFIG = "trader_config";
    public static final String ORDER_RULE = "order_rule";
    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String TRIGGER = "trigger";
    public static final String CANCEL = "cancel";

    private static final int RACERS = 8;

    protected abstract ConfigStore configStore();

    /** A trader with a stored configuration, as an order rule needs. */
    private TraderId configuredTrader() {
        TraderId trader = traderId();
        configStore().saveTraderConfig(traderConfig(trader), actor());
        return trader;
    }

    /** A mint with stored metadata, as an order rule needs. */
    private Pubkey knownToken() {
        TokenMetadata token = splToken();
        configStore().upsertToken(token, actor());
        return token.mint();
    }

    private List<AuditEntry> audit(String entityType, Object entityId) {
        return configStore().auditTrail(entityType, entityId.toString(), PortInput.MAX_LIMIT);
    }

    private static List<String> actions(List<AuditEntry> entries) {
        return entries.stream().map(AuditEntry::action).toList();
    }

    // ---- tokens

    @Test
    void upsertedTokensReadBackWithEveryExtension() {
        TokenMetadata spl = splToken();
        TokenMetadata token2022 = token2022(List.of(transferFee(), unknownExtension(), unknownExtension()));
        configStore().upsertToken(spl, actor());
        configStore().upsertToken(token2022, actor());

        assertThat(configStore().findToken(spl.mint())).contains(spl);
        assertThat(configStore().findToken(token2022.mint())).contains(token2022);
        assertThat(configStore().findToken(pubkey())).isEmpty();
    }

    @Test
    void upsertReplacesAToken() {
        TokenMetadata first = token2022(List.of(transferFee()));
        TokenMetadata second = new TokenMetadata(first.mint(), TokenSymbol.of("RENAMED"), "Renamed", 0, TokenProgram.TOKEN_2022,
                List.of(unknownExtension()));
        configStore().upsertToken(first, actor());
        configStore().upsertToken(second, actor());

        assertThat(configStore().findToken(first.mint())).contains(second);
    }

    @Test
    void findTokensWithExtensionReturnsOnlyTokensWithItOrderedByMint() {
        List<TokenMetadata> withFee = IntStream.range(0, 6).mapToObj(i -> token2022(List.of(transferFee()))).toList();
        TokenMetadata withUnknownOnly = token2022(List.of(unknownExtension()));
        TokenMetadata spl = splToken();
        withFee.forEach(token -> configStore().upsertToken(token, actor()));
        configStore().upsertToken(withUnknownOnly, actor());
        configStore().upsertToken(spl, actor());
        Set<Pubkey> mine = Set.of(withUnknownOnly.mint(), spl.mint());

        List<TokenMetadata> found = configStore().findTokensWithExtension(ExtensionType.TRANSFER_FEE_CONFIG, PortInput.MAX_LIMIT);
        assertThat(found).allMatch(token -> token.has(ExtensionType.TRANSFER_FEE_CONFIG));
        assertThat(found).extracting(TokenMetadata::mint).doesNotContainAnyElementsOf(mine);
        List<TokenMetadata> expected = withFee.stream().sorted(Comparator.comparing(TokenMetadata::mint)).toList();
        assertThat(found.stream().filter(withFee::contains).toList())
                .as("tokens ordered by mint (base58 text in code-point order)").containsExactlyElementsOf(expected);
        assertThat(configStore().findTokensWithExtension(ExtensionType.UNKNOWN, PortInput.MAX_LIMIT)).contains(withUnknownOnly);
        assertThat(configStore().findTokensWithExtension(ExtensionType.TRANSFER_FEE_CONFIG, 1)).hasSize(1);
    }

    @Test
    void tokensBySymbolAreEveryMintSharingItExactlyOrderedByMint() {
        String base = "$" + ContractFixtures.word(10).toUpperCase();
        TokenSymbol symbol = TokenSymbol.of(base);
        List<TokenMetadata> sharing = IntStream.range(0, 3).mapToObj(i -> withSymbol(splToken(), symbol)).toList();
        TokenMetadata otherCase = withSymbol(splToken(), TokenSymbol.of(base.toLowerCase()));
        TokenMetadata longer = withSymbol(token2022(List.of(transferFee())), TokenSymbol.of(base + " "));
        sharing.forEach(token -> configStore().upsertToken(token, actor()));
        configStore().upsertToken(otherCase, actor());
        configStore().upsertToken(longer, actor());

        List<TokenMetadata> expected = sharing.stream().sorted(Comparator.comparing(TokenMetadata::mint)).toList();
        assertThat(configStore().findTokensBySymbol(symbol, 10)).containsExactlyElementsOf(expected);
        assertThat(configStore().findTokensBySymbol(symbol, 2)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(configStore().findTokensBySymbol(otherCase.symbol(), 10)).containsExactly(otherCase);
        assertThat(configStore().findTokensBySymbol(TokenSymbol.of("NONE" + ContractFixtures.word(12)), 10)).isEmpty();
    }

    @Test
    void symbolsAsTheyExistOnChainRoundTripAndAreFoundBySymbol() {
        String unique = ContractFixtures.word(8);
        List<TokenSymbol> symbols = List.of(TokenSymbol.of("$WIF" + unique), TokenSymbol.of("狗狗币" + unique), TokenSymbol.of("🐶 " + unique),
                TokenSymbol.of("TRUMP-MAGA-2024-OFFICIAL-EDITION-" + unique), TokenSymbol.of("a'b\"c%_{}:*" + unique),
                TokenSymbol.of("L".repeat(3_000) + unique));
        for (TokenSymbol symbol : symbols) {
            TokenMetadata token = withSymbol(token2022(List.of()), symbol);
            configStore().upsertToken(token, actor());

            assertThat(configStore().findToken(token.mint())).contains(token);
            assertThat(configStore().findTokensBySymbol(symbol, 10)).containsExactly(token);
        }
    }

    @Test
    void badSymbolQueriesAreRejected() {
        assertInvalidInput(() -> configStore().findTokensBySymbol(null, 10));
        assertInvalidInput(() -> configStore().findTokensBySymbol(TokenSymbol.of("SOL"), 0));
        assertInvalidInput(() -> configStore().findTokensBySymbol(TokenSymbol.of("SOL"), PortInput.MAX_LIMIT + 1));
    }

    private static TokenMetadata withSymbol(TokenMetadata token, TokenSymbol symbol) {
        return new TokenMetadata(token.mint(), symbol, token.name(), token.decimals(), token.program(), token.extensions());
    }

    @Test
    void tokenChangesAreAudited() {
        Actor creator = actor();
        Actor editor = actor();
        TokenMetadata first = splToken();
        TokenMetadata second = new TokenMetadata(first.mint(), first.symbol(), "Changed name", first.decimals(), first.program(), List.of());
        configStore().upsertToken(first, creator);
        configStore().upsertToken(second, editor);

        List<AuditEntry> trail = audit(TOKEN, first.mint());
        assertThat(actions(trail)).containsExactly(UPDATE, CREATE);
        AuditEntry update = trail.get(0);
        AuditEntry create = trail.get(1);
        assertThat(create.actor()).isEqualTo(creator);
        assertThat(create.entityType()).isEqualTo(TOKEN);
        assertThat(create.entityId()).isEqualTo(first.mint().base58());
        assertThat(create.beforeJson()).isEmpty();
        assertThat(create.afterJson()).hasValueSatisfying(json -> assertThat(json).contains(first.mint().base58()));
        assertThat(update.actor()).isEqualTo(editor);
        assertThat(update.beforeJson()).isPresent();
        assertThat(update.afterJson()).hasValueSatisfying(json -> assertThat(json).contains("Changed name"));
        assertThat(update.at()).isAfterOrEqualTo(create.at());
        assertThat(configStore().auditTrail(TOKEN, first.mint().base58(), 1)).containsExactly(update);
    }

    // ---- trader configuration

    @Test
    void creatingATraderConfigStoresVersionOne() {
        TraderConfig config = traderConfig(traderId());
        TraderConfig saved = configStore().saveTraderConfig(config, actor());

        assertThat(saved).isEqualTo(config.withVersion(1));
        assertThat(configStore().findTraderConfig(config.trader())).contains(saved);
        assertThat(configStore().findTraderConfig(traderId())).isEmpty();
    }

    @Test
    void updatingWithTheStoredVersionIncrementsIt() {
        TraderConfig v1 = configStore().saveTraderConfig(traderConfig(traderId()), actor());
        TraderConfig change = v1.withLimits(new RiskLimits(TokenAmount.of(5), TokenAmount.ZERO, 0, 0))
                .withMevProtection(MevProtection.disabled());
        TraderConfig v2 = configStore().saveTraderConfig(change, actor());

        assertThat(v2).isEqualTo(change.withVersion(2));
        assertThat(configStore().findTraderConfig(v1.trader())).contains(v2);
    }

    @Test
    void staleVersionIsAVersionConflictAndChangesNothing() {
        TraderConfig v1 = configStore().saveTraderConfig(traderConfig(traderId()), actor());
        TraderConfig v2 = configStore().saveTraderConfig(v1.withMevProtection(MevProtection.disabled()), actor());
        int auditBefore = audit(TRADER_CONFIG, v1.trader()).size();

        TraderConfig stale = v1.withLimits(new RiskLimits(TokenAmount.ZERO, TokenAmount.ZERO, 1, 1));
        assertFailsWith(DbErrorKind.VERSION_CONFLICT, () -> configStore().saveTraderConfig(stale, actor()));
        assertThat(configStore().findTraderConfig(v1.trader())).contains(v2);
        assertThat(audit(TRADER_CONFIG, v1.trader())).hasSize(auditBefore);
    }

    @Test
    void creatingAConfigThatExistsIsAVersionConflict() {
        TraderConfig config = traderConfig(traderId());
        TraderConfig saved = configStore().saveTraderConfig(config, actor());

        assertFailsWith(DbErrorKind.VERSION_CONFLICT, () -> configStore().saveTraderConfig(config, actor()));
        assertThat(configStore().findTraderConfig(config.trader())).contains(saved);
    }

    @Test
    void updatingAConfigThatWasNeverStoredIsAVersionConflict() {
        TraderConfig never = traderConfig(traderId()).withVersion(3);

        assertFailsWith(DbErrorKind.VERSION_CONFLICT, () -> configStore().saveTraderConfig(never, actor()));
        assertThat(configStore().findTraderConfig(never.trader())).isEmpty();
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        TraderConfig v1 = configStore().saveTraderConfig(traderConfig(traderId()), actor());
        List<Object> outcomes = Concurrently.call(RACERS, i -> {
            try {
                return configStore().saveTraderConfig(v1.withLimits(new RiskLimits(TokenAmount.of(i + 1), TokenAmount.ZERO, i, i)), actor());
            } catch (DbException e) {
                return e;
            }
        });

        List<TraderConfig> winners = outcomes.stream().filter(TraderConfig.class::isInstance).map(TraderConfig.class::cast).toList();
        assertThat(winners).hasSize(1);
        assertThat(outcomes).filteredOn(DbException.class::isInstance)
                .allSatisfy(e -> assertThat(((DbException) e).kind()).isEqualTo(DbErrorKind.VERSION_CONFLICT))
                .hasSize(RACERS - 1);
        assertThat(configStore().findTraderConfig(v1.trader())).contains(winners.get(0));
        assertThat(winners.get(0).version()).isEqualTo(2);
    }

    @Test
    void traderConfigChangesAreAudited() {
        Actor actor = actor();
        TraderConfig v1 = configStore().saveTraderConfig(traderConfig(traderId()), actor);
        configStore().saveTraderConfig(v1.withMevProtection(MevProtection.disabled()), actor);

        List<AuditEntry> trail = audit(TRADER_CONFIG, v1.trader());
        assertThat(actions(trail)).containsExactly(UPDATE, CREATE);
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo(actor);
            assertThat(entry.entityId()).isEqualTo(v1.trader().value());
            assertThat(entry.afterJson()).hasValueSatisfying(json -> assertThat(json).contains(v1.trader().value()));
        });
        assertThat(trail.get(1).beforeJson()).isEmpty();
        assertThat(trail.get(0).beforeJson()).isPresent();
    }

    // ---- order rules

    @Test
    void savedRulesOfEveryKindReadBack() {
        TraderId trader = configuredTrader();
        Pubkey token = knownToken();
        Instant at = windowStart();
        List<OrderRule> rules = List.of(stopLoss(trader, token, at), takeProfit(trader, token, micros(at, 1)), trailingStop(trader, token, micros(at, 2)));
        rules.forEach(rule -> configStore().saveOrderRule(rule, actor()));

        rules.forEach(rule -> assertThat(configStore().findOrderRule(rule.id())).contains(rule));
        assertThat(configStore().findOrderRule(UUID.randomUUID())).isEmpty();
    }

    @Test
    void savingTheSameRuleTwiceIsANoOp() {
        OrderRule rule = stopLoss(configuredTrader(), knownToken(), windowStart());
        configStore().saveOrderRule(rule, actor());
        configStore().saveOrderRule(rule, actor());

        assertThat(configStore().rulesOf(rule.trader(), 10)).containsExactly(rule);
        assertThat(actions(audit(ORDER_RULE, rule.id()))).containsExactly(CREATE);
    }

    @Test
    void aDifferentRuleUnderAStoredIdIsAConstraintViolation() {
        TraderId trader = configuredTrader();
        Pubkey token = knownToken();
        OrderRule rule = stopLoss(trader, token, windowStart());
        OrderRule other = takeProfit(trader, token, rule.createdAt());
        OrderRule sameId = new OrderRule(rule.id(), trader, token, other.trigger(), other.quantity(), OrderRuleStatus.ACTIVE, rule.createdAt(),
                Optional.empty());
        configStore().saveOrderRule(rule, actor());

        assertFailsWith(DbErrorKind.CONSTRAINT, () -> configStore().saveOrderRule(sameId, actor()));
        assertThat(configStore().findOrderRule(rule.id())).contains(rule);
    }

    @Test
    void aRuleNeedsAConfiguredTraderAndAKnownToken() {
        OrderRule noConfig = stopLoss(traderId(), knownToken(), windowStart());
        OrderRule noToken = stopLoss(configuredTrader(), pubkey(), windowStart());

        assertFailsWith(DbErrorKind.CONSTRAINT, () -> configStore().saveOrderRule(noConfig, actor()));
        assertFailsWith(DbErrorKind.CONSTRAINT, () -> configStore().saveOrderRule(noToken, actor()));
        assertThat(configStore().findOrderRule(noConfig.id())).isEmpty();
        assertThat(configStore().findOrderRule(noToken.id())).isEmpty();
        assertThat(audit(ORDER_RULE, noConfig.id())).isEmpty();
    }

    @Test
    void activeRulesOfATokenAreOldestFirstAndExcludeClosedOnes() {
        TraderId trader = configuredTrader();
        Pubkey token = knownToken();
        Pubkey otherToken = knownToken();
        Instant start = windowStart();
        OrderRule second = takeProfit(trader, token, start.plusSeconds(2));
        OrderRule first = stopLoss(trader, token, start.plusSeconds(1));
        OrderRule triggered = stopLoss(trader, token, start);
        OrderRule cancelled = trailingStop(trader, token, start.plusSeconds(3));
        OrderRule elsewhere = stopLoss(trader, otherToken, start);
        for (OrderRule rule : List.of(second, first, triggered, cancelled, elsewhere)) {
            configStore().saveOrderRule(rule, actor());
        }
        configStore().trigger(triggered.id(), start.plusSeconds(10), actor());
        configStore().cancel(cancelled.id(), start.plusSeconds(10), actor());

        assertThat(configStore().activeRules(token)).containsExactly(first, second);
        assertThat(configStore().activeRules(otherToken)).containsExactly(elsewhere);
        assertThat(configStore().activeRules(pubkey())).isEmpty();
    }

    @Test
    void rulesOfATraderIncludeEveryStatusOldestFirstAndLimited() {
        TraderId trader = configuredTrader();
        Pubkey token = knownToken();
        Instant start = windowStart();
        List<OrderRule> rules = IntStream.range(0, 5).mapToObj(i -> stopLoss(trader, token, start.plusSeconds(i))).toList();
        for (OrderRule rule : List.of(rules.get(3), rules.get(0), rules.get(4), rules.get(2), rules.get(1))) {
            configStore().saveOrderRule(rule, actor());
        }
        Instant closedAt = start.plusSeconds(60);
        OrderRule triggered = configStore().trigger(rules.get(1).id(), closedAt, actor()).orElseThrow();

        List<OrderRule> expected = new ArrayList<>(rules);
        expected.set(1, triggered);
        assertThat(configStore().rulesOf(trader, 100)).containsExactlyElementsOf(expected);
        assertThat(configStore().rulesOf(trader, 2)).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(configStore().rulesOf(trader, PortInput.MAX_LIMIT)).hasSize(5);
        assertThat(configStore().rulesOf(traderId(), 10)).isEmpty();
    }

    @Test
    void triggerClosesAnActiveRuleOnceAndAuditsIt() {
        OrderRule rule = takeProfit(configuredTrader(), knownToken(), windowStart());
        configStore().saveOrderRule(rule, actor());
        Instant at = rule.createdAt().plusSeconds(5).plusNanos(7_000);

        Optional<OrderRule> triggered = configStore().trigger(rule.id(), at, actor());
        assertThat(triggered).contains(rule.triggered(at));
        assertThat(triggered.orElseThrow().closedAt()).contains(at);
        assertThat(configStore().findOrderRule(rule.id())).isEqualTo(triggered);
        assertThat(configStore().trigger(rule.id(), at.plusSeconds(1), actor())).isEmpty();
        assertThat(configStore().cancel(rule.id(), at.plusSeconds(1), actor())).isEmpty();
        assertThat(configStore().findOrderRule(rule.id())).isEqualTo(triggered);
        assertThat(actions(audit(ORDER_RULE, rule.id()))).containsExactly(TRIGGER, CREATE);
    }

    @Test
    void cancelClosesAnActiveRuleOnce() {
        OrderRule rule = stopLoss(configuredTrader(), knownToken(), windowStart());
        configStore().saveOrderRule(rule, actor());
        Instant at = rule.createdAt().plusSeconds(1);

        assertThat(configStore().cancel(rule.id(), at, actor())).contains(rule.cancelled(at));
        assertThat(configStore().trigger(rule.id(), at, actor())).isEmpty();
        assertThat(configStore().findOrderRule(rule.id()).orElseThrow().status()).isEqualTo(OrderRuleStatus.CANCELLED);
        assertThat(actions(audit(ORDER_RULE, rule.id()))).containsExactly(CANCEL, CREATE);
    }

    @Test
    void closingAnUnknownRuleIsNotFound() {
        assertFailsWith(DbErrorKind.NOT_FOUND, () -> configStore().trigger(UUID.randomUUID(), windowStart(), actor()));
        assertFailsWith(DbErrorKind.NOT_FOUND, () -> configStore().cancel(UUID.randomUUID(), windowStart(), actor()));
    }

    @Test
    void concurrentTriggersFireARuleExactlyOnce() throws Exception {
        OrderRule rule = stopLoss(configuredTrader(), knownToken(), windowStart());
        configStore().saveOrderRule(rule, actor());
        Instant at = rule.createdAt().plusSeconds(1);

        List<Optional<OrderRule>> results = Concurrently.call(RACERS, i -> configStore().trigger(rule.id(), at, actor()));
        assertThat(results.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        assertThat(configStore().findOrderRule(rule.id())).contains(rule.triggered(at));
        assertThat(actions(audit(ORDER_RULE, rule.id()))).containsExactly(TRIGGER, CREATE);
    }

    @Test
    void racingTriggerAndCancelCloseARuleExactlyOnce() throws Exception {
        OrderRule rule = stopLoss(configuredTrader(), knownToken(), windowStart());
        configStore().saveOrderRule(rule, actor());
        Instant at = rule.createdAt().plusSeconds(1);

        List<Optional<OrderRule>> results = Concurrently.call(RACERS, i -> i % 2 == 0
                ? configStore().trigger(rule.id(), at, actor())
                : configStore().cancel(rule.id(), at, actor()));
        List<OrderRule> winners = results.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(configStore().findOrderRule(rule.id())).contains(winners.get(0));
        assertThat(audit(ORDER_RULE, rule.id())).hasSize(2);
    }

    // ---- node health

    @Test
    void recordedHealthIsTheNodesCurrentStateAndAppearsAmongAllNodesInIdOrder() {
        List<NodeHealth> checks = IntStream.range(0, 4).mapToObj(i -> nodeHealth(nodeId(), windowStart())).toList();
        checks.forEach(configStore()::recordNodeHealth);

        checks.forEach(check -> assertThat(configStore().findNodeHealth(check.nodeId())).contains(check));
        assertThat(configStore().findNodeHealth(nodeId())).isEmpty();
        Set<String> mine = checks.stream().map(NodeHealth::nodeId).collect(Collectors.toSet());
        List<NodeHealth> all = configStore().allNodeHealth();
        assertThat(all).extracting(NodeHealth::nodeId).doesNotHaveDuplicates();
        assertThat(all.stream().filter(node -> mine.contains(node.nodeId())).toList())
                .containsExactlyElementsOf(checks.stream().sorted(Comparator.comparing(NodeHealth::nodeId)).toList());
    }

    @Test
    void aNewerCheckReplacesTheCurrentStateAndHistoryKeepsEveryCheck() {
        String node = nodeId();
        Instant from = windowStart();
        Instant to = from.plusSeconds(60);
        List<NodeHealth> checks = new ArrayList<>();
        for (Instant at : List.of(micros(from, -1), from, from.plusSeconds(30), micros(to, -1), to)) {
            NodeHealth check = nodeHealth(node, at);
            configStore().recordNodeHealth(check);
            checks.add(check);
        }
        TimeRange range = TimeRange.of(from, to);

        assertThat(configStore().findNodeHealth(node)).contains(checks.get(4));
        assertThat(configStore().allNodeHealth()).filteredOn(health -> health.nodeId().equals(node)).containsExactly(checks.get(4));
        assertThat(configStore().nodeHealthHistory(node, range, 100)).containsExactlyElementsOf(checks.subList(1, 4));
        assertThat(configStore().nodeHealthHistory(node, range, 1)).containsExactly(checks.get(1));
        assertThat(configStore().nodeHealthHistory(node, range, PortInput.MAX_LIMIT)).hasSize(3);
        assertThat(configStore().nodeHealthHistory(nodeId(), range, 100)).isEmpty();
    }

    @Test
    void recordingTheSameCheckTwiceKeepsOneHistoryRow() {
        NodeHealth check = nodeHealth(nodeId(), windowStart());
        configStore().recordNodeHealth(check);
        configStore().recordNodeHealth(check);

        assertThat(configStore().nodeHealthHistory(check.nodeId(), window(check.checkedAt(), Duration.ofSeconds(1)), 10)).containsExactly(check);
    }

    // ---- units of work

    @Test
    void aUnitOfWorkCommitsEveryChangeAndReturnsTheWorksValue() {
        TokenMetadata token = splToken();
        TraderConfig config = traderConfig(traderId());
        OrderRule rule = stopLoss(config.trader(), token.mint(), windowStart());
        Actor actor = actor();

        String result = configStore().inTransaction(operations -> {
            operations.upsertToken(token, actor);
            operations.saveTraderConfig(config, actor);
            operations.saveOrderRule(rule, actor);
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(configStore().findToken(token.mint())).contains(token);
        assertThat(configStore().findTraderConfig(config.trader())).contains(config.withVersion(1));
        assertThat(configStore().findOrderRule(rule.id())).contains(rule);
        assertThat(actions(audit(TOKEN, token.mint()))).containsExactly(CREATE);
        assertThat(actions(audit(TRADER_CONFIG, config.trader()))).containsExactly(CREATE);
        assertThat(actions(audit(ORDER_RULE, rule.id()))).containsExactly(CREATE);
    }

    @Test
    void readsInsideAUnitOfWorkSeeItsOwnWrites() {
        TokenMetadata token = splToken();
        TraderConfig config = traderConfig(traderId());

        TraderConfig updated = configStore().inTransaction(operations -> {
            operations.upsertToken(token, actor());
            assertThat(operations.findToken(token.mint())).contains(token);
            TraderConfig v1 = operations.saveTraderConfig(config, actor());
            assertThat(operations.findTraderConfig(config.trader())).contains(v1);
            return operations.saveTraderConfig(v1.withMevProtection(MevProtection.disabled()), actor());
        });

        assertThat(updated.version()).isEqualTo(2);
        assertThat(configStore().findTraderConfig(config.trader())).contains(updated);
    }

    @Test
    void anExceptionRollsBackEveryChangeOfTheUnitIncludingItsAudit() {
        TokenMetadata token = splToken();
        TraderConfig config = traderConfig(traderId());
        OrderRule rule = stopLoss(config.trader(), token.mint(), windowStart());
        IllegalStateException failure = new IllegalStateException("the caller changed its mind");

        Throwable thrown = catchThrowable(() -> configStore().inTransaction(operations -> {
            operations.upsertToken(token, actor());
            operations.saveTraderConfig(config, actor());
            operations.saveOrderRule(rule, actor());
            throw failure;
        }));

        assertThat(thrown).isInstanceOf(PermanentDbException.class).hasCause(failure);
        assertThat(((DbException) thrown).kind()).isEqualTo(DbErrorKind.QUERY);
        assertThat(configStore().findToken(token.mint())).isEmpty();
        assertThat(configStore().findTraderConfig(config.trader())).isEmpty();
        assertThat(configStore().findOrderRule(rule.id())).isEmpty();
        assertThat(audit(TOKEN, token.mint())).isEmpty();
        assertThat(audit(TRADER_CONFIG, config.trader())).isEmpty();
        assertThat(audit(ORDER_RULE, rule.id())).isEmpty();
    }

    @Test
    void aDbExceptionFromTheWorkReachesTheCallerUnchangedAndRollsBack() {
        TokenMetadata token = splToken();
        DbException failure = DbException.of(DbErrorKind.SERIALIZATION_CONFLICT, "contract", "simulated by the work");

        Throwable thrown = catchThrowable(() -> configStore().inTransaction(operations -> {
            operations.upsertToken(token, actor());
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
        assertThat(configStore().findToken(token.mint())).isEmpty();
    }

    @Test
    void aFailedOperationInsideTheUnitRollsBackTheChangesBeforeIt() {
        TraderConfig v1 = configStore().saveTraderConfig(traderConfig(traderId()), actor());
        TokenMetadata token = splToken();

        assertFailsWith(DbErrorKind.VERSION_CONFLICT, () -> configStore().inTransaction(operations -> {
            operations.upsertToken(token, actor());
            return operations.saveTraderConfig(v1.withVersion(7), actor());
        }));

        assertThat(configStore().findToken(token.mint())).isEmpty();
        assertThat(configStore().findTraderConfig(v1.trader())).contains(v1);
    }

    @Test
    void aRolledBackTriggerLeavesTheRuleActive() {
        OrderRule rule = stopLoss(configuredTrader(), knownToken(), windowStart());
        configStore().saveOrderRule(rule, actor());
        Instant at = rule.createdAt().plusSeconds(1);

        catchThrowable(() -> configStore().inTransaction(operations -> {
            assertThat(operations.trigger(rule.id(), at, actor())).isPresent();
            throw new IllegalStateException("the order could not be sent");
        }));

        assertThat(configStore().findOrderRule(rule.id())).contains(rule);
        assertThat(configStore().activeRules(rule.token())).containsExactly(rule);
        assertThat(configStore().trigger(rule.id(), at, actor())).contains(rule.triggered(at));
    }

    // ---- bad input

    @Test
    void limitsOutsideOneToTenThousandAreRejected() {
        TimeRange range = window(windowStart(), Duration.ofMinutes(1));
        IntStream.of(0, -1, PortInput.MAX_LIMIT + 1).forEach(limit -> {
            assertInvalidInput(() -> configStore().findTokensWithExtension(ExtensionType.TRANSFER_FEE_CONFIG, limit));
            assertInvalidInput(() -> configStore().rulesOf(traderId(), limit));
            assertInvalidInput(() -> configStore().nodeHealthHistory(nodeId(), range, limit));
            assertInvalidInput(() -> configStore().auditTrail(TOKEN, pubkey().base58(), limit));
        });
    }

    @Test
    void nullArgumentsAreRejectedAsInvalidInput() {
        Actor actor = actor();
        Instant at = windowStart();
        TimeRange range = window(at, Duration.ofMinutes(1));
        UUID id = UUID.randomUUID();
        assertInvalidInput(() -> configStore().upsertToken(null, actor));
        assertInvalidInput(() -> configStore().upsertToken(splToken(), null));
        assertInvalidInput(() -> configStore().findToken(null));
        assertInvalidInput(() -> configStore().findTokensWithExtension(null, 10));
        assertInvalidInput(() -> configStore().saveTraderConfig(null, actor));
        assertInvalidInput(() -> configStore().saveTraderConfig(traderConfig(traderId()), null));
        assertInvalidInput(() -> configStore().findTraderConfig(null));
        assertInvalidInput(() -> configStore().saveOrderRule(null, actor));
        assertInvalidInput(() -> configStore().saveOrderRule(stopLoss(traderId(), pubkey(), at), null));
        assertInvalidInput(() -> configStore().findOrderRule(null));
        assertInvalidInput(() -> configStore().activeRules(null));
        assertInvalidInput(() -> configStore().rulesOf(null, 10));
        assertInvalidInput(() -> configStore().trigger(null, at, actor));
        assertInvalidInput(() -> configStore().trigger(id, null, actor));
        assertInvalidInput(() -> configStore().trigger(id, at, null));
        assertInvalidInput(() -> configStore().cancel(null, at, actor));
        assertInvalidInput(() -> configStore().cancel(id, null, actor));
        assertInvalidInput(() -> configStore().cancel(id, at, null));
        assertInvalidInput(() -> configStore().recordNodeHealth(null));
        assertInvalidInput(() -> configStore().findNodeHealth(null));
        assertInvalidInput(() -> configStore().nodeHealthHistory(null, range, 10));
        assertInvalidInput(() -> configStore().nodeHealthHistory(nodeId(), null, 10));
        assertInvalidInput(() -> configStore().auditTrail(null, "x", 10));
        assertInvalidInput(() -> configStore().auditTrail(TOKEN, null, 10));
        assertInvalidInput(() -> configStore().inTransaction(null));
    }

    @Test
    void badInputInsideAUnitOfWorkRollsItBack() {
        TokenMetadata token = splToken();

        assertInvalidInput(() -> configStore().inTransaction(operations -> {
            operations.upsertToken(token, actor());
            operations.saveOrderRule(null, actor());
            return null;
        }));
        assertThat(configStore().findToken(token.mint())).isEmpty();
    }
}
