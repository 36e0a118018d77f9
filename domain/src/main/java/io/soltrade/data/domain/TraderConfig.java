package io.soltrade.data.domain;

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
        settings = settingsOf(settings);
        Checks.nonNegative(version, "version");
    }

    /**
     * {@code settings} as a configuration holds them: at most {@link #MAX_SETTINGS} entries, each key a setting name,
     * each value 1 to 1024 printable characters; sorted and immutable. The result is kept as it is by the constructor
     * (it checks and copies any other map), so a store that reads the same settings often can check them once.
     */
    public static SortedMap<String, String> settingsOf(Map<String, String> settings) {
        if (settings instanceof CheckedSettings checked) {
            return checked;
        }
        Checks.notNull(settings, "settings");
        if (settings.size() > MAX_SETTINGS) {
            throw new DomainValidationException("settings", "has " + settings.size() + " entries, at most " + MAX_SETTINGS + " allowed");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        settings.forEach((k, v) -> {
            Checks.matches(k, "settings key", SETTING_KEY, "a setting name ([a-zA-Z_][a-zA-Z0-9_.]*)");
            copy.put(k, Checks.text(v, "settings." + k, 1024));
        });
        return new CheckedSettings(copy);
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
