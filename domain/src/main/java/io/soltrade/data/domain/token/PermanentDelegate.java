package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/** {@code delegate} may transfer or burn tokens from any account of this mint: a risk a trader must see. */
public record PermanentDelegate(Optional<Pubkey> delegate) implements TokenExtension {

    public PermanentDelegate {
        ExtensionChecks.optionalKey(delegate, "delegate");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.PERMANENT_DELEGATE;
    }
}
