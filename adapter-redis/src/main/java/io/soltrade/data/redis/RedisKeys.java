package io.soltrade.data.redis;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.FeedChannel;
import java.util.Objects;

/**
 * Every key and channel name the adapter uses, built only from validated domain values under one namespace.
 *
 * <p>Cache keys are what a reader in any language expects: {@code ns:price:SOL} and {@code ns:pool:<address>} hold
 * the price and the pool JSON themselves. Their companion key ({@link #meta}) carries the whole value key as its
 * Redis Cluster hash tag, {@code ns:meta:{ns:price:SOL}}, and a key without braces hashes whole, so the two share a
 * slot and one script or {@code MGET} touches both on a cluster too. A stream's logical key sits inside a hash tag
 * and its companion keys are suffixed outside the braces: {@code ns:{stream:price-updates}} and
 * {@code ns:{stream:price-updates}:dead-letters} share a slot the same way.
 */
final class RedisKeys {
    private final String namespace;

    RedisKeys(String namespace) {
        this.namespace = Objects.requireNonNull(namespace, "namespace is null");
    }

    String namespace() {
        return namespace;
    }

    /**
     * {@code ns:price:SOL}: the cached price as decimal text, with the cache TTL. The symbol is written in its
     * {@link TokenSymbol#percentEncoded()} form ({@code $WIF} is {@code ns:price:%24WIF}), so no symbol can put a
     * brace (a hash tag) or a glob character into a key, and two symbols never share a key.
     */
    String price(TokenSymbol symbol) {
        return namespace + ":price:" + symbol.percentEncoded();
    }

    /** {@code ns:pool:<address>}: the cached pool state as JSON, with the cache TTL. */
    String pool(Pubkey pool) {
        return namespace + ":pool:" + pool.base58();
    }

    /**
     * {@code ns:meta:{<value key>}}: the cached value's version and the rest of its fields, written with it; it
     * outlives the value, so a lookup can tell an expired value from one never cached. Same cluster slot as the value
     * key (see the class comment).
     */
    String meta(String valueKey) {
        return namespace + ":meta:{" + valueKey + "}";
    }

    /** {@code ns:{stream:price-updates}}. */
    String stream(StreamName stream) {
        return tagged(stream.key());
    }

    /** {@code ns:{stream:price-updates}:dead-letters}: entries delivered too often. */
    String deadLetters(StreamName stream) {
        return stream(stream) + ":dead-letters";
    }

    /** {@code ns:{stream:price-updates}:sequence}: the counter that numbers a stream's entries. */
    String sequence(StreamName stream) {
        return stream(stream) + ":sequence";
    }

    /** {@code ns:feed:prices.SOL}: the pub/sub channel of a live-feed channel (a symbol's is percent-encoded, see {@code FeedChannel.prices}). */
    String feed(FeedChannel channel) {
        return namespace + ":feed:" + channel.name();
    }

    /** The SCAN pattern of every key in this namespace (the namespace has no glob characters). */
    String everyKeyPattern() {
        return namespace + ":*";
    }

    private String tagged(String logicalKey) {
        return namespace + ":{" + logicalKey + "}";
    }
}
