package io.soltrade.data.domain.token;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * The displayed (UI) amount is the raw amount times a multiplier (stock splits, rebasing); raw balances never
 * change. The multipliers are IEEE doubles because the chain stores f64; they are kept bit-exact.
 *
 * @param authority may set a new multiplier
 * @param multiplier in force before {@code newMultiplierEffectiveTimestamp}
 * @param newMultiplierEffectiveTimestamp unix seconds (i64) from which {@code newMultiplier} applies
 */
public record ScaledUiAmount(Optional<Pubkey> authority, double multiplier, long newMultiplierEffectiveTimestamp, double newMultiplier)
        implements TokenExtension {

    public ScaledUiAmount {
        ExtensionChecks.optionalKey(authority, "authority");
        requireValidMultiplier(multiplier, "multiplier");
        requireValidMultiplier(newMultiplier, "newMultiplier");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.SCALED_UI_AMOUNT;
    }

    /** The multiplier in force at {@code unixTimestamp} seconds. */
    public double multiplierAt(long unixTimestamp) {
        return unixTimestamp >= newMultiplierEffectiveTimestamp ? newMultiplier : multiplier;
    }

    /** The program accepts only positive normal multipliers (no zero, subnormal, infinite or NaN value). */
    private static void requireValidMultiplier(double value, String field) {
        if (!(value >= Double.MIN_NORMAL && value <= Double.MAX_VALUE)) {
            throw new DomainValidationException(field, "is " + value + ", must be a positive normal number");
        }
    }
}
