package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * The displayed (UI) amount accrues interest, compounded continuously; base-unit balances never change, so a
 * trader's raw amounts stay exact. Kept as on chain so the program's own UI-amount formula can be applied.
 *
 * @param rateAuthority may change the rate
 * @param initializationTimestamp unix seconds (i64) interest is computed from
 * @param preUpdateAverageRate the average rate in basis points (i16) from initialization to the last update
 * @param lastUpdateTimestamp unix seconds (i64) of the last rate change
 * @param currentRate the rate in basis points (i16) since the last update; may be negative
 */
public record InterestBearingConfig(
        Optional<Pubkey> rateAuthority,
        long initializationTimestamp,
        int preUpdateAverageRate,
        long lastUpdateTimestamp,
        int currentRate) implements TokenExtension {

    public InterestBearingConfig {
        ExtensionChecks.optionalKey(rateAuthority, "rateAuthority");
        ExtensionChecks.i16(preUpdateAverageRate, "preUpdateAverageRate");
        ExtensionChecks.i16(currentRate, "currentRate");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.INTEREST_BEARING_CONFIG;
    }
}
