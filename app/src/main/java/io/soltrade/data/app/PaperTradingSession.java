package io.soltrade.data.app;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.Fill;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.CircuitState;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderTrigger;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.StopLoss;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TakeProfit;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TrailingStop;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.FeedChannel;
import io.soltrade.data.ports.FeedSubscription;
import io.soltrade.data.ports.GroupStart;
import io.soltrade.data.ports.StreamEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * A paper-trading session through every port: prices tick into the price cache, the price stream and the live
 * feed; pools into the pool cache; simulated traders buy and sell against the cached price, each trade stored,
 * its position recomputed with the domain's average-cost P&amp;L and stored, its MEV risk assessed and stored,
 * and the trade published to the trade stream and the feed. Order rules (stop-loss, take-profit, trailing stop)
 * are kept in the configuration store and triggered exactly once when a tick crosses them, which sells. Every
 * second the session records its own metrics; RPC node health goes to the configuration store; a risk consumer
 * reads the trade stream through a consumer group and acknowledges what it read.
 *
 * <p>Single-threaded and paced by wall time at the plan's rates. It ends when the plan's duration or trade
 * count is reached, or when {@code stop} says so (Ctrl-C, SIGTERM); it then finishes the step it is in, waits
 * for outstanding async writes, and returns a summary that counts exactly what was acknowledged.
 */
final class PaperTradingSession {
    private static final Actor ACTOR = Actor.of("simulator");
    private static final BigDecimal USDC_UNITS = BigDecimal.TEN.pow(6);
    private static final BigDecimal LAMPORTS = BigDecimal.TEN.pow(9);
    private static final BigDecimal[] SELL_FRACTIONS = {new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE};
    private static final long SLOTS_PER_EPOCH = 432_000;
    private static final FeedChannel UI_CHANNEL = new FeedChannel("ui.alerts", StreamName.UI_EVENTS);

