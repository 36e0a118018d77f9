package io.soltrade.data.app.config;

import java.util.Objects;

/**
 * A configuration that cannot start the data layer: an unknown key, a missing or mistyped value, an adapter
 * that does not exist. Thrown at start-up, never at first use, and always names the key.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigurationException(String key, String problem) {
        this(key, problem, null);
    }

    public ConfigurationException(String key, String problem, Throwable cause) {
        super(Objects.requireNonNull(key, "key is null") + ": " + Objects.requireNonNull(problem, "problem is null"), cause);
        this.key = key;
    }

    /** The configuration key at fault, e.g. {@code soltrade.adapters.trades}. */
    public String key() {
        return key;
    }
}
