package io.soltrade.data.app.config;

import java.util.Arrays;
import java.util.Optional;

/** A store technology an adapter runs on; each chosen backend gets its own Guice injector. */
public enum Backend {
    MEMORY("memory"),
    POSTGRES("postgres"),
    QUESTDB("questdb"),
    REDIS("redis");

    private final String key;

    Backend(String key) {
        this.key = key;
    }

    /** The name configuration uses, e.g. {@code questdb}. */
    public String key() {
        return key;
    }

    static Optional<Backend> byKey(String key) {
        return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
