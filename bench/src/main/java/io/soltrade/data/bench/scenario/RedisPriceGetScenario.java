package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.PriceCache;
import java.util.List;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.SetParams;

/** {@code PriceCache.get} of one cached price against a raw {@code GET} of a value of the same size. */
final class RedisPriceGetScenario implements Scenario {
    static final String NAME = "redis.price-get";

    private final OursThrough through;
    private final String name;

    RedisPriceGetScenario(OursThrough through) {
        this.through = through;
        this.name = through.name(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String measures() {
        return through.describe("PriceCache.get(symbol) of a cached quote vs Jedis GET of the same-size value (JedisPooled, one caller)");
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        RedisBench redis = context.backend(RedisBench.class, RedisBench::open);
        PriceCache cache = redis.priceCache(through);
        JedisPooled raw = redis.raw();
        BenchQuotes quotes = context.quotes();
        TokenSymbol symbol = TokenSymbol.of("BENCH");
        String rawKey = redis.rawKey("price:BENCH");
        long ttlMillis = cache.ttl().toMillis();
        // A round ends after its calls or half the TTL, whichever comes first, so the value read is never expired
        // (a slow, shared machine can take longer than the TTL for the full count).
        long roundBudgetNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(ttlMillis / 2);
        // Short rounds: each starts with a fresh value, and must end well inside the cache TTL (1-2 s).
        int getsPerRound = context.sizing().size(2_000, 50);
        Side ours = new Side() {
            @Override
            public void prepare() {
                cache.put(quotes.next(symbol));
            }

            @Override
            public void round(RoundRecorder recorder) throws Exception {
                long stopAt = System.nanoTime() + roundBudgetNanos;
                for (int i = 0; i < getsPerRound && System.nanoTime() < stopAt; i++) {
                    recorder.time(1, () -> {
                        if (cache.get(symbol).isEmpty()) {
                            throw new IllegalStateException("the cached price expired during a round; rounds must be shorter than the TTL");
                        }
                    });
                }
            }
        };
        Side rawSide = new Side() {
            @Override
            public void prepare() {
                raw.set(rawKey, BenchQuotes.cacheValue(quotes.next(symbol)), SetParams.setParams().px(ttlMillis));
            }

            @Override
            public void round(RoundRecorder recorder) throws Exception {
                long stopAt = System.nanoTime() + roundBudgetNanos;
                for (int i = 0; i < getsPerRound && System.nanoTime() < stopAt; i++) {
                    recorder.time(1, () -> {
                        if (raw.get(rawKey) == null) {
                            throw new IllegalStateException("the raw value expired during a round; rounds must be shorter than the TTL");
                        }
                    });
                }
            }
        };
        Comparison comparison = context.rounds().run(ours, rawSide);
        String why = through.why("get sends one MGET of the value and its 'seen' marker (so an expired price is told from one never "
                + "cached) and decodes the quote into a PriceQuote (BigDecimal price, validated record), where the raw side "
                + "sends a GET and keeps the string; both are one round trip, so the gap is client CPU (1.8 to 3.4 us a read, "
                + "measured), a few percent of a 35 to 90 us round trip and 20 to 30 percent of an 8 to 20 us one: the machine's "
                + "wake-up path decides which (docs/bench.md)");
        return new ScenarioOutcome(List.of(
                comparison.meanLatency(name, Goal.ratioAndBelow(1, "ms"), why),
                comparison.latencyPercentile(name, 50, Goal.ratio(), why),
                comparison.latencyPercentile(name, 99, Goal.ratio(), why),
                comparison.latencyPercentile(name, 99.9, Goal.ratio(), why),
                comparison.throughput(name, "gets/s", Goal.ratio(), why)),
                List.of(comparison.latencyProfile(name, "PriceCache.get vs GET")));
    }
}
