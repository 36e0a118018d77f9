package io.soltrade.data.domain.token;

/** Mint extension types, with the type code the Token-2022 program gives each in its TLV data. */
public enum ExtensionType {
    TRANSFER_FEE_CONFIG(1),
    UNKNOWN(-1);

    private final int code;

    ExtensionType(int code) {
        this.code = code;
    }

    /** The on-chain TLV type code; -1 for {@link #UNKNOWN}, whose code each {@link UnknownExtension} carries. */
    public int code() {
        return code;
    }
}
