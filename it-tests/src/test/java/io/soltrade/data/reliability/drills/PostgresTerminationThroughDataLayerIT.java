package io.soltrade.data.reliability.drills;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.AuditEntry;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderRuleStatus;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.reliability.support.DrillLayer;
import io.soltrade.data.reliability.support.PostgresSessions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data layer's own PostgreSQL sessions (found by their {@code application_name}) terminated with
 * {@code pg_terminate_backend} every 300 ms while callers write through {@link DataLayer}: idempotent writes (COPY
 * batches of trades, token upserts) are retried by the decorators and every one is acknowledged and stored once;
 * non-idempotent ones (rule triggers, node-health records) are never retried after a failure that may have applied
 * (their callers are told), and each is applied at most once, exactly once when acknowledged.
 */
class PostgresTerminationThroughDataLayerIT {
    private static final int CALLERS = 6;
    private static final int ROUNDS = 12;
    private static final int BATCH = 300;
    private static final Actor ACTOR = Actor.of("drill");

    private static TestingPostgres postgres;
    private static String schema;

    @BeforeAll
    static void start() {
        postgres = TestingPostgres.start();
        schema = postgres.freshSchema();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void terminatedSessionsAreRetriedOnlyWhereIdempotentAndNothingIsLostOrDoubled() throws Exception {
        PostgresSettings settings = postgres.settingsFor(schema, 4);
        // The retry budget outlasts a run of terminations: with 10 attempts (about 3 s of backoff) two idempotent calls
        // once met a dead session on every attempt on a quiet machine, where attempts come fast; 20 (the most the config
        // allows) with 1 s between the later ones reach about 16 s.
        try (DataLayer layer = DrillLayer.start("""
                soltrade.adapters { trades = postgres, config = postgres }
                soltrade.postgres { url = "%s", user = "%s", password = "%s", schema = "%s", pool-size = 4, connect-timeout = 5s, pool-timeout = 30s }
                soltrade.resilience.retry { max-attempts = 20, max-backoff = 1s }
                soltrade.resilience.circuit-breaker { failure-rate-threshold = 100, sliding-window-size = 100, minimum-calls = 100 }
                """.formatted(settings.url(), settings.user(), settings.password(), schema));
                PostgresSessions sessions = new PostgresSessions(postgres, settings)) {
            TradeStore trades = layer.trades();
            ConfigStore config = layer.configStore();
            Pubkey token = ContractFixtures.pubkey();
            TraderId trader = ContractFixtures.traderId();
            config.upsertToken(tokenNamed(token, "before"), ACTOR);
            config.saveTraderConfig(ContractFixtures.traderConfig(trader), ACTOR);
            List<OrderRule> rules = new ArrayList<>();
            for (int i = 0; i < CALLERS * ROUNDS; i++) {
                OrderRule rule = ContractFixtures.stopLoss(trader, token, Instant.now().truncatedTo(ChronoUnit.MICROS));
                config.saveOrderRule(rule, ACTOR);
                rules.add(rule);
            }
            Instant windowStart = ContractFixtures.windowStart().truncatedTo(ChronoUnit.MILLIS);

            Map<Integer, List<Trade>> batchesAcknowledged = new ConcurrentHashMap<>();
            Map<Integer, Boolean> triggersAcknowledged = new ConcurrentHashMap<>();
            Map<Integer, Boolean> recordsAcknowledged = new ConcurrentHashMap<>();
            Map<Integer, NodeHealth> records = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<String> idempotentFailures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<DbException> notIdempotentFailures = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger terminated = new AtomicInteger();
            AtomicBoolean killing = new AtomicBoolean(true);
            Thread killer = new Thread(() -> {
                while (killing.get()) {
                    terminated.addAndGet(sessions.terminateAll());
                    LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
                }
            }, "pg-session-killer");
            killer.setDaemon(true);
            killer.start();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    int caller = c;
                    work.add(callers.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) {
                            int n = caller * ROUNDS + round;
                            List<Trade> batch = new ArrayList<>();
                            for (int i = 0; i < BATCH; i++) {
                                batch.add(ContractFixtures.paperTrade(token, windowStart.plus((long) n * BATCH + i, ChronoUnit.MICROS)));
                            }
                            idempotent("batchSave " + n, () -> {
                                trades.batchSave(batch);
                                batchesAcknowledged.put(n, batch);
                            }, idempotentFailures, unexpected);
                            idempotent("upsertToken " + n, () -> config.upsertToken(tokenNamed(token, "round " + n), ACTOR),
                                    idempotentFailures, unexpected);
                            notIdempotent(() -> {
                                config.trigger(rules.get(n).id(), Instant.now(), ACTOR);
                                triggersAcknowledged.put(n, true);
                            }, notIdempotentFailures, unexpected);
                            NodeHealth health = ContractFixtures.nodeHealth("drill-node-" + n, Instant.now().truncatedTo(ChronoUnit.MICROS));
                            records.put(n, health);
                            notIdempotent(() -> {
                                config.recordNodeHealth(health);
                                recordsAcknowledged.put(n, true);
                            }, notIdempotentFailures, unexpected);
                        }
                    }));
                }
                for (Future<?> future : work) {
                    future.get(10, TimeUnit.MINUTES);
                }
            } finally {
                killing.set(false);
                killer.join(Duration.ofMinutes(1).toMillis());
                callers.shutdownNow();
            }

            assertThat(unexpected).as("failures other than TransientDbException").isEmpty();
            assertThat(terminated.get()).as("sessions terminated").isPositive();
            assertThat(DrillLayer.retries(layer, "postgres.idempotent", "successful_with_retry"))
                    .as("idempotent calls that succeeded after a retry").isPositive();
            assertThat(idempotentFailures).as("idempotent calls whose caller was told of a failure (every one is retried to success)").isEmpty();
            assertThat(notIdempotentFailures).as("non-idempotent calls cut by a terminated session").isNotEmpty()
                    .allSatisfy(failure -> assertThat(failure).isInstanceOf(TransientDbException.class));
            assertThat(DrillLayer.retries(layer, "postgres.not-idempotent", "successful_with_retry")
                    + DrillLayer.retries(layer, "postgres.not-idempotent", "failed_with_retry"))
                    .as("non-idempotent calls retried (none of their failures proves nothing was applied)").isZero();

            for (int n = 0; n < CALLERS * ROUNDS; n++) {
                List<Trade> batch = batchesAcknowledged.get(n);
                TimeRange range = TimeRange.of(batch.get(0).executedAt(), batch.get(BATCH - 1).executedAt().plus(1, ChronoUnit.MICROS));
                assertThat(trades.findBetween(range, 10_000)).as("batch %d, stored once each", n).containsExactlyInAnyOrderElementsOf(batch);

                OrderRule rule = config.findOrderRule(rules.get(n).id()).orElseThrow();
                long triggerEntries = config.auditTrail("order_rule", rule.id().toString(), 100).stream()
                        .map(AuditEntry::action).filter("trigger"::equals).count();
                if (triggersAcknowledged.containsKey(n)) {
                    assertThat(rule.status()).as("acknowledged trigger %d", n).isEqualTo(OrderRuleStatus.TRIGGERED);
                    assertThat(triggerEntries).as("acknowledged trigger %d, audited once", n).isEqualTo(1);
                } else {
                    assertThat(triggerEntries).as("failed trigger %d: applied at most once", n)
                            .isEqualTo(rule.status() == OrderRuleStatus.TRIGGERED ? 1 : 0);
                }
                NodeHealth health = records.get(n);
                List<NodeHealth> history = config.nodeHealthHistory(health.nodeId(),
                        TimeRange.of(health.checkedAt(), health.checkedAt().plus(1, ChronoUnit.MICROS)), 10);
                if (recordsAcknowledged.containsKey(n)) {
                    assertThat(history).as("acknowledged node health %d, recorded once", n).hasSize(1);
                } else {
                    assertThat(history.size()).as("failed node health %d: recorded at most once", n).isLessThanOrEqualTo(1);
                }
            }
            System.out.printf("PostgresTerminationThroughDataLayerIT: %d sessions terminated; idempotent calls retried to success %.0f; "
                    + "non-idempotent calls failed to their callers %d (triggers acknowledged %d, node-health records acknowledged %d of %d)%n",
                    terminated.get(), DrillLayer.retries(layer, "postgres.idempotent", "successful_with_retry"), notIdempotentFailures.size(),
                    triggersAcknowledged.size(), recordsAcknowledged.size(), CALLERS * ROUNDS);
        }
    }

    private static TokenMetadata tokenNamed(Pubkey mint, String name) {
        TokenMetadata token = ContractFixtures.splToken();
        return new TokenMetadata(mint, token.symbol(), name, token.decimals(), token.program(), token.extensions());
    }

    private static void idempotent(String call, Runnable work, ConcurrentLinkedQueue<String> failures, ConcurrentLinkedQueue<Throwable> unexpected) {
        try {
            work.run();
        } catch (TransientDbException e) {
            failures.add(call + ": " + e.getMessage());
        } catch (RuntimeException e) {
            unexpected.add(e);
        }
    }

    private static void notIdempotent(Runnable work, ConcurrentLinkedQueue<DbException> failures, ConcurrentLinkedQueue<Throwable> unexpected) {
        try {
            work.run();
        } catch (TransientDbException e) {
            failures.add(e);
        } catch (RuntimeException e) {
            unexpected.add(e);
        }
    }
}
