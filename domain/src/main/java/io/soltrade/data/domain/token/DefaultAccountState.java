package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;

/**
 * The state every new token account of this mint starts in. {@link AccountState#FROZEN} means a trader cannot
 * receive or move the token until the freeze authority thaws the account: an allow-list token.
 */
public record DefaultAccountState(AccountState state) implements TokenExtension {

    public DefaultAccountState {
        Checks.notNull(state, "state");
        if (state == AccountState.UNINITIALIZED) {
            throw new DomainValidationException("state", "is UNINITIALIZED, which Token-2022 never accepts as a default state");
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.DEFAULT_ACCOUNT_STATE;
    }
}