    /** How long and how fast a session runs. */
    record Plan(Optional<Duration> duration, OptionalLong maxTrades, double tradeRate, double priceRate, int traders, long seed) {
        Plan {
            if (duration.isEmpty() && maxTrades.isEmpty()) {
                throw new IllegalArgumentException("a session needs a duration or a trade count, or it never ends");
            }
            duration.ifPresent(d -> {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("--duration must be positive, got " + d);
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
    private final SimulatedToken sol;
    private final String sessionId;
    private final String consumerGroup;
    private final List<PaperTrader> traders = new ArrayList<>();
    private final Map<Pubkey, BigDecimal> marks = new HashMap<>();
    private long tradeNumber;
    private long ruleNumber;
    private long tradesAtLastMetrics;
    private double secondsAtLastMetrics;
    private volatile double elapsedSeconds;
    private volatile long tradesAttempted;

    PaperTradingSession(DataLayer data, Plan plan, SessionTally tally, Clock wallClock) {
        this.data = data;
        this.plan = plan;
        this.tally = tally;
        this.random = RandomGeneratorFactory.of("L64X128MixRandom").create(plan.seed());
        this.clock = new SessionClock(wallClock);
        this.sessionId = Long.toString(Math.floorMod(random.nextLong(), 36L * 36 * 36 * 36 * 36 * 36 * 36 * 36), 36);
        this.consumerGroup = "sim-risk-" + sessionId;
        List<SimulatedToken> tokens = SimulatedToken.universe();
        this.sol = tokens.get(0);
        this.market = new SimulatedMarket(tokens, random, 300_000_000L, wallClock.millis());
    }

    String sessionId() {
        return sessionId;
    }

    double elapsedSeconds() {
        return elapsedSeconds;
    }

    long tradesAttempted() {
        return tradesAttempted;
    }

    List<PaperTrader> traders() {
        return traders;
    }

    Map<Pubkey, BigDecimal> marks() {
        return marks;
    }

    List<SimulatedToken> tokens() {
        return market.tokens();
    }

    SessionSummary run(BooleanSupplier stop) {
        long startNanos = System.nanoTime();
        setUp();
        Optional<FeedSubscription> subscription = tally.call("feed.subscribe",
                () -> data.feed().subscribe(new FeedChannel("prices.SOL", StreamName.PRICE_UPDATES), event -> tally.event("feed_delivered", 1)));
        long ticks = 0;
        long metricRounds = 1;
        long healthRounds = 0;
        long consumerRounds = 0;
        long ruleRefreshes = 1;
        tick(1 / plan.priceRate());
        while (!stop.getAsBoolean()) {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            elapsedSeconds = elapsed;
            boolean tradesDone = plan.maxTrades().isPresent() && tradesAttempted >= plan.maxTrades().getAsLong();
            if (tradesDone || plan.duration().isPresent() && elapsed >= plan.duration().get().toNanos() / 1e9) {
                break;
            }
            boolean worked = false;
            if (ticks < elapsed * plan.priceRate()) {
                tick(1 / plan.priceRate());
                ticks++;
                worked = true;
            }
            if (tradesAttempted < elapsed * plan.tradeRate()) {
                trade();
                tradesAttempted++;
                worked = true;
            }
            if (metricRounds <= elapsed) {
                recordMetrics(elapsed);
                metricRounds++;
                worked = true;
            }
            if (healthRounds <= elapsed / 2) {
                recordNodeHealth();
                healthRounds++;
                worked = true;
            }
            if (consumerRounds <= elapsed * 4) {
                consumeTradeEvents();
                consumerRounds++;
                worked = true;
            }
            if (ruleRefreshes <= elapsed / 5) {
                refreshRules();
                ruleRefreshes++;
                worked = true;
            }
            if (!worked) {
                LockSupport.parkNanos(200_000);
            }
        }
        elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
        recordMetrics(elapsedSeconds);
        consumeTradeEvents();
        subscription.ifPresent(FeedSubscription::close);
        tally.awaitPending();
        Map<String, Long> streams = new LinkedHashMap<>();
        for (StreamName stream : StreamName.values()) {
            tally.call("streams.length", () -> data.streams().length(stream)).ifPresent(length -> streams.put(stream.key(), length));
        }
        return new SessionSummary(tally.acknowledgedByKey(), streams, tally.errors());
    }

    private void setUp() {
        tally.run("config.upsertToken", () -> data.configStore().upsertToken(SimulatedToken.USDC, ACTOR));
        for (SimulatedToken token : market.tokens()) {
            if (tally.run("config.upsertToken", () -> data.configStore().upsertToken(token.metadata(), ACTOR))) {
                tally.event("tokens", 1);
            }
        }
        Instant openedAt = clock.next();
        for (int i = 1; i <= plan.traders(); i++) {
            TraderId trader = TraderId.of("sim-" + sessionId + "-" + i);
            MevProtection protection = i % 2 == 1 ? new MevProtection(true, 0.25, TokenAmount.of(200_000), true) : MevProtection.disabled();
            TraderConfig config = TraderConfig.of(trader, TradingMode.PAPER,
                    new RiskLimits(TokenAmount.of(50_000_000_000L), TokenAmount.of(5_000_000_000L), 150, 20),
                    protection, Map.of("strategy", i % 2 == 0 ? "mean_reversion" : "momentum", "session", sessionId));
            if (tally.call("config.saveTraderConfig", () -> data.configStore().saveTraderConfig(config, ACTOR)).isPresent()) {
                tally.event("traders", 1);
            }
            traders.add(new PaperTrader(trader, protection, openedAt));
        }
        tally.run("streams.ensureGroup", () -> data.streams().ensureGroup(StreamName.TRADE_EVENTS, consumerGroup, GroupStart.NEW_ONLY));
    }

    /** One price step for every token: cache, stream, feed, pools, then the order rules the new prices cross. */
    private void tick(double seconds) {
        Instant at = clock.next();
        List<PriceQuote> quotes = market.tick(seconds, at);
        quotes.forEach(quote -> marks.put(token(quote).mint(), quote.price()));
        if (tally.call("prices.putAll", () -> data.prices().putAll(quotes)).isPresent()) {
            tally.acknowledge(Acknowledged.PRICES, quotes.size());
        }
        List<PriceUpdateEvent> updates = quotes.stream().map(PriceUpdateEvent::new).toList();
        if (tally.call("streams.publishAll", () -> data.streams().publishAll(updates)).isPresent()) {
            tally.acknowledge(Acknowledged.STREAM_EVENTS, updates.size());
        }
        for (PriceUpdateEvent update : updates) {
            FeedChannel channel = new FeedChannel("prices." + update.quote().symbol(), StreamName.PRICE_UPDATES);
            if (tally.run("feed.publish", () -> data.feed().publish(channel, update))) {
                tally.event("feed_published", 1);
            }
        }
        var pools = market.pools(at);
        if (tally.call("pools.putAll", () -> data.pools().putAll(pools)).isPresent()) {
            tally.acknowledge(Acknowledged.POOL_STATES, pools.size());
        }
        evaluateRules(at);
    }

    private SimulatedToken token(PriceQuote quote) {
        return market.tokens().stream().filter(t -> t.symbol().equals(quote.symbol())).findFirst().orElseThrow();
    }

    private SimulatedToken token(Pubkey mint) {
        return market.tokens().stream().filter(t -> t.mint().equals(mint)).findFirst().orElseThrow();
    }

    private void trade() {
        PaperTrader trader = traders.get(random.nextInt(traders.size()));
        SimulatedToken token = market.tokens().get(random.nextInt(market.tokens().size()));
        Position position = trader.position(token.mint());
        if (position.quantity().signum() > 0 && random.nextDouble() < 0.45) {
            sell(trader, token, position.quantity().multiply(SELL_FRACTIONS[random.nextInt(SELL_FRACTIONS.length)]), "signal");
        } else {
            buy(trader, token, 50 * Math.exp(random.nextDouble() * Math.log(40)));
        }
    }

    /** The price a trader sees: the cached quote, or the market's own if the cache has none. */
    private BigDecimal quotedPrice(SimulatedToken token) {
        return tally.call("prices.get", () -> data.prices().get(token.symbol()))
                .flatMap(quote -> quote)
                .map(PriceQuote::price)
                .orElseGet(() -> market.price(token));
    }

    private void buy(PaperTrader trader, SimulatedToken token, double notionalUsdc) {
        double price = quotedPrice(token).doubleValue();
        double executed = price * (1 + notionalUsdc / market.poolSideUsdc(token));
        long gross = (long) Math.floor(notionalUsdc / executed * Math.pow(10, token.decimals()));
        Instant at = clock.next();
        long slot = market.slotAt(at);
        long received = token.transferFee()
                .map(fee -> fee.amountAfterFee(TokenAmount.of(Math.max(gross, 0)), slot / SLOTS_PER_EPOCH).unsignedBits())
                .orElse(gross);
        long usdcUnits = Math.round(notionalUsdc * 1e6);
        if (received <= 0 || usdcUnits <= 0) {
            return;
        }
        execute(trader, token, TradeSide.BUY, SimulatedToken.USDC.mint(), usdcUnits, token.mint(), received, notionalUsdc, at, slot, "signal");
    }

    private void sell(PaperTrader trader, SimulatedToken token, BigDecimal quantity, String reason) {
        long sent = quantity.movePointRight(token.decimals()).setScale(0, RoundingMode.FLOOR).longValue();
        if (sent <= 0) {
            return;
        }
        Instant at = clock.next();
        long slot = market.slotAt(at);
        long arriving = token.transferFee().map(fee -> fee.amountAfterFee(TokenAmount.of(sent), slot / SLOTS_PER_EPOCH).unsignedBits()).orElse(sent);
        double price = quotedPrice(token).doubleValue();
        double notional = arriving / Math.pow(10, token.decimals()) * price;
        double executed = price * (1 - Math.min(0.5, notional / market.poolSideUsdc(token)));
        long usdcUnits = Math.round(arriving / Math.pow(10, token.decimals()) * executed * 1e6);
        if (usdcUnits <= 0) {
            return;
        }
        execute(trader, token, TradeSide.SELL, token.mint(), sent, SimulatedToken.USDC.mint(), usdcUnits, notional, at, slot, reason);
    }

    /** Stores the trade and everything that follows from it; nothing follows a trade that was not stored. */
    private void execute(PaperTrader trader, SimulatedToken token, TradeSide side, Pubkey tokenIn, long amountIn, Pubkey tokenOut,
            long amountOut, double notionalUsdc, Instant at, long slot, String reason) {
        long tokenUnits = side == TradeSide.BUY ? amountOut : amountIn;
        long usdcUnits = side == TradeSide.BUY ? amountIn : amountOut;
        BigDecimal price = new BigDecimal(usdcUnits).divide(USDC_UNITS)
                .divide(new BigDecimal(tokenUnits).movePointLeft(token.decimals()), SimulatedMarket.PRICE_DIGITS);
        double probability = Math.min(0.99, Math.max(0, 0.03 + 25 * notionalUsdc / market.poolSideUsdc(token) + 0.05 * random.nextGaussian()));
        boolean protectedRoute = trader.protection().protects(probability);
        boolean attacked = random.nextDouble() < probability;
        MevStatus status = protectedRoute ? MevStatus.PROTECTED
                : attacked ? MevStatus.SANDWICHED
                : probability >= 0.3 ? MevStatus.SUSPECTED : MevStatus.NONE;
        BigDecimal solPrice = marks.getOrDefault(sol.mint(), sol.openingPrice());
        long feeLamports = 5_000 + random.nextLong(50_000)
                + (protectedRoute ? random.nextLong(Math.max(1, trader.protection().maxTipLamports().unsignedBits())) : 0);
        Trade trade = new Trade(new PaperTradeId(sessionId + "-" + ++tradeNumber), at, trader.id(), TradingMode.PAPER, side,
                tokenIn, tokenOut, TokenAmount.of(amountIn), TokenAmount.of(amountOut), TokenAmount.of(feeLamports), price, slot, status);
        if (!tally.run("trades.save", () -> data.trades().save(trade))) {
            return;
        }
        tally.acknowledge(Acknowledged.TRADES, 1);

        BigDecimal feeInUsdc = new BigDecimal(feeLamports).divide(LAMPORTS).multiply(solPrice).setScale(6, RoundingMode.HALF_EVEN);
        Position next = trader.position(token.mint()).apply(Fill.of(trade, token.decimals(), feeInUsdc));
        trader.update(next);
        if (tally.run("positions.save", () -> data.positions().save(next))) {
            tally.acknowledge(Acknowledged.POSITIONS, 1);
        }

        if (probability >= 0.05 || protectedRoute || attacked) {
            long predictedLoss = Math.round(notionalUsdc * 0.004 * probability / solPrice.doubleValue() * 1e9);
            boolean sandwiched = attacked && !protectedRoute;
            MevOutcome outcome = sandwiched ? MevOutcome.SANDWICHED : protectedRoute && attacked ? MevOutcome.AVOIDED : MevOutcome.NOT_ATTACKED;
            long actualLoss = sandwiched ? Math.round(predictedLoss * (0.5 + random.nextDouble())) : 0;
            MevEvent event = new MevEvent(uuid(), at, trader.id(), token.mint(), Optional.empty(), probability,
                    TokenAmount.of(predictedLoss), TokenAmount.of(actualLoss), outcome);
            tally.async("mev.saveAsync", Acknowledged.MEV_EVENTS, 1, () -> data.mevEvents().saveAsync(event));
            if (sandwiched) {
                publishUi("mev.sandwiched", "trade " + trade.id() + " was sandwiched", Map.of("trader", trader.id().value(),
                        "token", token.symbol().value(), "loss_lamports", Long.toString(actualLoss)), at);
            }
        }

        TradeEvent event = new TradeEvent(trade);
        if (tally.call("streams.publish", () -> data.streams().publish(event)).isPresent()) {
            tally.acknowledge(Acknowledged.STREAM_EVENTS, 1);
        }
        FeedChannel channel = new FeedChannel("trades." + trader.id(), StreamName.TRADE_EVENTS);
        if (tally.run("feed.publish", () -> data.feed().publish(channel, event))) {
            tally.event("feed_published", 1);
        }
        if (!reason.equals("signal")) {
            publishUi("order_rule.triggered", reason + " sold " + trade.tokenAmount() + " " + token.symbol() + " at " + price.toPlainString(),
                    Map.of("trader", trader.id().value(), "token", token.symbol().value(), "trade", trade.id().naturalKey()), at);
        }
        if (side == TradeSide.BUY && !trader.hasActiveRule(token.mint())) {
            placeRules(trader, token, next, at);
        }
    }

    /** Protects a new long: a stop-loss and a take-profit on every other one, a trailing stop on the rest. */
    private void placeRules(PaperTrader trader, SimulatedToken token, Position position, Instant at) {
        long units = position.quantity().movePointRight(token.decimals()).setScale(0, RoundingMode.FLOOR).longValue();
        if (units <= 0) {
            return;
        }
        BigDecimal entry = position.averageEntryPrice();
        List<OrderTrigger> triggers = ruleNumber++ % 2 == 0
                ? List.of(new StopLoss(entry.multiply(new BigDecimal("0.985"), SimulatedMarket.PRICE_DIGITS)),
                        new TakeProfit(entry.multiply(new BigDecimal("1.02"), SimulatedMarket.PRICE_DIGITS)))
                : List.of(new TrailingStop(150, entry.round(SimulatedMarket.PRICE_DIGITS)));
        for (OrderTrigger trigger : triggers) {
            OrderRule rule = OrderRule.active(uuid(), trader.id(), token.mint(), trigger, TokenAmount.of(units), at);
            if (tally.run("config.saveOrderRule", () -> data.configStore().saveOrderRule(rule, ACTOR))) {
                trader.activeRules().add(rule);
                tally.event("rules_created", 1);
            }
        }
    }

    /**
     * Fires the rules the latest prices cross: each is triggered in the store exactly once (an empty answer means
     * another evaluator got it first), then sells; the trader's other rules on that token are cancelled.
     */
    private void evaluateRules(Instant at) {
        for (PaperTrader trader : traders) {
            List<OrderRule> fired = new ArrayList<>();
            for (var rules = trader.activeRules().listIterator(); rules.hasNext(); ) {
                OrderRule rule = rules.next();
                BigDecimal price = marks.get(rule.token());
                if (price == null) {
                    continue;
                }
                if (rule.firesAt(price)) {
                    fired.add(rule);
                } else {
                    rules.set(rule.observe(price));
                }
            }
            for (OrderRule rule : fired) {
                Optional<Optional<OrderRule>> answer = tally.call("config.trigger", () -> data.configStore().trigger(rule.id(), at, ACTOR));
                if (answer.isEmpty()) {
                    continue;
                }
                trader.activeRules().remove(rule);
                if (answer.get().isEmpty()) {
                    continue;
                }
                tally.event("rules_triggered", 1);
                cancelSiblings(trader, rule, at);
                SimulatedToken token = token(rule.token());
                Position position = trader.position(rule.token());
                BigDecimal ruleQuantity = rule.quantity().toUiAmount(token.decimals());
                BigDecimal quantity = position.quantity().min(ruleQuantity);
                if (quantity.signum() > 0) {
                    sell(trader, token, quantity, rule.trigger().kind().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }

    private void cancelSiblings(PaperTrader trader, OrderRule fired, Instant at) {
        for (Iterator<OrderRule> rules = trader.activeRules().iterator(); rules.hasNext(); ) {
            OrderRule sibling = rules.next();
            if (sibling.token().equals(fired.token())
                    && tally.call("config.cancel", () -> data.configStore().cancel(sibling.id(), at, ACTOR)).isPresent()) {
                rules.remove();
                tally.event("rules_cancelled", 1);
            }
        }
    }

    private void publishUi(String kind, String message, Map<String, String> attributes, Instant at) {
        UiEvent event = UiEvent.of(kind, message, attributes, at);
        if (tally.call("streams.publish", () -> data.streams().publish(event)).isPresent()) {
            tally.acknowledge(Acknowledged.STREAM_EVENTS, 1);
        }
        if (tally.run("feed.publish", () -> data.feed().publish(UI_CHANNEL, event))) {
            tally.event("feed_published", 1);
        }
    }

    /** The session's own metrics: trade rate, per-operation p99 latency, cache hit ratios, and P&amp;L per trader. */
    private void recordMetrics(double elapsed) {
        Instant at = clock.next();
        Map<String, String> session = Map.of("session", sessionId);
        List<MetricPoint> points = new ArrayList<>();
        double interval = Math.max(1e-3, elapsed - secondsAtLastMetrics);
        points.add(MetricPoint.of("sim.trades.per_second", (tradesAttempted - tradesAtLastMetrics) / interval, session, at));
        tradesAtLastMetrics = tradesAttempted;
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

    /** Three simulated RPC nodes report in; one in twenty checks finds a node's breaker open. */
    private void recordNodeHealth() {
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

    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
