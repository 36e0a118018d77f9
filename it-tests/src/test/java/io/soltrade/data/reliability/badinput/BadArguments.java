package io.soltrade.data.reliability.badinput;

import io.soltrade.data.ports.PortInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of argument values every port must refuse, shared by the per-port suites. */
final class BadArguments {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private BadArguments() {}

    /** Query limits outside 1..10,000, edges included. */
    static Arbitrary<Integer> badLimits() {
        return Arbitraries.oneOf(
                Arbitraries.integers().lessOrEqual(0),
                Arbitraries.integers().greaterOrEqual(PortInput.MAX_LIMIT + 1),
                Arbitraries.of(0, -1, PortInput.MAX_LIMIT + 1, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /**
     * Consumer-group, consumer and channel names a port must refuse: empty, too long, and every kind of hostile
     * text (RESP framing, glob and hash-tag characters, spaces, control characters, non-ASCII).
     */
    static Arbitrary<String> badNames() {
        return Arbitraries.oneOf(
                        HostileText.payloads(),
                        Arbitraries.strings().all().ofMinLength(0).ofMaxLength(80),
                        Arbitraries.strings().withChars("abc-_.:").ofLength(65),
                        Arbitraries.strings().withChars("ab *?[]{}\r\n\0$\"'\\").ofMinLength(1).ofMaxLength(20))
                .filter(name -> !NAME.matcher(name).matches());
    }

    /** Negative durations, the smallest and the largest included. */
    static Arbitrary<Duration> negativeDurations() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE, -1).map(Duration::ofNanos),
                Arbitraries.longs().between(Long.MIN_VALUE, -1).map(Duration::ofSeconds),
                Arbitraries.of(Duration.ofNanos(-1), Duration.ofMillis(-1), Duration.ofSeconds(Long.MIN_VALUE)));
    }

    /**
     * A batch of {@code 0..maxValid} valid items (from {@code item}) with {@code null} at a random position: the
     * valid ones must not be written either.
     */
    static <T> Arbitrary<List<T>> batchWithNull(Supplier<T> item, int maxValid) {
        return Combinators.combine(Arbitraries.integers().between(0, maxValid), Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((size, position) -> {
                    List<T> batch = new ArrayList<>(size + 1);
                    for (int i = 0; i < size; i++) {
                        batch.add(item.get());
                    }
                    batch.add(position % (size + 1), null);
                    return batch;
                });
    }

    /** One valid item repeated past the largest batch a port accepts. */
    static <T> Arbitrary<List<T>> oversizedBatch(Supplier<T> item) {
        return Arbitraries.integers().between(1, 1_000).map(extra -> Collections.nCopies(PortInput.MAX_BATCH + extra, item.get()));
    }

    /** A size-capped description of a list, for reports. */
    static String describe(List<?> batch) {
        int nullAt = batch.indexOf(null);
        return batch.size() + " items" + (nullAt >= 0 ? ", null at " + nullAt : "");
    }
}
