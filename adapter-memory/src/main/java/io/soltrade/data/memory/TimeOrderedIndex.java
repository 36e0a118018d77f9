package io.soltrade.data.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Values ordered by {@link TimeKey}: an index of {@link MemoryTradeStore} (all trades, one token's, one trader's).
 * Not thread-safe: the store's lock guards it.
 *
 * <p>Trades mostly arrive in time order, so the index is a sorted run of arrays that a newer key is appended to in
 * constant time, plus a {@link TreeMap} for the keys that arrive late (older than the run's last). Reads merge the
 * two. Profiled with JFR (docs/bench.md), three {@code TreeMap} inserts per trade (red-black rebalancing, a dozen
 * and more key comparisons each) were nearly all of {@code batchSave}'s time; an append is an array store. Any
 * order still costs O(log n) per insert.
 */
final class TimeOrderedIndex<T> {
    private static final int INITIAL_CAPACITY = 16;

    private TimeKey[] keys = new TimeKey[INITIAL_CAPACITY];
    @SuppressWarnings("unchecked")
    private T[] values = (T[]) new Object[INITIAL_CAPACITY];
    private int size;
    private final NavigableMap<TimeKey, T> late = new TreeMap<>();

    /** Stores {@code value} at {@code key}, replacing the value stored at the same key. */
    void put(TimeKey key, T value) {
        if (size == 0 || key.compareTo(keys[size - 1]) > 0) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return;
        }
        int at = Arrays.binarySearch(keys, 0, size, key);
        if (at >= 0) {
            values[at] = value;
        } else {
            late.put(key, value);
        }
    }

    /** Every value, newest first. */
    Iterable<T> newestFirst() {
        return () -> new Merged(size - 1, -1, late.descendingMap().entrySet().iterator(), true);
    }

    /** The values with {@code from <= key < to}, oldest first. */
    List<T> between(TimeKey from, TimeKey to) {
        List<T> out = new ArrayList<>();
        if (from.compareTo(to) >= 0) {
            return out;
        }
        Iterator<T> merged = new Merged(insertionPoint(from), insertionPoint(to), late.subMap(from, true, to, false).entrySet().iterator(), false);
        merged.forEachRemaining(out::add);
        return out;
    }

    /** The values with a key below {@code before}, newest first. */
    Iterable<T> newestBefore(TimeKey before) {
        return () -> new Merged(insertionPoint(before) - 1, -1, late.headMap(before, false).descendingMap().entrySet().iterator(), true);
    }

    /** The index of the first key of the run not below {@code key}. */
    private int insertionPoint(TimeKey key) {
        int at = Arrays.binarySearch(keys, 0, size, key);
        return at >= 0 ? at : -at - 1;
    }

    /**
     * The run's slice from {@code start} (inclusive) to {@code end} (exclusive), stepping up or down, merged with the
     * late entries of the same range in the same order. No key is in both: a late key is never in the run.
     */
    private final class Merged implements Iterator<T> {
        private final int end;
        private final boolean descending;
        private final Iterator<Map.Entry<TimeKey, T>> lateEntries;
        private int next;
        private Map.Entry<TimeKey, T> nextLate;

        Merged(int start, int end, Iterator<Map.Entry<TimeKey, T>> lateEntries, boolean descending) {
            this.next = start;
            this.end = end;
            this.descending = descending;
            this.lateEntries = lateEntries;
            this.nextLate = lateEntries.hasNext() ? lateEntries.next() : null;
        }

        @Override
        public boolean hasNext() {
            return runHasNext() || nextLate != null;
        }

        private boolean runHasNext() {
            return descending ? next > end : next < end;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            boolean fromRun;
            if (!runHasNext()) {
                fromRun = false;
            } else if (nextLate == null) {
                fromRun = true;
            } else {
                int order = keys[next].compareTo(nextLate.getKey());
                fromRun = descending ? order > 0 : order < 0;
            }
            if (fromRun) {
                T value = values[next];
                next += descending ? -1 : 1;
                return value;
            }
            T value = nextLate.getValue();
            nextLate = lateEntries.hasNext() ? lateEntries.next() : null;
            return value;
        }
    }
}
