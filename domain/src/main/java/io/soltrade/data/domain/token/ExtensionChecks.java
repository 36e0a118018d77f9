package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/** Validations the extension records share, on top of {@link Checks}. */
final class ExtensionChecks {
    static final Pubkey NONE = Pubkey.ofBytes(new byte[Pubkey.BYTES]);

    private ExtensionChecks() {}

    /**
     * An optional key as Token-2022 stores it: on chain the all-zero key means "none", so {@code Optional.of} that
     * key is rejected and "none" has exactly one form.
     */
    static Optional<Pubkey> optionalKey(Optional<Pubkey> value, String field) {
        Checks.notNull(value, field);
        value.ifPresent(key -> {
            if (key == null) {
                throw new DomainValidationException(field, "is null");
            }
            if (key.equals(NONE)) {
                throw new DomainValidationException(field, "is the all-zero key, which Token-2022 reads as none: use Optional.empty()");
            }
        });
        return value;
    }

    /**
     * A string from on-chain metadata: may be empty (many mints have no uri), at most {@code maxLength} chars,
     * valid Unicode (chain strings are UTF-8, so no unpaired surrogate) and without U+0000, which neither
     * PostgreSQL text nor jsonb can hold.
     */
    static String onChainText(String value, String field, int maxLength) {
        Checks.notNull(value, field);
        if (value.length() > maxLength) {
            throw new DomainValidationException(field, "is " + value.length() + " characters long, at most " + maxLength + " allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                throw new DomainValidationException(field, "contains U+0000 at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new DomainValidationException(field, "has an unpaired surrogate at index " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new DomainValidationException(field, "has an unpaired surrogate at index " + i);
            }
        }
        return value;
    }

    /** An i16 as the chain stores it. */
    static int i16(int value, String field) {
        return Checks.inRange(value, field, Short.MIN_VALUE, Short.MAX_VALUE);
    }
}
