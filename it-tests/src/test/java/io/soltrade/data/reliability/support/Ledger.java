package io.soltrade.data.reliability.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What callers were told about their writes, kept while many threads write, so a test can afterwards hold the
 * stores to it row by row: every acknowledged value must be stored exactly as acknowledged, and every write that
 * was not acknowledged must have been reported to its caller (here, with the failure it got).
 *
 * @param <K> the value's natural key
 * @param <V> the value
 */
public final class Ledger<K, V> {
    private final Map<K, V> acknowledged = new ConcurrentHashMap<>();
    private final Map<K, V> unacknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    /** The store acknowledged {@code value}; a second acknowledgement of a key is a bug in the test. */
    public void acknowledged(K key, V value) {
        if (acknowledged.putIfAbsent(key, value) != null) {
            throw new IllegalStateException("acknowledged twice: " + key);
        }
        unacknowledged.remove(key);
    }

    /** The caller was told the write of {@code value} failed (it may or may not be stored: an ambiguous failure). */
    public void failed(K key, V value, Throwable failure) {
        if (!acknowledged.containsKey(key)) {
            unacknowledged.put(key, value);
        }
        failures.add(failure);
    }

    public Map<K, V> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    public Map<K, V> unacknowledged() {
        return Map.copyOf(unacknowledged);
    }

    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }
}
