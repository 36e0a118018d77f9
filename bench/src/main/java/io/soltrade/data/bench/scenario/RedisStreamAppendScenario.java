package io.soltrade.data.bench.scenario;

import io.soltrade.data.bench.measure.Comparison;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.RoundRecorder;
import io.soltrade.data.bench.measure.Side;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.EventStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/**
 * {@code EventStream.publish} of a price update into a stream capped at 10,000 entries against a raw
 * {@code XADD ... MAXLEN = 10000} of the same JSON. The rounds append well past the cap, so both sides trim.
 */
final class RedisStreamAppendScenario implements Scenario {
    static final String NAME = "redis.stream-append";

    private final OursThrough through;
    private final String name;

    RedisStreamAppendScenario(OursThrough through) {
        this.through = through;
        this.name = through.name(NAME);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String measures() {
        return through.describe("EventStream.publish(price update), capped at 10,000 entries, vs Jedis XADD MAXLEN = 10000 of the same JSON");
    }

    @Override
    public ScenarioOutcome run(ScenarioContext context) throws Exception {
        RedisBench redis = context.backend(RedisBench.class, RedisBench::open);
        EventStream stream = redis.eventStream(through);
        JedisPooled raw = redis.raw();
        String rawKey = redis.rawKey("stream:price-updates");
        XAddParams capped = XAddParams.xAddParams().id(StreamEntryID.NEW_ENTRY).maxLen(stream.maxLength()).exactTrimming();
        BenchQuotes quotes = context.quotes();
        TokenSymbol symbol = TokenSymbol.of("BENCH");
        int appendsPerRound = context.sizing().size(2_000, 20);
        Side ours = new Appends(quotes, symbol, appendsPerRound) {
            @Override
            void append(PriceQuote quote) {
                stream.publish(new PriceUpdateEvent(quote));
            }
        };
        Side rawSide = new Appends(quotes, symbol, appendsPerRound) {
            @Override
            void append(PriceQuote quote) {
                raw.xadd(rawKey, capped, Map.of("event", BenchQuotes.json(quote)));
            }
        };
        Comparison comparison = context.rounds().run(ours, rawSide);
        String why = through.why("publish runs a Lua script that numbers the entry from a per-stream counter (HMGET, TIME, HSET) "
                + "before its XADD MAXLEN, so that ids never go backwards and a reader can tell how many entries the cap "
                + "trimmed before it read them; the raw XADD lets Redis pick the id");
        return new ScenarioOutcome(List.of(
                comparison.throughput(name, "events/s", Goal.ratio(), why),
                comparison.latencyPercentile(name, 50, Goal.ratio(), why),
                comparison.latencyPercentile(name, 99, Goal.ratio(), why)),
                List.of(comparison.latencyProfile(name, "publish (cap 10,000) vs XADD MAXLEN")));
    }

    /** Appends {@code count} fresh quotes (made before the round), each one timed operation. */
    private abstract static class Appends implements Side {
        private final BenchQuotes quotes;
        private final TokenSymbol symbol;
        private final int count;
        private List<PriceQuote> next = List.of();

        Appends(BenchQuotes quotes, TokenSymbol symbol, int count) {
            this.quotes = quotes;
            this.symbol = symbol;
            this.count = count;
        }

        abstract void append(PriceQuote quote);

        @Override
        public void prepare() {
            List<PriceQuote> fresh = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                fresh.add(quotes.next(symbol));
            }
            next = fresh;
        }

        @Override
        public void round(RoundRecorder recorder) throws Exception {
            for (PriceQuote quote : next) {
                recorder.time(1, () -> append(quote));
            }
        }
    }
}
