package io.soltrade.data.domain;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A trader's configuration. {@code version} is for optimistic locking: 0 means never stored; a store accepts
 * an update only if {@code version} equals the stored version, and then stores {@code version + 1}.
 */
public record TraderConfig(
        TraderId trader,
        TradingMode mode,
        RiskLimits limits,
        MevProtection mevProtection,
        SortedMap<String, String> settings,
        long version) {
    public static final int MAX_SETTINGS = 64;
    private static final Pattern SETTING_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.]{0,63}");

    public TraderConfig {
        Checks.notNull(trader, "trader");
        Checks.notNull(mode, "mode");
        Checks.notNull(limits, "limits");
        Checks.notNull(mevProtection, "mevProtection");
        Checks.notNull(settings, "settings");
        if (settings.size() > MAX_SETTINGS) {
            throw new DomainValidationException("settings", "has " + settings.size() + " entries, at most " + MAX_SETTINGS + " allowed");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        settings.forEach((k, v) -> {
            Checks.matches(k, "settings key", SETTING_KEY, "a setting name ([a-zA-Z_][a-zA-Z0-9_.]*)");
            copy.put(k, Checks.text(v, "settings." + k, 1024));
        });
        settings = Collections.unmodifiableSortedMap(copy);
        Checks.nonNegative(version, "version");
    }

    public static TraderConfig of(TraderId trader, TradingMode mode, RiskLimits limits, MevProtection mevProtection, Map<String, String> settings) {
        return new TraderConfig(trader, mode, limits, mevProtection, Checks.sortedCopy(settings, "settings"), 0);
    }

    public TraderConfig withVersion(long newVersion) {
        return new TraderConfig(trader, mode, limits, mevProtection, settings, newVersion);
    }

    public TraderConfig withLimits(RiskLimits newLimits) {
        return new TraderConfig(trader, mode, newLimits, mevProtection, settings, version);
    }

    public TraderConfig withMevProtection(MevProtection newProtection) {
        return new TraderConfig(trader, mode, limits, newProtection, settings, version);
    }
}
