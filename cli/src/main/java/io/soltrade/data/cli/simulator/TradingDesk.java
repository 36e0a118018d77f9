package io.soltrade.data.cli.simulator;

import io.soltrade.data.app.DataLayer;
import io.soltrade.data.domain.Fill;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.OrderTrigger;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StopLoss;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TakeProfit;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TrailingStop;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.ports.FeedChannel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * One worker of a session: it owns some traders (nobody else touches their books or rules) and trades for
 * them. Before each trade it fires the rules the latest prices cross. Each trade is stored, then its position
 * (the domain's average-cost P&amp;L) and MEV assessment; then it is published to the trade stream and the live
 * feed; a buy that opens a long gets protective order rules. Nothing follows a trade that was not stored.
 */
final class TradingDesk {
    private static final BigDecimal USDC_UNITS = BigDecimal.TEN.pow(6);
    private static final BigDecimal LAMPORTS = BigDecimal.TEN.pow(9);
    private static final BigDecimal[] SELL_FRACTIONS = {new BigDecimal("0.25"), new BigDecimal("0.5"), BigDecimal.ONE};
    private static final long SLOTS_PER_EPOCH = 432_000;
    private static final FeedChannel UI_CHANNEL = new FeedChannel("ui.alerts", StreamName.UI_EVENTS);

    private final TradingFloor floor;
    private final List<PaperTrader> traders;
    private final RandomGenerator random;
    private final DataLayer data;
    private final SessionTally tally;
    private final SessionClock clock;
    private final SimulatedMarket market;
    private final Map<Pubkey, BigDecimal> marks;
    private final String sessionId;

    TradingDesk(TradingFloor floor, List<PaperTrader> traders, RandomGenerator random) {
        this.floor = floor;
        this.traders = List.copyOf(traders);
        this.random = random;
        this.data = floor.data();
        this.tally = floor.tally();
        this.clock = floor.clock();
        this.market = floor.market();
        this.marks = floor.marks();
        this.sessionId = floor.sessionId();
    }

    /** One trade by one of this desk's traders: a sell of part of a long position, or a buy. */
    void trade() {
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
        double scale = Math.pow(10, token.decimals());
        Costs costs = new Costs(notionalUsdc - gross / scale * price, (gross - received) / scale * price);
        execute(trader, token, TradeSide.BUY, SimulatedToken.USDC.mint(), usdcUnits, token.mint(), received, notionalUsdc, at, slot, "signal", costs);
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
        double scale = Math.pow(10, token.decimals());
        Costs costs = new Costs(arriving / scale * (price - executed), (sent - arriving) / scale * price);
        execute(trader, token, TradeSide.SELL, token.mint(), sent, SimulatedToken.USDC.mint(), usdcUnits, notional, at, slot, reason, costs);
    }

    /** Stores the trade and everything that follows from it; nothing follows a trade that was not stored. */
    private void execute(PaperTrader trader, SimulatedToken token, TradeSide side, Pubkey tokenIn, long amountIn, Pubkey tokenOut,
            long amountOut, double notionalUsdc, Instant at, long slot, String reason, Costs costs) {
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
        BigDecimal solPrice = marks.getOrDefault(floor.sol().mint(), floor.sol().openingPrice());
        long feeLamports = 5_000 + random.nextLong(50_000)
                + (protectedRoute ? random.nextLong(Math.max(1, trader.protection().maxTipLamports().unsignedBits())) : 0);
        Trade trade = new Trade(new PaperTradeId(sessionId + "-" + floor.tradeIds().incrementAndGet()), at, trader.id(), TradingMode.PAPER, side,
                tokenIn, tokenOut, TokenAmount.of(amountIn), TokenAmount.of(amountOut), TokenAmount.of(feeLamports), price, slot, status);
        if (!tally.run("trades.save", () -> data.trades().save(trade))) {
            return;
        }
        tally.acknowledge(Acknowledged.TRADES, 1);
        trader.costs().priceImpact(costs.priceImpactUsdc());
        trader.costs().transferFees(costs.transferFeeUsdc());

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
            trader.costs().sandwichLoss(actualLoss / 1e9 * solPrice.doubleValue());
            MevEvent event = new MevEvent(uuid(), at, trader.id(), token.mint(), Optional.empty(), probability,
                    TokenAmount.of(predictedLoss), TokenAmount.of(actualLoss), outcome).forTrade(trade.id());
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
        List<OrderTrigger> triggers = floor.ruleIds().getAndIncrement() % 2 == 0
                ? List.of(new StopLoss(entry.multiply(new BigDecimal("0.992"), SimulatedMarket.PRICE_DIGITS)),
                        new TakeProfit(entry.multiply(new BigDecimal("1.01"), SimulatedMarket.PRICE_DIGITS)))
                : List.of(new TrailingStop(80, entry.round(SimulatedMarket.PRICE_DIGITS)));
        for (OrderTrigger trigger : triggers) {
            OrderRule rule = OrderRule.active(uuid(), trader.id(), token.mint(), trigger, TokenAmount.of(units), at);
            if (tally.run("config.saveOrderRule", () -> data.configStore().saveOrderRule(rule, TradingFloor.ACTOR))) {
                trader.activeRules().add(rule);
                tally.event("rules_created", 1);
            }
        }
    }

    /**
     * Fires the rules the latest prices cross: each is triggered in the store exactly once (an empty answer means
     * another evaluator got it first), then sells; the trader's other rules on that token are cancelled.
     */
    void evaluateRules(Instant at) {
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
                Optional<Optional<OrderRule>> answer = tally.call("config.trigger", () -> data.configStore().trigger(rule.id(), at, TradingFloor.ACTOR));
                if (answer.isEmpty()) {
                    continue;
                }
                trader.activeRules().remove(rule);
                if (answer.get().isEmpty()) {
                    continue;
                }
                tally.event("rules_triggered", 1);
                cancelSiblings(trader, rule, at);
                SimulatedToken token = floor.token(rule.token());
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
                    && tally.call("config.cancel", () -> data.configStore().cancel(sibling.id(), at, TradingFloor.ACTOR)).isPresent()) {
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

    /**
     * What a trade cost beyond its network fee, in USDC at the quoted price: the price impact of its size on the pool
     * (buys pay above the quote, sells receive below it) and the Token-2022 transfer fee withheld from the tokens moved.
     */
    private record Costs(double priceImpactUsdc, double transferFeeUsdc) {}

    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
