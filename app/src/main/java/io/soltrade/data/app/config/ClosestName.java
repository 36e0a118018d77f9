package io.soltrade.data.app.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/** The known name a mistyped one most likely meant: the nearest by edit distance, if it is near enough. */
final class ClosestName {
    private static final int MAX_DISTANCE = 3;

    private ClosestName() {}

    static Optional<String> to(String name, Collection<String> known) {
        return known.stream()
                .map(candidate -> Map.entry(candidate, editDistance(name, candidate)))
                .filter(entry -> entry.getValue() <= MAX_DISTANCE)
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each cost one. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
