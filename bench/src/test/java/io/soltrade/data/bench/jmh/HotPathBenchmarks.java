package io.soltrade.data.bench.jmh;

import io.soltrade.data.domain.Fill;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.contract.ContractFixtures;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH micro-benchmarks of the CPU-bound hot paths every write crosses before any I/O: validating and storing a
 * trade in the in-memory adapter against a bare {@link ConcurrentHashMap} (the "raw" baseline), decoding a base58
 * address, and the average-cost P&L step. The server round trips are measured by the {@code bench} command; these
 * show what our own code adds on top. Not run by {@code verify}; see docs/bench.md for the command.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmarks {
    private static final int TRADES = 4_096;

    private Trade[] trades;
    private String[] addresses;
    private Fill[] fills;
    private static final TokenSymbol SOL = TokenSymbol.of("SOL");
    private static final Instant QUOTED_AT = Instant.parse("2026-12-02T12:00:00Z");
    private BigDecimal[] prices;
    private TokenSymbol[] symbols;
    private Position position;
    private MemoryTradeStore store;
    private ConcurrentHashMap<TradeId, Trade> raw;
    private int next;

    @Setup(Level.Trial)
    public void makeInputs() {
        Pubkey token = ContractFixtures.pubkey();
        trades = new Trade[TRADES];
        addresses = new String[TRADES];
        fills = new Fill[TRADES];
        Instant at = Instant.parse("2026-12-02T12:00:00Z");
        for (int i = 0; i < TRADES; i++) {
            trades[i] = ContractFixtures.paperTrade(token, at.plusMillis(i));
            addresses[i] = ContractFixtures.pubkey().toString();
            TradeSide side = i % 3 == 2 ? TradeSide.SELL : TradeSide.BUY;
            fills[i] = new Fill(side, BigDecimal.valueOf(1 + i % 7), new BigDecimal("101.25").add(BigDecimal.valueOf(i % 11)),
                    new BigDecimal("0.0005"), at.plusMillis(i));
        }
        prices = new BigDecimal[TRADES];
        for (int i = 0; i < TRADES; i++) {
            prices[i] = new BigDecimal("187.1234").add(BigDecimal.valueOf(i, 4));
        }
        symbols = new TokenSymbol[8];
        String[] names = {"SOL", "USDC", "JUP", "BONK", "WIF", "RAY", "ORCA", "PYTH"};
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = TokenSymbol.of(names[i]);
        }
        position = Position.flat(ContractFixtures.traderId(), TradingMode.PAPER, token, at);
    }

    /** A fresh store per iteration, so the maps do not grow across the whole run. */
    @Setup(Level.Iteration)
    public void makeStores() {
        store = new MemoryTradeStore();
        raw = new ConcurrentHashMap<>();
        next = 0;
    }

    private int nextIndex() {
        next = (next + 1) & (TRADES - 1);
        return next;
    }

    @Benchmark
    public void memoryTradeStoreSave() {
        store.save(trades[nextIndex()]);
    }

    @Benchmark
    public Trade rawMapPutIfAbsent() {
        Trade trade = trades[nextIndex()];
        return raw.putIfAbsent(trade.id(), trade);
    }

    @Benchmark
    public Pubkey pubkeyDecode() {
        return Pubkey.of(addresses[nextIndex()]);
    }

    /** The validated quote a cache read builds per price (source check, exact decimal), from already parsed parts. */
    @Benchmark
    public PriceQuote priceQuoteOf() {
        int i = nextIndex();
        return new PriceQuote(SOL, prices[i], i, QUOTED_AT, "jupiter", QuoteTokens.USDC);
    }

    /** The key text of a plain symbol, built per cache read. */
    @Benchmark
    public String symbolKeyText() {
        return symbols[nextIndex() & 7].percentEncoded();
    }

    @Benchmark
    public Position positionApply() {
        return position.apply(fills[nextIndex()]);
    }

    /** {@code java -cp ... io.soltrade.data.bench.jmh.HotPathBenchmarks}: 1 fork, 3 x 1 s warm-up, 5 x 1 s measured. */
    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(HotPathBenchmarks.class.getName())
                .forks(1).warmupIterations(3).warmupTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(org.openjdk.jmh.runner.options.TimeValue.seconds(1)).build()).run();
    }
}
