package io.soltrade.data.cli.simulator;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.CircuitState;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamEntry;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A paper-trading session through every port. The session thread ticks prices into the price cache, the
 * price stream and the live feed, and pools into the pool cache; records the session's own metrics every
 * second and RPC node health every two seconds in the configuration store; and runs a risk consumer that reads
 * the trade stream through a consumer group and acknowledges what it read. Trading desks (one thread each,
 * each owning some traders) trade at the plan's rate against the cached prices; see {@link TradingDesk}.
 *
 * <p>The session ends when the plan's duration or trade count is reached, or when {@code stop} says so (Ctrl-C,
 * SIGTERM). Desks finish the trade they are in; then the session waits for outstanding async writes and
 * returns a summary that counts exactly what was acknowledged.
 */
public final class PaperTradingSession {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaperTradingSession.class);
    private static final int MAX_DESKS = 8;
    private static final String RNG = "L64X128MixRandom";
    private static final int STOP_POLLS_PER_SECOND = 10;
    private static final long RULE_CHECK_MILLIS = 50;

    /** How long and how fast a session runs. */
    public record Plan(Optional<Duration> duration, OptionalLong maxTrades, double tradeRate, double priceRate, int traders, long seed) {
        public Plan {
            if (duration.isEmpty() && maxTrades.isEmpty()) {
                throw new IllegalArgumentException("a session needs a duration or a trade count, or it never ends");
            }
            duration.ifPresent(d -> {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("--duration must be positive, got " + io.soltrade.data.app.config.DurationText.of(d));
                }
            });
            if (maxTrades.isPresent() && maxTrades.getAsLong() < 1) {
                throw new IllegalArgumentException("--trades must be at least 1, got " + maxTrades.getAsLong());
            }
            if (!(tradeRate > 0 && tradeRate <= 1_000_000)) {
                throw new IllegalArgumentException("--trade-rate must be above 0 and at most 1000000 per second, got " + tradeRate);
            }
            if (!(priceRate > 0 && priceRate <= 1_000)) {
                throw new IllegalArgumentException("--price-rate must be above 0 and at most 1000 ticks per second, got " + priceRate);
            }
            if (traders < 1 || traders > 1_000) {
                throw new IllegalArgumentException("--traders must be between 1 and 1000, got " + traders);
            }
        }
    }

    private final DataLayer data;
    private final Plan plan;
    private final SessionTally tally;
    private final RandomGenerator random;
    private final SessionClock clock;
    private final SimulatedMarket market;
    private final String sessionId;
    private final String consumerGroup;
    private final TradingFloor floor;
    private final List<PaperTrader> traders = new ArrayList<>();
    private final Map<Pubkey, BigDecimal> marks = new ConcurrentHashMap<>();
    private final AtomicLong tradeSlots = new AtomicLong();
    private final AtomicLong tradesAttempted = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    /** Every time a session thread woke up to wait again or to work: what a busy-wait would multiply. */
    private final LongAdder wakeUps = new LongAdder();
    private volatile boolean interrupted;
    private long tradesAtLastMetrics;
    private double secondsAtLastMetrics;
    private volatile long startNanos;
    private volatile Instant openedAt;
    private volatile SessionHistory history;
    private volatile double elapsedSeconds;

    /** A session of {@code plan} through {@code data}'s ports, counting what it does in a tally of its own. */
    public PaperTradingSession(DataLayer data, Plan plan, Clock wallClock) {
        this(data, plan, new SessionTally(), wallClock);
    }

    PaperTradingSession(DataLayer data, Plan plan, SessionTally tally, Clock wallClock) {
        this.data = data;
        this.plan = plan;
        this.tally = tally;
        this.random = RandomGeneratorFactory.of(RNG).create(plan.seed());
        this.clock = new SessionClock(wallClock);
        // Not from the seed: a seed replays the market, and a second run with it must not collide with the first's rows.
        this.sessionId = Long.toString(Math.floorMod(new java.security.SecureRandom().nextLong(), 36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
        this.consumerGroup = "sim-risk-" + sessionId;
        this.market = new SimulatedMarket(SimulatedToken.universe(), random, 300_000_000L, wallClock.millis());
        this.floor = new TradingFloor(data, tally, clock, market, marks, sessionId, new AtomicLong(), new AtomicLong());
    }

    String sessionId() {
        return sessionId;
    }

    /** Seconds since the trading started: live while the session runs, then its final length. */
    double elapsedSeconds() {
        if (startNanos == 0) {
            return 0;
        }
        return stopping.get() ? elapsedSeconds : (System.nanoTime() - startNanos) / 1e9;
    }

    long tradesAttempted() {
        return tradesAttempted.get();
    }

    List<PaperTrader> traders() {
        return traders;
    }

    Map<Pubkey, BigDecimal> marks() {
        return marks;
    }

    /**
     * Runs the session until its plan ends or {@code stop} says so, with a live progress line on {@code progress}
     * when given ({@code terminal}: redraw it in place), and returns the exact summary.
     */
    public SessionSummary run(BooleanSupplier stop, Optional<PrintWriter> progress, boolean terminal) {
        try (ProgressLine line = progress.map(err -> new ProgressLine(err, tally, this, terminal)).orElse(null)) {
            return run(stop);
        }
    }

    /**
     * Prints the human-readable report of a finished session: where it ran ({@code profile}, {@code servers} with
     * credentials masked), counts, errors, latencies, P&amp;L per trader and its breakdown.
     */
    public void printReport(PrintWriter out, String profile, String servers, SessionSummary summary) {
        SessionReport.print(out, profile, servers, this, tally, summary);
    }

    SessionSummary run(BooleanSupplier stop) {
        long setUpStart = System.nanoTime();
        setUp();
        LOG.debug("session {} set up in {} ms", sessionId, (System.nanoTime() - setUpStart) / 1_000_000);
        Optional<FeedSubscription> subscription = tally.call("feed.subscribe",
                () -> data.feed().subscribe(FeedChannel.prices(TokenSymbol.of("SOL")), event -> tally.event("feed_delivered", 1)));
        tick(0);
        startNanos = System.nanoTime();
        CountDownLatch desksDone = new CountDownLatch(Math.min(MAX_DESKS, traders.size()));
        List<Thread> desks = startDesks(desksDone);
        RandomGenerator nodeRandom = RandomGeneratorFactory.of(RNG).create(plan.seed() - 1);
        List<ScheduledExecutorService> lanes = List.of(
                lane("prices", 1 / plan.priceRate(), () -> tick(1 / plan.priceRate())),
                lane("metrics", 1, () -> recordMetrics(elapsedSeconds())),
                lane("node-health", 2, () -> recordNodeHealth(nodeRandom)),
                lane("risk-consumer", 0.25, this::consumeTradeEvents),
                lane("rule-reader", 5, this::refreshRules));
        awaitEnd(stop, desksDone);
        elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        stopping.set(true);
        long stopStart = System.nanoTime();
        desks.forEach(PaperTradingSession::joinUninterruptibly);
        lanes.forEach(PaperTradingSession::shutDownUninterruptibly);
        LOG.debug("session {} desks and lanes stopped in {} ms", sessionId, (System.nanoTime() - stopStart) / 1_000_000);
        elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        recordMetrics(elapsedSeconds);
        consumeTradeEvents();
        subscription.ifPresent(FeedSubscription::close);
        tally.awaitPending();
        LOG.debug("session {} drained in {} ms", sessionId, (System.nanoTime() - stopStart) / 1_000_000);
        Map<String, Long> streams = new LinkedHashMap<>();
        for (StreamName stream : StreamName.values()) {
            tally.call("streams.length", () -> data.streams().length(stream)).ifPresent(length -> streams.put(stream.key(), length));
        }
        SessionSummary summary = new SessionSummary(tally.acknowledgedByKey(), streams, tally.errors());
        history = SessionHistory.read(data, market.tokens(), traders.stream().map(PaperTrader::id).toList(), openedAt, clock.next());
        return summary;
    }

    /** The session's candles and P&amp;L per period as the stores answer them; empty before the session ended. */
    Optional<SessionHistory> history() {
        return Optional.ofNullable(history);
    }

    private void setUp() {
        if (tally.run("config.upsertToken", () -> data.configStore().upsertToken(SimulatedToken.USDC, TradingFloor.ACTOR))) {
            tally.event("tokens", 1);
        }
        for (SimulatedToken token : market.tokens()) {
            if (tally.run("config.upsertToken", () -> data.configStore().upsertToken(token.metadata(), TradingFloor.ACTOR))) {
                tally.event("tokens", 1);
            }
        }
        openedAt = clock.next();
        for (int i = 1; i <= plan.traders(); i++) {
            TraderId trader = TraderId.of("sim-" + sessionId + "-" + i);
            MevProtection protection = i % 2 == 1 ? new MevProtection(true, 0.25, TokenAmount.of(200_000), true) : MevProtection.disabled();
            TraderConfig config = TraderConfig.of(trader, TradingMode.PAPER,
                    new RiskLimits(TokenAmount.of(50_000_000_000L), TokenAmount.of(5_000_000_000L), 150, 20),
                    protection, Map.of("strategy", i % 2 == 0 ? "mean_reversion" : "momentum", "session", sessionId));
            if (tally.call("config.saveTraderConfig", () -> data.configStore().saveTraderConfig(config, TradingFloor.ACTOR)).isPresent()) {
                tally.event("traders", 1);
            }
            traders.add(new PaperTrader(trader, protection, openedAt));
        }
        tally.run("streams.ensureGroup", () -> data.streams().ensureGroup(StreamName.TRADE_EVENTS, consumerGroup, GroupStart.NEW_ONLY));
    }

    /**
     * Waits until the plan's duration has passed, every desk has finished its trades, or {@code stop} says so (polled
     * {@value #STOP_POLLS_PER_SECOND} times a second: it is set by a shutdown hook, which cannot wake this thread).
     */
    private void awaitEnd(BooleanSupplier stop, CountDownLatch desksDone) {
        long end = plan.duration().map(duration -> startNanos + duration.toNanos()).orElse(Long.MAX_VALUE);
        long poll = 1_000_000_000L / STOP_POLLS_PER_SECOND;
        while (true) {
            elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
            if (stop.getAsBoolean()) {
                interrupted = true;
                return;
            }
            long left = end - System.nanoTime();
            if (left <= 0 || desksDone.getCount() == 0) {
                return;
            }
            try {
                if (desksDone.await(Math.min(left, poll), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
                return;
            } finally {
                wakeUps.increment();
            }
        }
    }

    /** One desk thread per group of traders (at most {@value #MAX_DESKS}), each paced to its share of the trade rate. */
    private List<Thread> startDesks(CountDownLatch desksDone) {
        int count = Math.min(MAX_DESKS, traders.size());
        List<Thread> threads = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            List<PaperTrader> owned = new ArrayList<>();
            for (int t = d; t < traders.size(); t += count) {
                owned.add(traders.get(t));
            }
            TradingDesk desk = new TradingDesk(floor, owned, RandomGeneratorFactory.of(RNG).create(plan.seed() + 1 + d));
            Thread thread = new Thread(() -> {
                try {
                    trade(desk);
                } finally {
                    desksDone.countDown();
                }
            }, "desk-" + (d + 1));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

    /**
     * A desk's loop: claim the next trade slot of the session (slot n is due n / rate seconds after the start),
     * sleep until it is due, waking every {@value #RULE_CHECK_MILLIS} ms at most to fire the rules the latest prices
     * cross, then trade. Ends when the session stops or every slot of {@code --trades} is taken.
     */
    private void trade(TradingDesk desk) {
        while (!stopping.get()) {
            long slot = tradeSlots.incrementAndGet();
            if (plan.maxTrades().isPresent() && slot > plan.maxTrades().getAsLong()) {
                return;
            }
            long due = startNanos + (long) ((slot - 1) / plan.tradeRate() * 1e9);
            long wait;
            while (!stopping.get() && (wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, RULE_CHECK_MILLIS * 1_000_000L));
                wakeUps.increment();
                desk.evaluateRules(clock.next());
            }
            if (stopping.get()) {
                return;
            }
            desk.evaluateRules(clock.next());
            desk.trade();
            tradesAttempted.incrementAndGet();
        }
    }

    /**
     * A single-thread scheduler that runs {@code step} every {@code periodSeconds} from the session start (at a fixed
     * rate: a step that ran long is followed at once by the next) until the session stops; its thread sleeps between
     * steps. Each periodic job has its own lane so that a slow backend behind one (say the configuration store) does
     * not starve another (the price ticks).
     */
    private ScheduledExecutorService lane(String name, double periodSeconds, Runnable step) {
        ScheduledExecutorService lane = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-" + name);
            thread.setDaemon(true);
            return thread;
        });
        long period = (long) (periodSeconds * 1e9);
        lane.scheduleAtFixedRate(() -> {
            wakeUps.increment();
            if (stopping.get()) {
                return;
            }
            try {
                step.run();
            } catch (RuntimeException e) {
                // A periodic task that throws is never run again: count the bug and keep the lane going.
                tally.failedUnexpectedly("lane " + name, e);
            }
        }, startNanos + period - System.nanoTime(), period, TimeUnit.NANOSECONDS);
        return lane;
    }

    /** Stops a lane after the step it is in. */
    private static void shutDownUninterruptibly(ScheduledExecutorService lane) {
        lane.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (lane.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
                LOG.warn("a session lane is still in its step after a minute; waiting on");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many times the session's threads woke up so far (to work, or to look at the time again). */
    long wakeUps() {
        return wakeUps.sum();
    }

    /** Whether the session ended because it was asked to stop (Ctrl-C, SIGTERM) before its plan was done. */
    boolean interrupted() {
        return interrupted;
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One price step for every token: cache, stream, feed, and pools. */
    private void tick(double seconds) {
        Instant at = clock.next();
        List<PriceQuote> quotes = market.tick(seconds, at);
        quotes.forEach(quote -> marks.put(market.token(quote.symbol()).mint(), quote.price()));
        if (tally.call("prices.putAll", () -> data.prices().putAll(quotes)).isPresent()) {
            tally.acknowledge(Acknowledged.PRICES, quotes.size());
        }
        List<PriceUpdateEvent> updates = quotes.stream().map(PriceUpdateEvent::new).toList();
        if (tally.call("streams.publishAll", () -> data.streams().publishAll(updates)).isPresent()) {
            tally.acknowledge(Acknowledged.STREAM_EVENTS, updates.size());
        }
        for (PriceUpdateEvent update : updates) {
            FeedChannel channel = FeedChannel.prices(update.quote().symbol());
            if (tally.run("feed.publish", () -> data.feed().publish(channel, update))) {
                tally.event("feed_published", 1);
            }
        }
        var pools = market.pools(at);
        if (tally.call("pools.putAll", () -> data.pools().putAll(pools)).isPresent()) {
            tally.acknowledge(Acknowledged.POOL_STATES, pools.size());
        }
    }

    /** The session's own metrics: trade rate, per-operation p99 latency, cache hit ratios, and P&amp;L per trader. */
    private void recordMetrics(double elapsed) {
        Instant at = clock.next();
        Map<String, String> session = Map.of("session", sessionId);
        List<MetricPoint> points = new ArrayList<>();
        double interval = Math.max(1e-3, elapsed - secondsAtLastMetrics);
        long attempted = tradesAttempted.get();
        points.add(MetricPoint.of("sim.trades.per_second", (attempted - tradesAtLastMetrics) / interval, session, at));
        tradesAtLastMetrics = attempted;
        secondsAtLastMetrics = elapsed;
        points.add(MetricPoint.of("sim.errors.total", tally.errorCount(), session, at));
        points.add(MetricPoint.of("sim.cache.hit_ratio", data.prices().stats().hitRatio(), Map.of("session", sessionId, "cache", "prices"), at));
        points.add(MetricPoint.of("sim.cache.hit_ratio", data.pools().stats().hitRatio(), Map.of("session", sessionId, "cache", "pools"), at));
        tally.latencies().forEach((operation, histogram) -> points.add(MetricPoint.of("sim.port.latency.p99_us",
                histogram.getValueAtPercentile(99), Map.of("session", sessionId, "operation", operation), at)));
        if (tally.run("metrics.recordBatch", () -> data.metrics().recordBatch(points))) {
            tally.acknowledge(Acknowledged.METRICS, points.size());
        }
        for (PaperTrader trader : traders) {
            MetricPoint pnl = MetricPoint.of("sim.trader.pnl_usdc", trader.pnl(marks).doubleValue(),
                    Map.of("session", sessionId, "trader", trader.id().value()), at);
            tally.async("metrics.recordAsync", Acknowledged.METRICS, 1, () -> data.metrics().recordAsync(pnl));
        }
    }

    /** Three simulated RPC nodes report in; one check in twenty finds a node's breaker open. */
    private void recordNodeHealth(RandomGenerator random) {
        Instant at = clock.next();
        for (int node = 1; node <= 3; node++) {
            boolean open = random.nextDouble() < 0.05;
            NodeHealth health = new NodeHealth("sim-" + sessionId + "-rpc-" + node, URI.create("https://rpc-" + node + ".sim.invalid"),
                    Duration.ofMillis(20 + random.nextLong(open ? 2_000 : 80)), random.nextLong(open ? 150 : 3),
                    open ? 1 + random.nextLong(10) : 0, open ? CircuitState.OPEN : CircuitState.CLOSED, at);
            if (tally.run("config.recordNodeHealth", () -> data.configStore().recordNodeHealth(health))) {
                tally.event("node_health", 1);
            }
        }
    }

    /** The risk consumer: reads new trade events through its consumer group and acknowledges them. */
    private void consumeTradeEvents() {
        Optional<List<StreamEntry>> entries = tally.call("streams.readGroup",
                () -> data.streams().readGroup(StreamName.TRADE_EVENTS, consumerGroup, "risk-1", 1_000, Duration.ZERO));
        if (entries.isEmpty() || entries.get().isEmpty()) {
            return;
        }
        var ids = entries.get().stream().map(StreamEntry::id).toList();
        tally.call("streams.ack", () -> data.streams().ack(StreamName.TRADE_EVENTS, consumerGroup, ids))
                .ifPresent(acked -> tally.event("consumed", acked));
    }

    /** Reads the active rules back per token, as a rule evaluator on another host would. */
    private void refreshRules() {
        for (SimulatedToken token : market.tokens()) {
            tally.call("config.activeRules", () -> data.configStore().activeRules(token.mint()));
        }
    }
}
