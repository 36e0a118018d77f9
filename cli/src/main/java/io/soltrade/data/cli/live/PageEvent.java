package io.soltrade.data.cli.live;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One message to the page: a Server-Sent Event of {@code type} with a JSON {@code data} body. {@code key} names what the
 * event is the latest value of ({@code price:SOL}, {@code health}): a client buffer keeps one event per key, so a
 * newer event replaces an undelivered older one. Events that must not replace each other (a batch of trades, an
 * alert) have keys of their own.
 */
record PageEvent(String type, String key, String data) {
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    PageEvent {
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(data, "data is null");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be [a-z][a-z0-9-]{0,31}, got '" + type + "'");
        }
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("event data must be one line (compact JSON), got a line break in " + key);
        }
    }

    /** The event as it goes on the wire: {@code event: TYPE}, {@code data: JSON} and a blank line. */
    byte[] wireFormat() {
        return ("event: " + type + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
