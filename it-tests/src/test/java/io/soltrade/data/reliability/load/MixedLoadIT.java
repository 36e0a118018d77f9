package io.soltrade.data.reliability.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.ports.ConfigStore;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthState;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PoolStateCache;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.PriceCache;
import io.soltrade.data.ports.PutOutcome;
import io.soltrade.data.ports.StreamBatch;
import io.soltrade.data.ports.StreamEntry;
import io.soltrade.data.ports.StreamEntryId;
import io.soltrade.data.ports.TradeStore;
import io.soltrade.data.ports.TransientDbException;
import io.soltrade.data.ports.contract.ContractFixtures;
import io.soltrade.data.postgres.PostgresModule;
import io.soltrade.data.postgres.PostgresSettings;
import io.soltrade.data.postgres.testing.TestingPostgres;
import io.soltrade.data.questdb.QuestDbModule;
import io.soltrade.data.questdb.QuestDbSettings;
import io.soltrade.data.questdb.testing.QuestDbServer;
import io.soltrade.data.redis.RedisModule;
import io.soltrade.data.redis.testing.TestingRedis;
import io.soltrade.data.reliability.support.FaultServers;
import io.soltrade.data.reliability.support.Ledger;
import io.soltrade.data.reliability.support.PostgresSessions;
import io.soltrade.data.reliability.support.Rows;
import io.soltrade.data.reliability.support.RunningAdapter;
import io.soltrade.data.reliability.support.Soak;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 200 concurrent callers mix every port of the {@code local} layout (configuration and a COPY-loaded trade store
 * on PostgreSQL; trades, positions, metrics and MEV events on QuestDB; caches and streams on Redis) for a fixed
 * number of operations each. Every caller keeps a ledger of what it was told; afterwards each store must hold
 * exactly the acknowledged values, row by row, no more and no less, and the PostgreSQL pool must never have had
 * more than 20 server sessions. Default: 200 x 24 operations; {@code -Dsoak=true}: 200 x 480. QuestDB is the
 * load and fault tests' own server ({@link FaultServers}): the shared one holds a partition for every random
 * window the other suites wrote, which makes its id lookups (a scan of every partition) slow.
 */
class MixedLoadIT {
    private static final int CALLERS = 200;
    private static final int OPERATIONS_PER_CALLER = Soak.pick(24, 480);
    private static final int MAX_POOL = 20;
    private static final int RACED_RULES = 20;
    private static final long PAGE_MICROS = 5_000;
    private static final Actor ACTOR = Actor.of("load-test");
    /**
     * Attempts of a read-your-writes read on QuestDB, first included, for a {@link TransientDbException} only, as the
     * app's retry policy makes them. With the default read settings (a PG wire pool of 4, whose connections a
     * reader holds while it waits up to 5 s for the WAL to apply, and a fixed 5 s wait for a connection) about a
     * third of these reads fail once under 200 callers on a loaded 2-core machine: see the README's findings.
     */
    private static final int READ_ATTEMPTS = 6;

    private static TestingPostgres postgres;
    private static PostgresSettings postgresSettings;
    private static TestingRedis.Namespace namespace;
    private static RunningAdapter postgresAdapter;
    private static RunningAdapter questDbAdapter;
    private static RunningAdapter redisAdapter;

