package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.PriceCache;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** {@code PriceCache.getAll} of 50 cached prices against one raw {@code MGET} of 50 keys. */
final class RedisGetAllScenario implements Scenario {
    static final String NAME = "redis.get-all-50";
    private static final int KEYS = 50;

    private final OursThrough through;
    private final String name;

    RedisGetAllScenario(OursThrough through) {
        this.through = through;
        this.name = through.name(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String measures() {
        return through.describe("PriceCache.getAll(50 symbols) vs Jedis MGET of 50 same-size values");
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        RedisBench redis = context.backend(RedisBench.class, RedisBench::open);
        PriceCache cache = redis.priceCache(through);
        JedisPooled raw = redis.raw();
        BenchQuotes quotes = context.quotes();
        List<TokenSymbol> symbols = BenchQuotes.symbols(KEYS);
        String[] rawKeys = symbols.stream().map(symbol -> redis.rawKey("price:" + symbol.value())).toArray(String[]::new);
        long ttlMillis = cache.ttl().toMillis();
        // A round ends after its calls or half the TTL, whichever comes first, so the value read is never expired
        // (a slow, shared machine can take longer than the TTL for the full count).
        long roundBudgetNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(ttlMillis / 2);
        int callsPerRound = context.sizing().size(1_000, 20);
        Side ours = new Side() {
            @Override
            public void prepare() {
                cache.putAll(quotes.next(symbols));
            }

            @Override
            public void round(RoundRecorder recorder) throws Exception {
                long stopAt = System.nanoTime() + roundBudgetNanos;
                for (int i = 0; i < callsPerRound && System.nanoTime() < stopAt; i++) {
                    recorder.time(KEYS, () -> {
                        if (cache.getAll(symbols).size() != KEYS) {
                            throw new IllegalStateException("cached prices expired during a round; rounds must be shorter than the TTL");
                        }
                    });
                }
            }
        };
        Side rawSide = new Side() {
            @Override
            public void prepare() {
                List<PriceQuote> fresh = quotes.next(symbols);
                try (AbstractPipeline pipeline = raw.pipelined()) {
                    for (int i = 0; i < KEYS; i++) {
                        pipeline.set(rawKeys[i], BenchQuotes.cacheValue(fresh.get(i)), SetParams.setParams().px(ttlMillis));
                    }
                    pipeline.sync();
                }
            }

            @Override
            public void round(RoundRecorder recorder) throws Exception {
                long stopAt = System.nanoTime() + roundBudgetNanos;
                for (int i = 0; i < callsPerRound && System.nanoTime() < stopAt; i++) {
                    recorder.time(KEYS, () -> {
                        if (raw.mget(rawKeys).contains(null)) {
                            throw new IllegalStateException("raw values expired during a round; rounds must be shorter than the TTL");
                        }
                    });
                }
            }
        };
        Comparison comparison = context.rounds().run(ours, rawSide);
        String why = through.why("getAll reads 100 keys in its one MGET (each value and its 'seen' marker) and decodes 50 PriceQuotes "
                + "into a map, where the raw MGET reads 50 strings");
        return new ScenarioOutcome(List.of(
                comparison.throughput(name, "keys/s", Goal.ratio(), why),
                comparison.latencyPercentile(name, 50, Goal.ratio(), why),
                comparison.latencyPercentile(name, 99, Goal.ratio(), why)),
                List.of(comparison.latencyProfile(name, "getAll(50) vs MGET 50")));
    }
}
