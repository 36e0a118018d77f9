package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;
import java.util.Optional;

/**
 * Points at the account holding this mint's group membership (often the mint itself, see {@link TokenGroupMember}).
 *
 * @param authority may change the pointer
 */
public record GroupMemberPointer(Optional<Pubkey> authority, Optional<Pubkey> memberAddress) implements TokenExtension {

    public GroupMemberPointer {
        ExtensionChecks.optionalKey(authority, "authority");
        ExtensionChecks.optionalKey(memberAddress, "memberAddress");
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.GROUP_MEMBER_POINTER;
    }
}
