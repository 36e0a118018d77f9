package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * This mint is a group (a collection) that other mints join as {@link TokenGroupMember}s.
 *
 * @param updateAuthority may change the maximum size
 * @param size members so far, a u64 read as unsigned; never above {@code maxSize}
 * @param maxSize the most members the group accepts, a u64 read as unsigned
 */
public record TokenGroup(Optional<Pubkey> updateAuthority, Pubkey mint, long size, long maxSize) implements TokenExtension {

    public TokenGroup {
        ExtensionChecks.optionalKey(updateAuthority, "updateAuthority");
        Checks.notNull(mint, "mint");
        if (Long.compareUnsigned(size, maxSize) > 0) {
            throw new DomainValidationException("size", Long.toUnsignedString(size) + " exceeds maxSize " + Long.toUnsignedString(maxSize));
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.TOKEN_GROUP;
    }
}
