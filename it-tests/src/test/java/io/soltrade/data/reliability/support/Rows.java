package io.soltrade.data.reliability.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Row-by-row comparison of what a store holds with what a {@link Ledger} says was acknowledged. */
public final class Rows {
    private Rows() {}

    /**
     * {@code found} holds every acknowledged value exactly once and equal to it, and nothing else but values whose
     * write was reported failed to its caller ({@code mayAlsoHold}: an ambiguous failure may or may not be stored).
     */
    public static <K, V> void assertHoldsExactly(String store, List<V> found, Map<K, V> acknowledged, Map<K, V> mayAlsoHold, Function<V, K> key) {
        Map<K, Integer> copies = new HashMap<>();
        Map<K, V> byKey = new HashMap<>();
        for (V value : found) {
            K k = key.apply(value);
            copies.merge(k, 1, Integer::sum);
            byKey.put(k, value);
        }
        List<String> problems = new ArrayList<>();
        copies.forEach((k, n) -> {
            if (n > 1) {
                problems.add(k + " stored " + n + " times");
            }
        });
        acknowledged.forEach((k, value) -> {
            V stored = byKey.get(k);
            if (stored == null) {
                problems.add(k + " acknowledged but missing");
            } else if (!stored.equals(value)) {
                problems.add(k + " stored as " + stored + ", acknowledged as " + value);
            }
        });
        byKey.forEach((k, stored) -> {
            if (!acknowledged.containsKey(k)) {
                V reported = mayAlsoHold.get(k);
                if (reported == null) {
                    problems.add(k + " stored but never written by this test");
                } else if (!Objects.equals(reported, stored)) {
                    problems.add(k + " (reported failed) stored as " + stored + ", written as " + reported);
                }
            }
        });
        assertThat(problems.size()).as("%s: %d rows found, %d acknowledged; problems (first 20): %s", store, found.size(), acknowledged.size(),
                problems.subList(0, Math.min(20, problems.size()))).isZero();
    }

    public static <K, V> void assertHoldsExactly(String store, List<V> found, Map<K, V> acknowledged, Function<V, K> key) {
        assertHoldsExactly(store, found, acknowledged, Map.of(), key);
    }
}
