package io.soltrade.data.ports;

import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TokenSymbol;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A live-feed channel, e.g. {@code prices.SOL}. Each channel mirrors a stream, from which a subscriber that
 * lost its connection fills the gap. A name is 1 to 64 of {@code A-Z a-z 0-9 _ . : -}, or a name built from a token
 * symbol by {@link #prices}, which may also hold {@code %} escapes and be as long as the encoded symbol.
 */
public record FeedChannel(String name, StreamName stream) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final String PRICES = "prices.";
    private static final Pattern PRICES_NAME = Pattern.compile("prices\\.[A-Za-z0-9_.%-]+");

    public FeedChannel {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(stream, "stream is null");
        if (!NAME.matcher(name).matches() && !(name.startsWith(PRICES) && PRICES_NAME.matcher(name).matches()
                && name.length() <= PRICES.length() + 9 * TokenSymbol.MAX_LENGTH)) {
            throw new IllegalArgumentException("channel name must be 1 to 64 of A-Z a-z 0-9 _ . : -, or FeedChannel.prices(symbol), got '"
                    + (name.length() > 80 ? name.substring(0, 80) + "..." : name) + "'");
        }
    }

    /**
     * Equal name and stream, written out: the live feed looks its channel up on every publish, and a record's generated
     * {@code equals} and {@code hashCode} run through method handles that a feed publishing at 10 Hz calls too rarely
     * for the JIT to compile (about 40 µs of a 0.3 ms publish, cold; docs/bench.md, "Live feed, fifth pass").
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof FeedChannel channel && name.equals(channel.name) && stream == channel.stream;
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + stream.hashCode();
    }

    /**
     * The price channel of a symbol: {@code prices.} and the symbol's {@link TokenSymbol#percentEncoded()} form, so
     * {@code SOL} is {@code prices.SOL} and {@code $WIF} is {@code prices.%24WIF}, on the price-updates stream.
     */
    public static FeedChannel prices(TokenSymbol symbol) {
        Objects.requireNonNull(symbol, "symbol is null");
        return new FeedChannel(PRICES + symbol.percentEncoded(), StreamName.PRICE_UPDATES);
    }
}
