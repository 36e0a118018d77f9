package io.soltrade.data.domain.token;

/**
 * A Token-2022 mint extension. The set is closed: every mint extension of the SPL Token-2022 program has a
 * record here, and {@link UnknownExtension} carries any other one unchanged so it round-trips through a store.
 *
 * <p>Conventions shared by every record: an optional authority or address (on chain an
 * {@code OptionalNonZeroPubkey}, all zeros meaning "none") is an {@code Optional<Pubkey>}, never null, and
 * {@code Optional.of} the all-zero key is rejected so "none" has one form; an on-chain {@code u64} that is not a
 * token amount (epochs, group sizes) is a {@code long} read as unsigned, like {@link io.soltrade.data.domain.TokenAmount};
 * an {@code i64} unix timestamp is a plain {@code long} of seconds. {@link TokenExtensionCodec} turns any
 * extension into a flat string map and back.
 */
public sealed interface TokenExtension
        permits TransferFeeConfig, MintCloseAuthority, ConfidentialTransferMint, DefaultAccountState, NonTransferable,
                InterestBearingConfig, PermanentDelegate, TransferHook, ConfidentialTransferFeeConfig, MetadataPointer,
                TokenMetadataExtension, GroupPointer, TokenGroup, GroupMemberPointer, TokenGroupMember, ScaledUiAmount,
                Pausable, ConfidentialMintBurn, PermissionedBurn, UnknownExtension {

    ExtensionType type();

    /** The on-chain TLV type code; a mint holds each code at most once. */
    default int typeCode() {
        return type().code();
    }
}
