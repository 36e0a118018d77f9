package io.soltrade.data.domain;

import java.util.regex.Pattern;

/** Who trades: 1 to 64 letters, digits, '_', '-' or '.'. Safe inside keys, paths and log lines. */
public record TraderId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public TraderId {
        Checks.matches(value, "traderId", FORMAT, "1 to 64 of A-Z a-z 0-9 _ . -");
    }

    public static TraderId of(String value) {
        return new TraderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
