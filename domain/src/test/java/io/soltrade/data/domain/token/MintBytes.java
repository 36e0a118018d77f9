package io.soltrade.data.domain.token;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds mint account data byte by byte from spl-token-2022's layouts (interface/src/state.rs {@code Mint::pack},
 * interface/src/extension/mod.rs for the padding, account type and TLV framing), so test vectors say what each
 * byte is rather than carrying opaque base64.
 */
final class MintBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The 82-byte base mint: COption tags as u32, u64 supply, u8 decimals, bool initialized. */
    static MintBytes mint(byte[] mintAuthority, long supply, int decimals, byte[] freezeAuthority) {
        MintBytes bytes = new MintBytes();
        bytes.cOption(mintAuthority).u64(supply).u8(decimals).u8(1).cOption(freezeAuthority);
        return bytes;
    }

    /** Zero padding up to {@code Account::LEN} (165), then the account type byte (1 = mint). */
    MintBytes accountType(int type) {
        while (out.size() < MintAccountDecoder.ACCOUNT_TYPE_OFFSET) {
            out.write(0);
        }
        return u8(type);
    }

    /** One TLV entry: u16 type, u16 length, then {@code value}. */
    MintBytes tlv(int type, byte[] value) {
        return u16(type).u16(value.length).raw(value);
    }

    MintBytes cOption(byte[] key) {
        if (key == null) {
            return u32(0).raw(new byte[32]);
        }
        return u32(1).raw(key);
    }

    MintBytes u8(int value) {
        out.write(value);
        return this;
    }

    MintBytes u16(int value) {
        out.write(value & 0xFF);
        out.write(value >>> 8 & 0xFF);
        return this;
    }

    MintBytes u32(long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> 8 * i) & 0xFF);
        }
        return this;
    }

    MintBytes u64(long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> 8 * i) & 0xFF);
        }
        return this;
    }

    MintBytes raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /** A Borsh string: u32 byte length, then UTF-8. */
    MintBytes string(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return u32(bytes.length).raw(bytes);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    /** An extension value built with the same little-endian writers. */
    static MintBytes value() {
        return new MintBytes();
    }
}
