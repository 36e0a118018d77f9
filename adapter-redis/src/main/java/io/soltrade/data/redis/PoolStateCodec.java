package io.soltrade.data.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.Dex;
import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import java.time.Instant;

/**
 * A cached pool state: the value key holds JSON with the venue, mints, reserves (u64 as decimal text, since JSON
 * numbers above 2^53 lose digits in many readers) and fee, so {@code GET ns:pool:<address>} answers it to any client.
 * The pool address is the key and the slot and observation time are the version; the companion key has no other
 * fields.
 */
final class PoolStateCodec implements CachedValueCodec<Pubkey, PoolState> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final RedisKeys keys;

    PoolStateCodec(RedisKeys keys) {
        this.keys = keys;
    }

    /** The JSON shape; field names are the stored format, keep them stable. */
    record PoolStateJson(String dex, String baseMint, String quoteMint, String baseReserve, String quoteReserve, int feeBps) {}

    @Override
    public String valueName() {
        return "pool state";
    }

    @Override
    public String redisKey(Pubkey pool) {
        return keys.pool(pool);
    }

    @Override
    public Pubkey keyOf(PoolState state) {
        return state.pool();
    }

    @Override
    public long slot(PoolState state) {
        return state.slot();
    }

    @Override
    public Instant observedAt(PoolState state) {
        return state.observedAt();
    }

    @Override
    public void appendFields(StringBuilder out, PoolState state) {
        // The JSON is the whole value.
    }

    @Override
    public String text(PoolState state) {
        try {
            return JSON.writeValueAsString(new PoolStateJson(state.dex().name(), state.baseMint().base58(), state.quoteMint().base58(),
                    state.baseReserve().toString(), state.quoteReserve().toString(), state.feeBps()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pool state cannot be written as JSON", e);
        }
    }

    @Override
    public PoolState decode(Pubkey pool, long slot, Instant observedAt, String text, String fields) {
        PoolStateJson json;
        try {
            json = JSON.readValue(text, PoolStateJson.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not pool state JSON: " + e.getOriginalMessage(), e);
        }
        return new PoolState(Dex.valueOf(json.dex()), pool, Pubkey.of(json.baseMint()), Pubkey.of(json.quoteMint()),
                TokenAmount.parse(json.baseReserve()), TokenAmount.parse(json.quoteReserve()), json.feeBps(), slot, observedAt);
    }
}
