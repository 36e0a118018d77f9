package io.soltrade.data.ports;

import io.soltrade.data.domain.StreamName;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A live-feed channel, e.g. {@code prices.SOL}. Each channel mirrors a stream, from which a subscriber that
 * lost its connection fills the gap.
 */
public record FeedChannel(String name, StreamName stream) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    public FeedChannel {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(stream, "stream is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("channel name must be 1 to 64 of A-Z a-z 0-9 _ . : -, got '" + name + "'");
        }
    }
}
