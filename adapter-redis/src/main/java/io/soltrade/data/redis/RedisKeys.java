package io.soltrade.data.redis;

import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.ports.FeedChannel;
import java.util.Objects;

/**
 * Every key and channel name the adapter uses, built only from validated domain values under one namespace.
 *
 * <p>Each logical key ({@code price:SOL}, {@code pool:<address>}, {@code stream:price-updates}) sits inside a
 * Redis Cluster hash tag, and the companion keys a script touches together with it are suffixed outside the
 * braces, so they hash to the same slot: {@code ns:{stream:price-updates}} and
 * {@code ns:{stream:price-updates}:dead-letters} meet in one script on a cluster too.
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
     * {@code ns:{price:SOL}}: the cached quote, with the cache TTL. The symbol is written in its
     * {@link TokenSymbol#percentEncoded()} form ({@code $WIF} is {@code ns:{price:%24WIF}}), so no symbol can break the
     * hash tag, the {@code :seen} suffix or a SCAN pattern, and two symbols never share a key.
     */
    String price(TokenSymbol symbol) {
        return tagged("price:" + symbol.percentEncoded());
    }

    /** {@code ns:{pool:<address>}}: the cached pool state, with the cache TTL. */
    String pool(Pubkey pool) {
        return tagged("pool:" + pool.base58());
    }

    /**
     * {@code <value key>:seen}: a marker written with every stored value that outlives it, so a lookup can tell
     * an expired value from one never cached.
     */
    static String seenMarker(String valueKey) {
        return valueKey + ":seen";
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
