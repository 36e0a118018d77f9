package io.soltrade.data.cli.simulator;

import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Prices that move like a market (geometric Brownian motion per token) and the pools that quote them, with
 * reserves that follow the price and drift with liquidity. Slots advance with wall time at Solana's ~400 ms.
 * One thread ticks; any thread may read prices, liquidity and slots meanwhile.
 */
final class SimulatedMarket {
    static final MathContext PRICE_DIGITS = new MathContext(9, RoundingMode.HALF_EVEN);
    private static final String SOURCE = "sim";
    private static final long SLOT_MILLIS = 400;

    private final List<SimulatedToken> tokens;
    private final RandomGenerator random;
    private final Map<TokenSymbol, Double> prices = new ConcurrentHashMap<>();
    private final Map<TokenSymbol, Double> liquidity = new ConcurrentHashMap<>();
    private final long firstSlot;
    private final long startMillis;

    SimulatedMarket(List<SimulatedToken> tokens, RandomGenerator random, long firstSlot, long startMillis) {
        this.tokens = List.copyOf(tokens);
        this.random = random;
        this.firstSlot = firstSlot;
        this.startMillis = startMillis;
        for (SimulatedToken token : tokens) {
            prices.put(token.symbol(), token.openingPrice().doubleValue());
            liquidity.put(token.symbol(), (double) token.liquidityUsdc());
        }
    }

    List<SimulatedToken> tokens() {
        return tokens;
    }

    long slotAt(Instant at) {
        return firstSlot + Math.max(0, at.toEpochMilli() - startMillis) / SLOT_MILLIS;
    }

    /** Moves every price by one step of {@code seconds} and returns the new quotes, one per token. */
    List<PriceQuote> tick(double seconds, Instant at) {
        List<PriceQuote> quotes = new ArrayList<>(tokens.size());
        for (SimulatedToken token : tokens) {
            double sigma = token.volatility();
            double step = sigma * Math.sqrt(seconds) * random.nextGaussian() - 0.5 * sigma * sigma * seconds;
            double price = prices.get(token.symbol()) * Math.exp(step);
            prices.put(token.symbol(), price);
            liquidity.compute(token.symbol(), (s, l) -> Math.max(token.liquidityUsdc() * 0.2, l * (1 + 0.01 * random.nextGaussian())));
            quotes.add(new PriceQuote(token.symbol(), price(token), slotAt(at), at, SOURCE));
        }
        return quotes;
    }

    /** Each token's pool at the current price: half its liquidity on each side. */
    List<PoolState> pools(Instant at) {
        List<PoolState> states = new ArrayList<>(tokens.size());
        for (SimulatedToken token : tokens) {
            double sideUsdc = liquidity.get(token.symbol()) / 2;
            double baseUnits = sideUsdc / prices.get(token.symbol()) * Math.pow(10, token.decimals());
            double quoteUnits = sideUsdc * 1_000_000;
            states.add(new PoolState(token.dex(), token.pool(), token.mint(), SimulatedToken.USDC.mint(),
                    TokenAmount.of((long) Math.min(baseUnits, Long.MAX_VALUE)), TokenAmount.of((long) quoteUnits),
                    feeBps(token), slotAt(at), at));
        }
        return states;
    }

    SimulatedToken token(TokenSymbol symbol) {
        return tokens.stream().filter(t -> t.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a session token: " + symbol));
    }

    /** The current price, as a store holds it (nine significant digits). */
    BigDecimal price(SimulatedToken token) {
        return new BigDecimal(prices.get(token.symbol()), PRICE_DIGITS);
    }

    /** The USDC depth on one side of the token's pool. */
    double poolSideUsdc(SimulatedToken token) {
        return liquidity.get(token.symbol()) / 2;
    }

    private static int feeBps(SimulatedToken token) {
        return switch (token.dex()) {
            case RAYDIUM_AMM, RAYDIUM_CPMM -> 25;
            case ORCA_WHIRLPOOL, RAYDIUM_CLMM -> 5;
            default -> 10;
        };
    }
}
