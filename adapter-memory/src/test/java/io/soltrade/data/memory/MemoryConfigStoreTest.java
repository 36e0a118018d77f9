package io.soltrade.data.memory;

import static io.soltrade.data.ports.contract.ContractAssertions.assertFailsWith;
import static io.soltrade.data.ports.contract.ContractAssertions.assertInvalidInput;
import static io.soltrade.data.ports.contract.ContractFixtures.actor;
import static io.soltrade.data.ports.contract.ContractFixtures.splToken;
import static io.soltrade.data.ports.contract.ContractFixtures.stopLoss;
import static io.soltrade.data.ports.contract.ContractFixtures.traderConfig;
import static io.soltrade.data.ports.contract.ContractFixtures.traderId;
import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigOperations;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.contract.ConfigStoreContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MemoryConfigStoreTest extends ConfigStoreContract {
    private static final Instant NOW = Instant.parse("2031-05-06T07:08:09.123456Z");

    private final MemoryConfigStore store = new MemoryConfigStore(Clock.fixed(NOW, ZoneOffset.UTC));

    @Override
    protected ConfigStore configStore() {
        return store;
    }

    private OrderRule storedRule() {
        TraderConfig config = store.saveTraderConfig(traderConfig(traderId()), actor());
        TokenMetadata token = splToken();
        store.upsertToken(token, actor());
        OrderRule rule = stopLoss(config.trader(), token.mint(), NOW);
        store.saveOrderRule(rule, actor());
        return rule;
    }

    @Test
    void auditEntriesAreStampedByTheInjectedClock() {
        TokenMetadata token = splToken();
        store.upsertToken(token, actor());

        assertThat(store.auditTrail(TOKEN, token.mint().base58(), 10)).extracting(AuditEntry::at).containsExactly(NOW);
    }

    @Test
    void aFailedTriggerLeavesTheRuleActive() {
        OrderRule rule = storedRule();
        store.withFailure(FailurePlan.always(DbErrorKind.LOCK_NOT_AVAILABLE).onWritesOnly());

        assertFailsWith(DbErrorKind.LOCK_NOT_AVAILABLE, () -> store.trigger(rule.id(), NOW, actor()));
        assertThat(store.findOrderRule(rule.id())).contains(rule);
        assertThat(store.auditTrail(ORDER_RULE, rule.id().toString(), 10)).extracting(AuditEntry::action).containsExactly(CREATE);
    }

    @Test
    void badInputIsRejectedBeforeTheFailurePlanIsConsulted() {
        store.withFailure(FailurePlan.alwaysTransient());

        assertInvalidInput(() -> store.saveTraderConfig(null, actor()));
        assertInvalidInput(() -> store.inTransaction(null));
    }

    @Test
    void aSimulatedFailureInsideAUnitAbortsItEvenIfTheWorkCatchesIt() {
        TokenMetadata token = splToken();
        TraderConfig config = traderConfig(traderId());
        // call 1: inTransaction itself, call 2: upsertToken, call 3: saveTraderConfig fails.
        store.withFailure(FailurePlan.everyNthCall(3, DbErrorKind.CONNECTION));

        assertFailsWith(DbErrorKind.CONNECTION, () -> store.inTransaction(operations -> {
            operations.upsertToken(token, actor());
            try {
                operations.saveTraderConfig(config, actor());
            } catch (DbException swallowed) {
                // a careless caller carries on
            }
            return null;
        }));
        store.withFailure(FailurePlan.never());
        assertThat(store.findToken(token.mint())).isEmpty();
        assertThat(store.findTraderConfig(config.trader())).isEmpty();
    }

    @Test
    void operationsUsedAfterTheirUnitAreRefused() {
        AtomicReference<ConfigOperations> leaked = new AtomicReference<>();
        store.inTransaction(operations -> {
            leaked.set(operations);
            return null;
        });

        assertFailsWith(DbErrorKind.CLOSED, () -> leaked.get().findToken(splToken().mint()));
    }

    @Test
    void writingThroughTheStoreInsideAUnitIsRefusedInsteadOfLost() {
        TokenMetadata token = splToken();

        assertFailsWith(DbErrorKind.UNSUPPORTED, () -> store.inTransaction(operations -> {
            store.upsertToken(token, actor());
            return null;
        }));
        assertThat(store.findToken(token.mint())).isEmpty();
    }
}