    @BeforeAll
    static void start() {
        postgres = TestingPostgres.start();
        postgresSettings = postgres.settings(MAX_POOL);
        postgresAdapter = RunningAdapter.start(new PostgresModule(postgresSettings));
        QuestDbServer questDb = FaultServers.questDb();
        questDbAdapter = RunningAdapter.start(new QuestDbModule(QuestDbSettings.of(questDb.ilpConfig(), questDb.pgUrl(), questDb.pgUser(), questDb.pgPassword())));
        namespace = TestingRedis.shared().freshNamespace();
        redisAdapter = RunningAdapter.start(new RedisModule(namespace.settings().streamMaxLength(1_000_000).build()));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {redisAdapter, questDbAdapter, postgresAdapter, namespace, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cleanup failed", e);
            }
        }
    }

    /** What one operation does; the kinds take turns so every caller touches every port. */
    private enum Kind {
        QUESTDB_TRADE, QUESTDB_TRADE_ASYNC, POSTGRES_TRADE_BATCH, POSITION, METRIC, MEV_EVENT, TOKEN, TRADER_CONFIG, RULE_TRIGGER,
        NODE_HEALTH, PRICE, POOL_STATE, STREAM_EVENT, READ_YOUR_WRITES
    }

    @Test
    void twoHundredCallersMixingEveryPortLoseNothingAndStayWithinThePool() throws Exception {
        Workload workload = new Workload();
        workload.prepareRules();
        List<String> errors;
        int maxSessions;
        long samples;
        try (PostgresSessions sessions = new PostgresSessions(postgres, postgresSettings)) {
            PostgresSessions.Sampler sampler = sessions.sampleCount();
            try {
                errors = workload.run();
            } finally {
                sampler.close();
            }
            maxSessions = sampler.max();
            samples = sampler.samples();
        }

        Map<String, List<String>> errorsByKind = errors.stream().collect(java.util.stream.Collectors.groupingBy(
                error -> error.substring(0, error.indexOf(' ')), java.util.TreeMap::new, java.util.stream.Collectors.toList()));
        Map<String, String> summary = new java.util.TreeMap<>();
        errorsByKind.forEach((kind, list) -> summary.put(kind, list.size() + " errors, e.g. " + list.subList(0, Math.min(3, list.size()))));
        assertThat(summary).as("errors by kind").isEmpty();
        assertThat(samples).as("pool samples taken").isPositive();
        assertThat(maxSessions).as("most PostgreSQL sessions of the pool at once").isBetween(1, MAX_POOL);
        System.out.printf("MixedLoadIT: %d callers x %d operations in %d ms; at most %d PostgreSQL sessions; %d of %d QuestDB read-your-writes"
                + " reads retried after a transient failure; %d Redis writes retried after the pool refused them%n", CALLERS, OPERATIONS_PER_CALLER,
                workload.elapsedMillis, maxSessions, workload.readRetries.get(), workload.reads.get(), workload.writeRetries.get());
        workload.verifyStores();
        for (HealthCheck check : List.of(postgresAdapter, questDbAdapter, redisAdapter).stream().flatMap(a -> a.healthChecks().stream()).toList()) {
            assertThat(check.check().state()).as("health of %s after the load", check.backend()).isEqualTo(HealthState.UP);
        }
    }

    /** The run's ledgers and the values every caller draws from; all keys are fresh, all instants in one window. */
    private static final class Workload {
        private final Instant windowStart = ContractFixtures.windowStart().truncatedTo(ChronoUnit.MILLIS);
        private final AtomicLong instants = new AtomicLong();
        private final String metricName = "load_metric_" + ContractFixtures.word(12);
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<CompletableFuture<Void>> asyncWrites = new ConcurrentLinkedQueue<>();

        private final Ledger<TradeId, Trade> questDbTrades = new Ledger<>();
        private final Ledger<TradeId, Trade> postgresTrades = new Ledger<>();
        private final Ledger<TraderId, Position> positions = new Ledger<>();
        private final Ledger<Instant, MetricPoint> metrics = new Ledger<>();
        private final Ledger<UUID, MevEvent> mevEvents = new Ledger<>();
        private final Ledger<Pubkey, TokenMetadata> tokens = new Ledger<>();
        private final Ledger<TraderId, TraderConfig> traderConfigs = new Ledger<>();
        private final Ledger<Instant, NodeHealth> nodeHealth = new Ledger<>();
        private final Ledger<StreamEntryId, UiEvent> streamEvents = new Ledger<>();
        private final Map<Integer, List<Trade>> tradesByCaller = new ConcurrentHashMap<>();
        private final List<OrderRule> rules = new ArrayList<>();
        private final Map<UUID, AtomicInteger> triggerWins = new ConcurrentHashMap<>();
        private final AtomicInteger triggerAttempts = new AtomicInteger();
        private final AtomicInteger reads = new AtomicInteger();
        private long elapsedMillis;
        private final AtomicInteger readRetries = new AtomicInteger();
        private final AtomicInteger writeRetries = new AtomicInteger();

        private final TradeStore questDbTradeStore = questDbAdapter.port(TradeStore.class);
        private final TradeStore postgresTradeStore = postgresAdapter.port(TradeStore.class);
        private final PositionStore positionStore = questDbAdapter.port(PositionStore.class);
        private final MetricsStore metricsStore = questDbAdapter.port(MetricsStore.class);
        private final MevEventStore mevEventStore = questDbAdapter.port(MevEventStore.class);
        private final ConfigStore config = postgresAdapter.port(ConfigStore.class);
        private final PriceCache prices = redisAdapter.port(PriceCache.class);
        private final PoolStateCache pools = redisAdapter.port(PoolStateCache.class);
        private final EventStream streams = redisAdapter.port(EventStream.class);

        /** A fresh instant in the run's window: one microsecond per write, so no two time-series rows collide. */
        private Instant nextInstant() {
            return windowStart.plus(instants.incrementAndGet(), ChronoUnit.MICROS);
        }

        private TimeRange window() {
            return TimeRange.of(windowStart, windowStart.plus(instants.get() + 1, ChronoUnit.MICROS));
        }

        void prepareRules() {
            for (int i = 0; i < RACED_RULES; i++) {
                OrderRule rule = ContractFixtures.stopLoss(ContractFixtures.traderId(), ContractFixtures.pubkey(), ContractFixtures.now());
                config.inTransaction(ops -> {
                    ops.upsertToken(new TokenMetadata(rule.token(), ContractFixtures.symbol(), "raced", 9,
                            io.soltrade.data.domain.token.TokenProgram.SPL_TOKEN, List.of()), ACTOR);
                    ops.saveTraderConfig(ContractFixtures.traderConfig(rule.trader()), ACTOR);
                    ops.saveOrderRule(rule, ACTOR);
                    return null;
                });
                rules.add(rule);
                triggerWins.put(rule.id(), new AtomicInteger());
            }
        }

        List<String> run() throws InterruptedException {
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(CALLERS);
            try {
                for (int caller = 0; caller < CALLERS; caller++) {
                    int index = caller;
                    callers.execute(() -> {
                        try {
                            go.await();
                            Caller state = new Caller(index);
                            for (int op = 0; op < OPERATIONS_PER_CALLER; op++) {
                                Kind kind = Kind.values()[(index + op) % Kind.values().length];
                                try {
                                    perform(kind, state, op);
                                } catch (RuntimeException | AssertionError e) {
                                    errors.add(kind + " by caller " + index + ": " + e);
                                }
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            done.countDown();
                        }
                    });
                }
                long started = System.nanoTime();
                go.countDown();
                await("every caller done").atMost(Duration.ofMinutes(Soak.pick(10, 60))).pollInterval(Duration.ofMillis(200))
                        .until(() -> done.getCount() == 0);
                await("every async write settled").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                        .until(() -> asyncWrites.stream().allMatch(CompletableFuture::isDone));
                elapsedMillis = (System.nanoTime() - started) / 1_000_000;
            } finally {
                callers.shutdownNow();
                callers.awaitTermination(1, TimeUnit.MINUTES);
            }
            return List.copyOf(errors);
        }

        /** Per caller: the keys only it writes, so its latest values are known. */
        private final class Caller {
            final int index;
            final TokenSymbol symbol = ContractFixtures.symbol();
            final Pubkey pool = ContractFixtures.pubkey();
            final String nodeId = ContractFixtures.nodeId();
            long slot;

            Caller(int index) {
                this.index = index;
            }
        }

        private void perform(Kind kind, Caller caller, int op) {
            switch (kind) {
                case QUESTDB_TRADE -> {
                    Trade trade = ContractFixtures.paperTrade(ContractFixtures.pubkey(), nextInstant());
                    questDbTradeStore.save(trade);
                    questDbTrades.acknowledged(trade.id(), trade);
                    tradesByCaller.computeIfAbsent(caller.index, i -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(trade);
                }
                case QUESTDB_TRADE_ASYNC -> {
                    Trade trade = ContractFixtures.liveTrade(ContractFixtures.pubkey(), nextInstant());
                    asyncWrites.add(questDbTradeStore.saveAsync(trade).whenComplete((ignored, failure) -> {
                        if (failure == null) {
                            questDbTrades.acknowledged(trade.id(), trade);
                        } else {
                            questDbTrades.failed(trade.id(), trade, failure);
                            errors.add("QUESTDB_TRADE_ASYNC (completion): " + failure);
                        }
                    }));
                }
                case POSTGRES_TRADE_BATCH -> {
                    List<Trade> batch = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        batch.add(ContractFixtures.paperTrade(ContractFixtures.pubkey(), nextInstant()));
                    }
                    postgresTradeStore.batchSave(batch);
                    batch.forEach(trade -> postgresTrades.acknowledged(trade.id(), trade));
                }
                case POSITION -> {
                    Position position = ContractFixtures.position(ContractFixtures.traderId(), TradingMode.PAPER, ContractFixtures.pubkey(), nextInstant());
                    positionStore.save(position);
                    positions.acknowledged(position.trader(), position);
                }
                case METRIC -> {
                    MetricPoint point = ContractFixtures.metricPoint(metricName, Map.of("caller", Integer.toString(caller.index)), nextInstant());
                    metricsStore.record(point);
                    metrics.acknowledged(point.at(), point);
                }
                case MEV_EVENT -> {
                    MevEvent event = ContractFixtures.mevEvent(MevOutcome.values()[op % MevOutcome.values().length], nextInstant());
                    mevEventStore.save(event);
                    mevEvents.acknowledged(event.id(), event);
                }
                case TOKEN -> {
                    TokenMetadata token = ContractFixtures.splToken();
                    config.upsertToken(token, ACTOR);
                    tokens.acknowledged(token.mint(), token);
                }
                case TRADER_CONFIG -> {
                    TraderConfig created = config.saveTraderConfig(ContractFixtures.traderConfig(ContractFixtures.traderId()), ACTOR);
                    TraderConfig updated = config.saveTraderConfig(created.withLimits(new RiskLimits(TokenAmount.of(op + 1L), TokenAmount.ZERO, 10, 1)), ACTOR);
                    assertThat(updated.version()).isEqualTo(2);
                    traderConfigs.acknowledged(updated.trader(), updated);
                }
                case RULE_TRIGGER -> {
                    OrderRule rule = rules.get(triggerAttempts.getAndIncrement() % rules.size()); // every rule raced by many callers
                    config.trigger(rule.id(), ContractFixtures.now(), ACTOR).ifPresent(won -> triggerWins.get(rule.id()).incrementAndGet());
                }
                case NODE_HEALTH -> {
                    NodeHealth health = ContractFixtures.nodeHealth(caller.nodeId, nextInstant());
                    config.recordNodeHealth(health);
                    nodeHealth.acknowledged(health.checkedAt(), health);
                }
                case PRICE -> {
                    PriceQuote quote = ContractFixtures.priceQuote(caller.symbol, ++caller.slot, ContractFixtures.now());
                    assertThat(retryingUnsent(() -> prices.put(quote))).isEqualTo(PutOutcome.STORED);
                    prices.get(caller.symbol).ifPresent(cached -> assertThat(cached).as("cached quote").isEqualTo(quote));
                }
                case POOL_STATE -> {
                    PoolState state = ContractFixtures.poolState(caller.pool, ++caller.slot, ContractFixtures.now());
                    assertThat(retryingUnsent(() -> pools.put(state))).isEqualTo(PutOutcome.STORED);
                    pools.get(caller.pool).ifPresent(cached -> assertThat(cached).as("cached pool state").isEqualTo(state));
                }
                case STREAM_EVENT -> {
                    UiEvent event = UiEvent.of("load.event", "caller " + caller.index + " op " + op,
                            Map.of("caller", Integer.toString(caller.index), "op", Integer.toString(op)), ContractFixtures.now());
                    streamEvents.acknowledged(retryingUnsent(() -> streams.publish(event)), event);
                }
                case READ_YOUR_WRITES -> {
                    List<Trade> mine = tradesByCaller.getOrDefault(caller.index, List.of());
                    reads.incrementAndGet();
                    if (!mine.isEmpty()) {
                        Trade last = mine.get(mine.size() - 1);
                        assertThat(retryingTransient(() -> questDbTradeStore.findById(last.id()))).as("an acknowledged trade read back").contains(last);
                    }
                    assertThat(config.findTraderConfig(ContractFixtures.traderId())).isEmpty();
                }
            }
        }

        /**
         * The write, attempted again while the Redis pool had no connection free within its wait ({@code POOL_EXHAUSTED}:
         * nothing was sent), up to {@link #READ_ATTEMPTS} in all, as the app's retry does for every write. 200 callers
         * share the pool, and on a loaded 2-core machine a borrow can outlast the wait (seen once in a full verify at load
         * 17); any other failure, and a write that may have reached Redis, is reported as an error.
         */
        private <T> T retryingUnsent(java.util.function.Supplier<T> write) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return write.get();
                } catch (TransientDbException e) {
                    if (e.kind() != io.soltrade.data.ports.DbErrorKind.POOL_EXHAUSTED || attempt == READ_ATTEMPTS) {
                        throw e;
                    }
                    writeRetries.incrementAndGet();
                }
            }
        }

        /** The call, attempted again after a transient failure, up to {@link #READ_ATTEMPTS} in all; each retry is counted. */
        private <T> T retryingTransient(java.util.function.Supplier<T> read) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return read.get();
                } catch (TransientDbException e) {
                    if (attempt == READ_ATTEMPTS) {
                        throw e;
                    }
                    readRetries.incrementAndGet();
                }
            }
        }

        void verifyStores() {
            TimeRange window = window();
            Rows.assertHoldsExactly("QuestDB trades", paged(window, range -> questDbTradeStore.findBetween(range, 10_000)),
                    questDbTrades.acknowledged(), Trade::id);
            Rows.assertHoldsExactly("PostgreSQL trades", paged(window, range -> postgresTradeStore.findBetween(range, 10_000)),
                    postgresTrades.acknowledged(), Trade::id);
            Rows.assertHoldsExactly("metrics", paged(window, range -> metricsStore.find(metricName, Map.of(), range, 10_000)),
                    metrics.acknowledged(), MetricPoint::at);
            Rows.assertHoldsExactly("MEV events", paged(window, range -> mevEventStore.findBetween(range, 10_000)),
                    mevEvents.acknowledged(), MevEvent::id);
            positions.acknowledged().forEach((trader, position) -> assertThat(positionStore.history(trader, position.mode(), position.token(), window, 10))
                    .as("states of %s", trader).containsExactly(position));
            tokens.acknowledged().forEach((mint, token) -> {
                assertThat(config.findToken(mint)).contains(token);
                assertThat(config.auditTrail("token", mint.base58(), 10)).as("audit of %s", mint).hasSize(1);
            });
            traderConfigs.acknowledged().forEach((trader, saved) -> {
                assertThat(config.findTraderConfig(trader)).contains(saved);
                assertThat(config.auditTrail("trader_config", trader.value(), 10)).as("audit of %s", trader).hasSize(2);
            });
            assertThat(triggerAttempts.get()).as("trigger attempts").isGreaterThan(RACED_RULES);
            for (OrderRule rule : rules) {
                assertThat(triggerWins.get(rule.id()).get()).as("callers that triggered rule %s", rule.id()).isEqualTo(1);
                assertThat(config.findOrderRule(rule.id()).orElseThrow().isActive()).isFalse();
                assertThat(config.auditTrail("order_rule", rule.id().toString(), 10).stream().filter(entry -> entry.action().equals("trigger")))
                        .as("trigger audit entries of %s", rule.id()).hasSize(1);
            }
            Map<String, List<NodeHealth>> byNode = new java.util.HashMap<>();
            nodeHealth.acknowledged().values().forEach(health -> byNode.computeIfAbsent(health.nodeId(), id -> new ArrayList<>()).add(health));
            byNode.forEach((node, recorded) -> {
                recorded.sort(Comparator.comparing(NodeHealth::checkedAt));
                assertThat(config.nodeHealthHistory(node, window, 10_000)).as("history of %s", node).containsExactlyElementsOf(recorded);
                assertThat(config.findNodeHealth(node)).as("current state of %s", node).contains(recorded.get(recorded.size() - 1));
            });
            List<StreamEntry> entries = new ArrayList<>();
            StreamEntryId after = StreamEntryId.ZERO;
            StreamBatch batch;
            do {
                batch = streams.read(io.soltrade.data.domain.StreamName.UI_EVENTS, after, 10_000, Duration.ZERO);
                assertThat(batch.missed()).as("entries trimmed before they were read").isZero();
                entries.addAll(batch.entries());
                after = batch.nextAfter(after);
            } while (!batch.entries().isEmpty());
            Rows.assertHoldsExactly("UI event stream", entries, entryMap(streamEvents.acknowledged()), StreamEntry::id);
        }

        private static Map<StreamEntryId, StreamEntry> entryMap(Map<StreamEntryId, UiEvent> events) {
            Map<StreamEntryId, StreamEntry> entries = new java.util.HashMap<>();
            events.forEach((id, event) -> entries.put(id, new StreamEntry(id, event)));
            return entries;
        }

        /** Every row of {@code window}, read page by page (each page spans fewer instants than a query's limit). */
        private <T> List<T> paged(TimeRange window, Function<TimeRange, List<T>> query) {
            List<T> rows = new ArrayList<>();
            Instant from = window.from();
            while (from.isBefore(window.to())) {
                Instant to = from.plus(PAGE_MICROS, ChronoUnit.MICROS);
                List<T> page = query.apply(TimeRange.of(from, to.isAfter(window.to()) ? window.to() : to));
                assertThat(page).hasSizeLessThan(10_000);
                rows.addAll(page);
                from = to;
            }
            return rows;
        }
    }
}
