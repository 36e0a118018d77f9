package io.soltrade.data.domain;

import java.util.AbstractMap;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * A trader's settings after {@link TraderConfig}'s checks: sorted, immutable, every key and value valid. Only
 * {@link TraderConfig#settingsOf} makes one, so a {@link TraderConfig} handed one (a store reading the same settings
 * text again) keeps it instead of checking and copying it again.
 */
final class CheckedSettings extends AbstractMap<String, String> implements SortedMap<String, String> {
    private final SortedMap<String, String> entries;

    /** {@code entries} must be checked already and never changed afterwards (the caller gives up its reference). */
    CheckedSettings(SortedMap<String, String> entries) {
        this.entries = java.util.Collections.unmodifiableSortedMap(entries);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public String get(Object key) {
        return entries.get(key);
    }

    @Override
    public Comparator<? super String> comparator() {
        return entries.comparator();
    }

    @Override
    public SortedMap<String, String> subMap(String fromKey, String toKey) {
        return entries.subMap(fromKey, toKey);
    }

    @Override
    public SortedMap<String, String> headMap(String toKey) {
        return entries.headMap(toKey);
    }

    @Override
    public SortedMap<String, String> tailMap(String fromKey) {
        return entries.tailMap(fromKey);
    }

    @Override
    public String firstKey() {
        return entries.firstKey();
    }

    @Override
    public String lastKey() {
        return entries.lastKey();
    }

    @Override
    public Set<String> keySet() {
        return entries.keySet();
    }

    @Override
    public java.util.Collection<String> values() {
        return entries.values();
    }

    /** Unmodifiable: the inherited mutators would reach {@link #entrySet()}, which refuses them. */
    @Override
    public String put(String key, String value) {
        throw new UnsupportedOperationException("settings are immutable");
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> map) {
        throw new UnsupportedOperationException("settings are immutable");
    }
}
