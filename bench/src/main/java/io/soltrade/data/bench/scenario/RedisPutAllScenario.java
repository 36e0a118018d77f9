package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.PriceCache;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** {@code PriceCache.putAll} of 50 fresh quotes (one pipeline) against a raw pipeline of 50 {@code SET ... PX}. */
final class RedisPutAllScenario implements Scenario {
    static final String NAME = "redis.put-all-50";
    private static final int KEYS = 50;

    private final OursThrough through;
    private final String name;

    RedisPutAllScenario(OursThrough through) {
        this.through = through;
        this.name = through.name(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String measures() {
        return through.describe("PriceCache.putAll(50 quotes), one set-if-newer script call for the 50, vs a Jedis pipeline of 50 SET PX");
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        RedisBench redis = context.backend(RedisBench.class, RedisBench::open);
        PriceCache cache = redis.priceCache(through);
        JedisPooled raw = redis.raw();
        BenchQuotes quotes = context.quotes();
        List<TokenSymbol> symbols = BenchQuotes.symbols(KEYS);
        String[] rawKeys = symbols.stream().map(symbol -> redis.rawKey("put:" + symbol.value())).toArray(String[]::new);
        long ttlMillis = cache.ttl().toMillis();
        int callsPerRound = context.sizing().size(500, 10);
        Side ours = new QuoteBatches(quotes, symbols, callsPerRound) {
            @Override
            void write(List<PriceQuote> batch) {
                cache.putAll(batch);
            }
        };
        Side rawSide = new QuoteBatches(quotes, symbols, callsPerRound) {
            @Override
            void write(List<PriceQuote> batch) {
                try (AbstractPipeline pipeline = raw.pipelined()) {
                    for (int i = 0; i < KEYS; i++) {
                        pipeline.set(rawKeys[i], BenchQuotes.cacheValue(batch.get(i)), SetParams.setParams().px(ttlMillis));
                    }
                    pipeline.sync();
                }
            }
        };
        Comparison comparison = context.rounds().run(ours, rawSide);
        String why = through.why("the set-if-newer script (one EVALSHA for the 50) checks each quote's stored value (EXISTS) and reads its version "
                + "(GET), compares, and writes the value and its companion (two SETs with TTLs) inside Redis: four commands run from Lua "
                + "per quote where the raw side sends one blind SET; the ordering guarantee (an older quote never replaces a newer "
                + "one) and the companion that tells expired from never cached are what the extra server work buys");
        return new ScenarioOutcome(List.of(
                comparison.throughput(name, "quotes/s", Goal.ratio(), why),
                comparison.latencyPercentile(name, 50, Goal.ratio(), why),
                comparison.latencyPercentile(name, 99, Goal.ratio(), why)),
                List.of(comparison.latencyProfile(name, "putAll(50) vs pipelined SET x50")));
    }

    /** Writes {@code callsPerRound} batches of fresh quotes (made before the round), each one timed operation. */
    private abstract static class QuoteBatches implements Side {
        private final BenchQuotes quotes;
        private final List<TokenSymbol> symbols;
        private final int callsPerRound;
        private List<List<PriceQuote>> batches = List.of();

        QuoteBatches(BenchQuotes quotes, List<TokenSymbol> symbols, int callsPerRound) {
            this.quotes = quotes;
            this.symbols = symbols;
            this.callsPerRound = callsPerRound;
        }

        abstract void write(List<PriceQuote> batch);

        @Override
        public void prepare() {
            List<List<PriceQuote>> next = new ArrayList<>(callsPerRound);
            for (int i = 0; i < callsPerRound; i++) {
                next.add(quotes.next(symbols));
            }
            batches = next;
        }

        @Override
        public void round(RoundRecorder recorder) throws Exception {
            for (List<PriceQuote> batch : batches) {
                recorder.time(batch.size(), () -> write(batch));
            }
        }
    }
}
