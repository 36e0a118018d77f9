package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A token amount in base units: an unsigned 64-bit integer, as the SPL token program keeps it. The whole
 * range 0 .. 18,446,744,073,709,551,615 is valid; the bits live in a {@code long} read as unsigned, so the hot
 * path allocates nothing. Arithmetic is exact and throws on overflow instead of wrapping.
 */
public record TokenAmount(long unsignedBits) implements Comparable<TokenAmount> {
    public static final TokenAmount ZERO = new TokenAmount(0);
    public static final TokenAmount MAX = new TokenAmount(-1L);
    private static final BigInteger MAX_VALUE = new BigInteger("18446744073709551615");

    /** An amount from a non-negative {@code long}; use {@link #of(BigInteger)} above {@link Long#MAX_VALUE}. */
    public static TokenAmount of(long units) {
        return new TokenAmount(Checks.nonNegative(units, "amount"));
    }

    public static TokenAmount of(BigInteger units) {
        Checks.notNull(units, "amount");
        if (units.signum() < 0 || units.compareTo(MAX_VALUE) > 0) {
            throw new DomainValidationException("amount", describe(units) + " is outside the u64 range 0.." + MAX_VALUE);
        }
        return new TokenAmount(units.longValue());
    }

    /** The number itself when short, else its sign and size: a refused 10^1000 must not make a 1,000-digit message. */
    private static String describe(BigInteger units) {
        if (units.bitLength() <= 128) {
            return units.toString();
        }
        long digits = (long) (units.bitLength() * Math.log10(2)) + 1;
        return "a " + (units.signum() < 0 ? "negative " : "") + "number of about " + digits + " digits";
    }

    /** Parses decimal base units, e.g. {@code "18446744073709551615"}. */
    public static TokenAmount parse(String units) {
        Checks.notNull(units, "amount");
        if (units.isEmpty() || units.length() > 20 || !units.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DomainValidationException("amount", "'" + Checks.printable(units) + "' is not an unsigned integer of at most 20 digits");
        }
        return of(new BigInteger(units));
    }

    public BigInteger toBigInteger() {
        return unsignedBits >= 0 ? BigInteger.valueOf(unsignedBits) : BigInteger.valueOf(unsignedBits).add(BigInteger.ONE.shiftLeft(64));
    }

    public BigDecimal toBigDecimal() {
        return new BigDecimal(toBigInteger());
    }

    /** This amount in whole tokens, for a mint with {@code decimals} decimals. */
    public BigDecimal toUiAmount(int decimals) {
        Checks.inRange(decimals, "decimals", 0, 255);
        return toBigDecimal().movePointLeft(decimals);
    }

    public boolean isZero() {
        return unsignedBits == 0;
    }

    public TokenAmount plus(TokenAmount other) {
        Checks.notNull(other, "other");
        long sum = unsignedBits + other.unsignedBits;
        if (Long.compareUnsigned(sum, unsignedBits) < 0) {
            throw new ArithmeticException("u64 overflow: " + this + " + " + other);
        }
        return new TokenAmount(sum);
    }

    public TokenAmount minus(TokenAmount other) {
        Checks.notNull(other, "other");
        if (Long.compareUnsigned(unsignedBits, other.unsignedBits) < 0) {
            throw new ArithmeticException("u64 underflow: " + this + " - " + other);
        }
        return new TokenAmount(unsignedBits - other.unsignedBits);
    }

    @Override
    public int compareTo(TokenAmount other) {
        return Long.compareUnsigned(unsignedBits, other.unsignedBits);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(unsignedBits);
    }
}
