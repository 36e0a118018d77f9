package io.soltrade.data.questdb;

import io.soltrade.data.domain.TradeId;
import java.util.Objects;

/**
 * A map from trade id to {@code V} that allocates nothing per entry: {@link TradeIntake}'s trades in flight and
 * remembered until applied, one entry per trade it has written in the last moments. A {@code java.util.HashMap} made a
 * 32-byte node per entry, about half of what a saved trade allocated beyond the raw sender (issue 14,
 * {@code memory.allocation-per-saved-trade}, docs/bench.md); here the ids, their hashes and the values sit in arrays
 * (open addressing, linear probing, removal by backward shift), which are allocated only when the table grows. No
 * library among the data layer's dependencies offers such a map, and a collections library would be a large dependency
 * for every host to carry for one table.
 *
 * <p>Like {@code HashMap} it never shrinks: after a burst it keeps the arrays that burst needed (12 bytes a slot with
 * compressed references, at most half of the slots used). Not thread-safe: {@link TradeIntake}'s ledger lock guards
 * it. No null ids or values.
 */
final class TradeIdTable<V> {
    private static final int MIN_CAPACITY = 16;

    /** The hash of the id in each slot; 0 in an empty slot (a hash that is 0 is stored as 1). */
    private int[] hashes;
    private TradeId[] ids;
    private Object[] values;
    private int size;

    TradeIdTable() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** The value stored for {@code id}, or null. */
    V get(TradeId id) {
        int slot = find(id);
        return slot < 0 ? null : value(slot);
    }

    /** Stores {@code value} for {@code id}; returns the value it replaced, or null. */
    V put(TradeId id, V value) {
        Objects.requireNonNull(value, "value");
        int hash = hash(id);
        int mask = hashes.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            if (hashes[slot] == 0) {
                if (2 * (size + 1) > hashes.length) {
                    grow();
                    return put(id, value);
                }
                hashes[slot] = hash;
                ids[slot] = id;
                values[slot] = value;
                size++;
                return null;
            }
            if (hashes[slot] == hash && ids[slot].equals(id)) {
                V old = value(slot);
                values[slot] = value;
                return old;
            }
        }
    }

    /** Removes {@code id}; returns the value it had, or null. */
    V remove(TradeId id) {
        int slot = find(id);
        if (slot < 0) {
            return null;
        }
        V old = value(slot);
        removeAt(slot);
        return old;
    }

    /** Removes {@code id} if its value is {@code value} (the same object); returns whether it did. */
    boolean remove(TradeId id, V value) {
        int slot = find(id);
        if (slot < 0 || values[slot] != value) {
            return false;
        }
        removeAt(slot);
        return true;
    }

    private int find(TradeId id) {
        int hash = hash(id);
        int mask = hashes.length - 1;
        for (int slot = hash & mask; hashes[slot] != 0; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && ids[slot].equals(id)) {
                return slot;
            }
        }
        return -1;
    }

    /**
     * Empties {@code slot} and moves back every later entry of its run that may sit there (its home slot is not between
     * the hole and where it sits), so a lookup that probes from an entry's home slot still meets it before an empty
     * slot: no tombstones, so a table that sees many removals probes no longer for them.
     */
    private void removeAt(int slot) {
        int mask = hashes.length - 1;
        int hole = slot;
        for (int next = (hole + 1) & mask; hashes[next] != 0; next = (next + 1) & mask) {
            int home = hashes[next] & mask;
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                hashes[hole] = hashes[next];
                ids[hole] = ids[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        hashes[hole] = 0;
        ids[hole] = null;
        values[hole] = null;
        size--;
    }

    private void grow() {
        int[] oldHashes = hashes;
        TradeId[] oldIds = ids;
        Object[] oldValues = values;
        allocate(oldHashes.length * 2);
        int mask = hashes.length - 1;
        for (int old = 0; old < oldHashes.length; old++) {
            if (oldHashes[old] != 0) {
                int slot = oldHashes[old] & mask;
                while (hashes[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                hashes[slot] = oldHashes[old];
                ids[slot] = oldIds[old];
                values[slot] = oldValues[old];
            }
        }
    }

    private void allocate(int capacity) {
        hashes = new int[capacity];
        ids = new TradeId[capacity];
        values = new Object[capacity];
    }

    @SuppressWarnings("unchecked")
    private V value(int slot) {
        return (V) values[slot];
    }

    /**
     * The id's hash code spread over all bits (ids' hash codes are String hash codes, whose low bits alone cluster), never
     * 0, which marks an empty slot.
     */
    private static int hash(TradeId id) {
        int h = id.hashCode() * 0x9E3779B9;
        h ^= h >>> 16;
        return h == 0 ? 1 : h;
    }

    @Override
    public String toString() {
        return "TradeIdTable[size=" + size + ", capacity=" + hashes.length + "]";
    }
}
