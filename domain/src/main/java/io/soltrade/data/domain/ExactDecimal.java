package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one decimal shape every store holds exactly: at most 20 digits before the point and 18 after
 * (PostgreSQL {@code numeric(38,18)}, QuestDB {@code DECIMAL(38,18)}). Values are kept canonical (trailing
 * zeros stripped) so a value read back from any store equals the value written.
 */
public final class ExactDecimal {
    public static final int PRECISION = 38;
    public static final int SCALE = 18;
    private static final int INTEGER_DIGITS = PRECISION - SCALE;

    private ExactDecimal() {}

    /** Validates an input decimal: rejects more than 18 fractional digits instead of silently rounding. */
    public static BigDecimal of(BigDecimal value, String field) {
        Checks.notNull(value, field);
        // Checked before canonical(): setScale(0) on 1E+999999999 would build a billion-digit number.
        if (value.signum() != 0 && (long) value.precision() - value.scale() > INTEGER_DIGITS) {
            throw new DomainValidationException(field, shortText(value) + " has more than " + INTEGER_DIGITS + " digits before the point");
        }
        BigDecimal canonical = canonical(value);
        if (canonical.scale() > SCALE) {
            throw new DomainValidationException(field, shortText(value) + " has more than " + SCALE + " digits after the point");
        }
        return canonical;
    }

    /** toPlainString() of 1E-999999999 is a billion characters: messages use the short scientific form. */
    private static String shortText(BigDecimal value) {
        return Checks.printable(value.toString());
    }

    /** Validates a computed decimal, rounding half-even to 18 fractional digits first. */
    public static BigDecimal rounded(BigDecimal value, String field) {
        Checks.notNull(value, field);
        if (value.signum() != 0 && (long) value.precision() - value.scale() > INTEGER_DIGITS) {
            return of(value, field);
        }
        if ((long) value.precision() - value.scale() <= -(SCALE + 1)) {
            return BigDecimal.ZERO; // |value| < 1E-19: rounds to zero, and setScale on 1E-999999999 would overflow
        }
        return of(value.setScale(Math.min(value.scale(), SCALE), RoundingMode.HALF_EVEN), field);
    }

    public static BigDecimal positive(BigDecimal value, String field) {
        BigDecimal checked = of(value, field);
        if (checked.signum() <= 0) {
            throw new DomainValidationException(field, checked.toPlainString() + " must be greater than zero");
        }
        return checked;
    }

    public static BigDecimal nonNegative(BigDecimal value, String field) {
        BigDecimal checked = of(value, field);
        if (checked.signum() < 0) {
            throw new DomainValidationException(field, checked.toPlainString() + " must not be negative");
        }
        return checked;
    }

    private static BigDecimal canonical(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
