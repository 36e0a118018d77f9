package io.soltrade.data.domain;

import java.util.regex.Pattern;

/** A token's ticker, e.g. {@code SOL} or {@code USDC}: 1 to 16 letters, digits, '_', '-' or '.'. */
public record TokenSymbol(String value) implements Comparable<TokenSymbol> {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_.-]{1,16}");

    public TokenSymbol {
        Checks.matches(value, "symbol", FORMAT, "1 to 16 of A-Z a-z 0-9 _ . -");
    }

    public static TokenSymbol of(String value) {
        return new TokenSymbol(value);
    }

    @Override
    public int compareTo(TokenSymbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
