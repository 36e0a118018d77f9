package io.soltrade.data.domain.token;

/**
 * The Token-2022 extension types, each with the type code the program writes in its TLV data (the
 * {@code ExtensionType} enum of spl-token-2022, {@code #[repr(u16)]}, in declaration order). Account-only types are
 * listed too so that a code read from chain always has a name; only mint extensions have a record here.
 */
public enum ExtensionType {
    UNINITIALIZED(0, false),
    TRANSFER_FEE_CONFIG(1, true),
    TRANSFER_FEE_AMOUNT(2, false),
    MINT_CLOSE_AUTHORITY(3, true),
    CONFIDENTIAL_TRANSFER_MINT(4, true),
    CONFIDENTIAL_TRANSFER_ACCOUNT(5, false),
    DEFAULT_ACCOUNT_STATE(6, true),
    IMMUTABLE_OWNER(7, false),
    MEMO_TRANSFER(8, false),
    NON_TRANSFERABLE(9, true),
    INTEREST_BEARING_CONFIG(10, true),
    CPI_GUARD(11, false),
    PERMANENT_DELEGATE(12, true),
    NON_TRANSFERABLE_ACCOUNT(13, false),
    TRANSFER_HOOK(14, true),
    TRANSFER_HOOK_ACCOUNT(15, false),
    CONFIDENTIAL_TRANSFER_FEE_CONFIG(16, true),
    CONFIDENTIAL_TRANSFER_FEE_AMOUNT(17, false),
    METADATA_POINTER(18, true),
    TOKEN_METADATA(19, true),
    GROUP_POINTER(20, true),
    TOKEN_GROUP(21, true),
    GROUP_MEMBER_POINTER(22, true),
    TOKEN_GROUP_MEMBER(23, true),
    CONFIDENTIAL_MINT_BURN(24, true),
    SCALED_UI_AMOUNT(25, true),
    PAUSABLE(26, true),
    PAUSABLE_ACCOUNT(27, false),
    PERMISSIONED_BURN(28, true),
    /** Any type code without a name here; each {@link UnknownExtension} carries its own code. */
    UNKNOWN(-1, false);

    private final int code;
    private final boolean mintExtension;

    ExtensionType(int code, boolean mintExtension) {
        this.code = code;
        this.mintExtension = mintExtension;
    }

    /** The on-chain TLV type code; -1 for {@link #UNKNOWN}, whose code each {@link UnknownExtension} carries. */
    public int code() {
        return code;
    }

    /** Whether this type lives on a mint (and so has a record in this package) rather than on a token account. */
    public boolean isMintExtension() {
        return mintExtension;
    }

    /** The type with this TLV code, or {@link #UNKNOWN} when the code has no name here. */
    public static ExtensionType ofCode(int code) {
        for (ExtensionType type : values()) {
            if (type.code == code && type != UNKNOWN) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
