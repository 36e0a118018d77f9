package io.soltrade.data.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The index answers every read as a {@link TreeMap} of the same entries would, whatever order the keys arrive in. */
class TimeOrderedIndexTest {
    private static final int KEYS = 2_000;

    @Test
    void keysInTimeOrderAreReadBackInOrder() {
        assertReadsLikeATreeMap(keys(new Random(1)), new Random(2));
    }

    @Test
    void keysInReverseOrderAreAllLate() {
        List<TimeKey> keys = keys(new Random(3));
        Collections.reverse(keys);
        assertReadsLikeATreeMap(keys, new Random(4));
    }

    @Test
    void keysInRandomOrderMixTheRunAndTheLateEntries() {
        for (long seed = 5; seed < 25; seed++) {
            List<TimeKey> keys = keys(new Random(seed));
            Collections.shuffle(keys, new Random(seed));
            assertReadsLikeATreeMap(keys, new Random(seed + 1_000));
        }
    }

    @Test
    void mostlyInOrderWithStragglers() {
        Random random = new Random(30);
        List<TimeKey> keys = keys(random);
        for (int i = 0; i < KEYS / 10; i++) {
            Collections.swap(keys, random.nextInt(KEYS), random.nextInt(KEYS));
        }
        assertReadsLikeATreeMap(keys, new Random(31));
    }

    @Test
    void aKeyStoredAgainReplacesItsValueWhereverItIs() {
        Random random = new Random(40);
        List<TimeKey> keys = keys(random);
        Collections.shuffle(keys.subList(KEYS / 2, KEYS), random);
        TimeOrderedIndex<String> index = new TimeOrderedIndex<>();
        NavigableMap<TimeKey, String> expected = new TreeMap<>();
        for (TimeKey key : keys) {
            index.put(key, "first " + key);
            expected.put(key, "first " + key);
        }
        for (int i = 0; i < KEYS / 4; i++) {
            TimeKey key = keys.get(random.nextInt(KEYS));
            index.put(key, "second " + key);
            expected.put(key, "second " + key);
        }
        assertThat(list(index.newestFirst())).containsExactlyElementsOf(expected.descendingMap().values());
    }

    @Test
    void anEmptyIndexReadsNothing() {
        TimeOrderedIndex<String> index = new TimeOrderedIndex<>();
        TimeKey key = TimeKey.first(Instant.EPOCH);

        assertThat(list(index.newestFirst())).isEmpty();
        assertThat(index.between(key, new TimeKey(Instant.EPOCH.plusSeconds(1), ""))).isEmpty();
        assertThat(list(index.newestBefore(key))).isEmpty();
    }

    /** Distinct keys in ascending order: a few seconds of instants, several ids at some of them. */
    private static List<TimeKey> keys(Random random) {
        List<TimeKey> keys = new ArrayList<>();
        long micros = 0;
        for (int i = 0; i < KEYS; i++) {
            micros += random.nextInt(3);
            keys.add(new TimeKey(Instant.EPOCH.plusNanos(micros * 1_000), String.format("id-%05d", i)));
        }
        Collections.sort(keys);
        return keys;
    }

    private static void assertReadsLikeATreeMap(List<TimeKey> arrivalOrder, Random random) {
        TimeOrderedIndex<String> index = new TimeOrderedIndex<>();
        NavigableMap<TimeKey, String> expected = new TreeMap<>();
        for (TimeKey key : arrivalOrder) {
            index.put(key, key.id());
            expected.put(key, key.id());
        }
        assertThat(list(index.newestFirst())).containsExactlyElementsOf(expected.descendingMap().values());
        List<TimeKey> sorted = new ArrayList<>(expected.keySet());
        for (int i = 0; i < 200; i++) {
            TimeKey a = probe(sorted, random);
            TimeKey b = probe(sorted, random);
            TimeKey from = a.compareTo(b) <= 0 ? a : b;
            TimeKey to = a.compareTo(b) <= 0 ? b : a;
            assertThat(index.between(from, to)).as("between %s and %s", from, to)
                    .containsExactlyElementsOf(expected.subMap(from, true, to, false).values());
            assertThat(list(index.newestBefore(a))).as("before %s", a)
                    .containsExactlyElementsOf(expected.headMap(a, false).descendingMap().values());
        }
    }

    /** A stored key, or the first possible key at a stored key's instant (what the store's range reads use). */
    private static TimeKey probe(List<TimeKey> sorted, Random random) {
        TimeKey stored = sorted.get(random.nextInt(sorted.size()));
        return random.nextBoolean() ? stored : TimeKey.first(stored.at());
    }

    private static List<String> list(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }
}
