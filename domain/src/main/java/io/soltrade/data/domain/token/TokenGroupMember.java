package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;

/**
 * This mint belongs to {@code group}.
 *
 * @param memberNumber the group's size right after this mint joined: 1 for the first member, a u64 read as unsigned
 */
public record TokenGroupMember(Pubkey mint, Pubkey group, long memberNumber) implements TokenExtension {

    public TokenGroupMember {
        Checks.notNull(mint, "mint");
        Checks.notNull(group, "group");
        if (memberNumber == 0) {
            throw new DomainValidationException("memberNumber", "is 0: members are numbered from 1");
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.TOKEN_GROUP_MEMBER;
    }
}
