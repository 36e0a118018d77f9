package io.soltrade.data.app.config;

import java.time.Duration;

/**
 * A duration as the configuration files write it ({@code 10s}, {@code 250ms}, {@code 2m}, {@code 1h30m}), never
 * Java's {@code PT10S}: what every message and summary prints.
 */
public final class DurationText {

    private DurationText() {}

    public static String of(Duration duration) {
        if (duration.isNegative()) {
            return "-" + of(duration.negated());
        }
        if (duration.isZero()) {
            return "0s";
        }
        long nanos = duration.toNanosPart();
        if (duration.toSeconds() == 0 || nanos != 0) {
            return nanos % 1_000_000 == 0 && duration.toSeconds() < Long.MAX_VALUE / 1_000
                    ? duration.toMillis() + "ms"
                    : duration.toNanos() % 1_000 == 0 ? duration.toNanos() / 1_000 + "us" : duration.toNanos() + "ns";
        }
        StringBuilder out = new StringBuilder();
        long hours = duration.toHours();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (duration.toMinutesPart() > 0) {
            out.append(duration.toMinutesPart()).append('m');
        }
        if (duration.toSecondsPart() > 0) {
            out.append(duration.toSecondsPart()).append('s');
        }
        return out.toString();
    }
}
