package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a mint account's raw data (as RPC {@code getAccountInfo} returns it, base64) into a {@link MintAccount}
 * with every extension, following the layouts of spl-token-2022's {@code interface} crate:
 *
 * <ul>
 *   <li>bytes 0..82: the base {@code Mint} ({@code COption<Pubkey>} mint authority as a u32 tag and a key, u64 supply,
 *       u8 decimals, bool is_initialized, {@code COption<Pubkey>} freeze authority), little-endian;</li>
 *   <li>a Token-2022 mint with extensions: zero padding up to 165 bytes ({@code Account::LEN}), the account type at
 *       165 (1 = mint), then TLV entries from 166: u16 type, u16 length, the value; a type of 0 or fewer than two
 *       bytes left ends the list (the rest is room for a realloc);</li>
 *   <li>each value is the extension's {@code #[repr(C)]} Pod struct, exactly its size, or for {@code TokenMetadata}
 *       its Borsh encoding (u32-length-prefixed UTF-8 strings), consumed entirely.</li>
 * </ul>
 *
 * A type code this code does not name becomes an {@link UnknownExtension} with its raw bytes. Anything else that
 * does not follow the layout is refused with a {@link DomainValidationException} on field {@code data} whose
 * message names the byte offset, e.g. {@code data: at offset 170: TRANSFER_FEE_CONFIG is 100 bytes, its layout has 108}.
 */
public final class MintAccountDecoder {
    /** {@code Mint::LEN}. */
    public static final int MINT_LENGTH = 82;
    /** {@code Account::LEN}: where the account type of an account with extensions sits. */
    public static final int ACCOUNT_TYPE_OFFSET = 165;
    /** {@code Multisig::LEN}: never a valid size for an account with extensions. */
    static final int MULTISIG_LENGTH = 355;
    private static final int ACCOUNT_TYPE_MINT = 1;
    private static final int ACCOUNT_TYPE_ACCOUNT = 2;
    private static final int KEY = 32;

    private MintAccountDecoder() {}

    /** Decodes base64 account data owned by {@code owner} (the SPL Token or Token-2022 program). */
    public static MintAccount decodeBase64(Pubkey mint, Pubkey owner, String base64Data) {
        Checks.notNull(base64Data, "data");
        byte[] data;
        try {
            data = Base64.getDecoder().decode(base64Data.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("data", "is not base64: " + e.getMessage());
        }
        return decode(mint, owner, data);
    }

    /** {@link #decodeBase64} then {@link MintAccount#toTokenMetadata()}: for mints that carry their own metadata. */
    public static TokenMetadata decodeTokenMetadata(Pubkey mint, Pubkey owner, String base64Data) {
        return decodeBase64(mint, owner, base64Data).toTokenMetadata();
    }

    /** Decodes raw account data owned by {@code owner} (the SPL Token or Token-2022 program). */
    public static MintAccount decode(Pubkey mint, Pubkey owner, byte[] data) {
        Checks.notNull(mint, "mint");
        Checks.notNull(owner, "owner");
        Checks.notNull(data, "data");
        TokenProgram program = program(owner);
        if (data.length < MINT_LENGTH) {
            throw malformed(data.length, "the account is " + data.length + " bytes, a mint has at least " + MINT_LENGTH);
        }
        Bytes in = new Bytes(data, 0, MINT_LENGTH);
        Optional<Pubkey> mintAuthority = in.cOptionKey("mint authority");
        TokenAmount supply = new TokenAmount(in.u64());
        int decimals = in.u8();
        int initialized = in.u8();
        Optional<Pubkey> freezeAuthority = in.cOptionKey("freeze authority");
        if (initialized == 0) {
            throw malformed(45, "the mint is not initialized");
        }
        if (initialized != 1) {
            throw malformed(45, "is_initialized is " + initialized + ", not a bool");
        }
        List<TokenExtension> extensions = data.length == MINT_LENGTH ? List.of() : extensions(program, data);
        return new MintAccount(mint, program, mintAuthority, supply, decimals, freezeAuthority, extensions);
    }

    private static TokenProgram program(Pubkey owner) {
        for (TokenProgram program : TokenProgram.values()) {
            if (program.programId().equals(owner)) {
                return program;
            }
        }
        throw new DomainValidationException("owner", owner + " is neither the SPL Token nor the Token-2022 program: not a mint");
    }

    private static List<TokenExtension> extensions(TokenProgram program, byte[] data) {
        if (program == TokenProgram.SPL_TOKEN) {
            throw malformed(MINT_LENGTH, "an SPL Token mint is " + MINT_LENGTH + " bytes, this account has " + data.length);
        }
        if (data.length == MULTISIG_LENGTH) {
            throw malformed(0, "the account is " + MULTISIG_LENGTH + " bytes, the size of a multisig, which never has extensions");
        }
        if (data.length <= ACCOUNT_TYPE_OFFSET) {
            throw malformed(data.length, "a mint with extensions has its account type at offset " + ACCOUNT_TYPE_OFFSET + ", the account ends first");
        }
        for (int i = MINT_LENGTH; i < ACCOUNT_TYPE_OFFSET; i++) {
            if (data[i] != 0) {
                throw malformed(i, "the padding between the mint and its account type must be zero, found " + (data[i] & 0xFF));
            }
        }
        int accountType = data[ACCOUNT_TYPE_OFFSET] & 0xFF;
        if (accountType == ACCOUNT_TYPE_ACCOUNT) {
            throw malformed(ACCOUNT_TYPE_OFFSET, "the account type is 2: a token account, not a mint");
        }
        if (accountType != ACCOUNT_TYPE_MINT) {
            throw malformed(ACCOUNT_TYPE_OFFSET, "the account type is " + accountType + ", a mint's is " + ACCOUNT_TYPE_MINT);
        }
        List<TokenExtension> extensions = new ArrayList<>();
        Map<Integer, Integer> seenAt = new HashMap<>();
        int offset = ACCOUNT_TYPE_OFFSET + 1;
        while (data.length - offset >= 2) {
            int type = u16(data, offset);
            if (type == ExtensionType.UNINITIALIZED.code()) {
                break;
            }
            if (data.length - offset < 4) {
                throw malformed(offset, "extension type " + type + " has no room for its 2-byte length");
            }
            int length = u16(data, offset + 2);
            int valueStart = offset + 4;
            if (length > data.length - valueStart) {
                throw malformed(offset, name(type) + " declares " + length + " bytes, only " + (data.length - valueStart) + " remain");
            }
            Integer first = seenAt.putIfAbsent(type, offset);
            if (first != null) {
                throw malformed(offset, name(type) + " appears twice (first at offset " + first + ")");
            }
            extensions.add(extension(type, new Bytes(data, valueStart, valueStart + length), offset));
            offset = valueStart + length;
        }
        return extensions;
    }

    private static TokenExtension extension(int type, Bytes in, int offset) {
        ExtensionType known = ExtensionType.ofCode(type);
        if (known == ExtensionType.UNKNOWN) {
            return new UnknownExtension(type, Base64.getEncoder().encodeToString(in.rest()));
        }
        if (!known.isMintExtension()) {
            throw malformed(offset, name(type) + " belongs to token accounts, not to mints");
        }
        try {
            TokenExtension extension = switch (known) {
                case TRANSFER_FEE_CONFIG -> {
                    in.expect(108, offset, known);
                    yield new TransferFeeConfig(in.optionalKey(), in.optionalKey(), new TokenAmount(in.u64()), transferFee(in), transferFee(in));
                }
                case MINT_CLOSE_AUTHORITY -> {
                    in.expect(KEY, offset, known);
                    yield new MintCloseAuthority(in.optionalKey());
                }
                case CONFIDENTIAL_TRANSFER_MINT -> {
                    in.expect(KEY + 1 + ElGamalPubkey.BYTES, offset, known);
                    Optional<Pubkey> authority = in.optionalKey();
                    boolean autoApprove = in.bool();
                    byte[] auditor = in.take(ElGamalPubkey.BYTES);
                    yield new ConfidentialTransferMint(authority, autoApprove,
                            allZero(auditor) ? Optional.empty() : Optional.of(ElGamalPubkey.ofBytes(auditor)));
                }
                case DEFAULT_ACCOUNT_STATE -> {
                    in.expect(1, offset, known);
                    yield new DefaultAccountState(accountState(in.u8(), offset));
                }
                case NON_TRANSFERABLE -> {
                    in.expect(0, offset, known);
                    yield new NonTransferable();
                }
                case INTEREST_BEARING_CONFIG -> {
                    in.expect(KEY + 8 + 2 + 8 + 2, offset, known);
                    yield new InterestBearingConfig(in.optionalKey(), in.u64(), in.i16(), in.u64(), in.i16());
                }
                case PERMANENT_DELEGATE -> {
                    in.expect(KEY, offset, known);
                    yield new PermanentDelegate(in.optionalKey());
                }
                case TRANSFER_HOOK -> {
                    in.expect(2 * KEY, offset, known);
                    yield new TransferHook(in.optionalKey(), in.optionalKey());
                }
                case CONFIDENTIAL_TRANSFER_FEE_CONFIG -> {
                    in.expect(KEY + ElGamalPubkey.BYTES + 1 + ElGamalCiphertext.BYTES, offset, known);
                    yield new ConfidentialTransferFeeConfig(in.optionalKey(), ElGamalPubkey.ofBytes(in.take(ElGamalPubkey.BYTES)), in.bool(),
                            ElGamalCiphertext.ofBytes(in.take(ElGamalCiphertext.BYTES)));
                }
                case METADATA_POINTER -> {
                    in.expect(2 * KEY, offset, known);
                    yield new MetadataPointer(in.optionalKey(), in.optionalKey());
                }
                case TOKEN_METADATA -> tokenMetadata(in, offset);
                case GROUP_POINTER -> {
                    in.expect(2 * KEY, offset, known);
                    yield new GroupPointer(in.optionalKey(), in.optionalKey());
                }
                case TOKEN_GROUP -> {
                    in.expect(2 * KEY + 16, offset, known);
                    yield new TokenGroup(in.optionalKey(), in.key(), in.u64(), in.u64());
                }
                case GROUP_MEMBER_POINTER -> {
                    in.expect(2 * KEY, offset, known);
                    yield new GroupMemberPointer(in.optionalKey(), in.optionalKey());
                }
                case TOKEN_GROUP_MEMBER -> {
                    in.expect(2 * KEY + 8, offset, known);
                    yield new TokenGroupMember(in.key(), in.key(), in.u64());
                }
                case CONFIDENTIAL_MINT_BURN -> {
                    in.expect(ElGamalCiphertext.BYTES + AeCiphertext.BYTES + ElGamalPubkey.BYTES + ElGamalCiphertext.BYTES, offset, known);
                    yield new ConfidentialMintBurn(ElGamalCiphertext.ofBytes(in.take(ElGamalCiphertext.BYTES)), AeCiphertext.ofBytes(in.take(AeCiphertext.BYTES)),
                            ElGamalPubkey.ofBytes(in.take(ElGamalPubkey.BYTES)), ElGamalCiphertext.ofBytes(in.take(ElGamalCiphertext.BYTES)));
                }
                case SCALED_UI_AMOUNT -> {
                    in.expect(KEY + 24, offset, known);
                    yield new ScaledUiAmount(in.optionalKey(), Double.longBitsToDouble(in.u64()), in.u64(), Double.longBitsToDouble(in.u64()));
                }
                case PAUSABLE -> {
                    in.expect(KEY + 1, offset, known);
                    yield new Pausable(in.optionalKey(), in.bool());
                }
                case PERMISSIONED_BURN -> {
                    in.expect(KEY, offset, known);
                    yield new PermissionedBurn(in.optionalKey());
                }
                default -> throw malformed(offset, name(type) + " has no decoder");
            };
            return extension;
        } catch (DomainValidationException e) {
            if (e.field().equals("data")) {
                throw e;
            }
            throw malformed(offset, name(type) + " holds a value the program never writes: " + e.getMessage());
        }
    }

    private static TransferFee transferFee(Bytes in) {
        long epoch = in.u64();
        TokenAmount maximumFee = new TokenAmount(in.u64());
        return new TransferFee(epoch, maximumFee, in.u16());
    }

    private static AccountState accountState(int code, int offset) {
        for (AccountState state : AccountState.values()) {
            if (state.code() == code) {
                return state;
            }
        }
        throw malformed(offset, "DEFAULT_ACCOUNT_STATE holds account state " + code + ", not 0, 1 or 2");
    }

    /** spl-token-metadata-interface's {@code TokenMetadata}, Borsh: two keys, three strings, a vector of string pairs. */
    private static TokenMetadataExtension tokenMetadata(Bytes in, int offset) {
        Optional<Pubkey> updateAuthority = in.optionalKey();
        Pubkey mint = in.key();
        String name = in.string("name");
        String symbol = in.string("symbol");
        String uri = in.string("uri");
        long count = in.u32();
        if (count > TokenMetadataExtension.MAX_ADDITIONAL_FIELDS) {
            throw malformed(in.position() - 4, "TOKEN_METADATA has " + count + " additional fields, at most "
                    + TokenMetadataExtension.MAX_ADDITIONAL_FIELDS + " are kept");
        }
        Map<String, String> additional = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            int at = in.position();
            String key = in.string("additional_metadata key");
            if (additional.put(key, in.string("additional_metadata value")) != null) {
                throw malformed(at, "TOKEN_METADATA repeats the additional field '" + key + "'");
            }
        }
        if (in.remaining() != 0) {
            throw malformed(in.position(), "TOKEN_METADATA ends " + in.remaining() + " bytes before its TLV value does");
        }
        return new TokenMetadataExtension(updateAuthority, mint, name, symbol, uri, additional);
    }

    private static String name(int type) {
        ExtensionType known = ExtensionType.ofCode(type);
        return known == ExtensionType.UNKNOWN ? "extension type " + type : known.name() + " (type " + type + ")";
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] data, int offset) {
        return (data[offset] & 0xFF) | (data[offset + 1] & 0xFF) << 8;
    }

    static DomainValidationException malformed(int offset, String problem) {
        return new DomainValidationException("data", "at offset " + offset + ": " + problem);
    }

    /** A little-endian reader over {@code data[position, end)} whose errors name absolute offsets. */
    private static final class Bytes {
        private final ByteBuffer buffer;
        private final int end;

        Bytes(byte[] data, int start, int end) {
            this.end = end;
            this.buffer = ByteBuffer.wrap(data, start, end - start).order(ByteOrder.LITTLE_ENDIAN);
        }

        int position() {
            return buffer.position();
        }

        int remaining() {
            return end - buffer.position();
        }

        void expect(int size, int tlvOffset, ExtensionType type) {
            if (remaining() != size) {
                throw malformed(tlvOffset, type.name() + " is " + remaining() + " bytes, its layout has " + size);
            }
        }

        private void need(int bytes, String what) {
            if (remaining() < bytes) {
                throw malformed(position(), what + " needs " + bytes + " bytes, only " + remaining() + " remain");
            }
        }

        byte[] take(int length) {
            need(length, "a field");
            byte[] out = new byte[length];
            buffer.get(out);
            return out;
        }

        byte[] rest() {
            return take(remaining());
        }

        int u8() {
            need(1, "a u8");
            return buffer.get() & 0xFF;
        }

        boolean bool() {
            return u8() != 0; // PodBool: any non-zero byte is true, as in the program
        }

        int u16() {
            need(2, "a u16");
            return buffer.getShort() & 0xFFFF;
        }

        int i16() {
            need(2, "an i16");
            return buffer.getShort();
        }

        long u32() {
            need(4, "a u32");
            return buffer.getInt() & 0xFFFFFFFFL;
        }

        long u64() {
            need(8, "a u64");
            return buffer.getLong();
        }

        Pubkey key() {
            return Pubkey.ofBytes(take(KEY));
        }

        /** {@code OptionalNonZeroPubkey} / {@code MaybeNull<Address>}: all zeros is none. */
        Optional<Pubkey> optionalKey() {
            byte[] key = take(KEY);
            return allZero(key) ? Optional.empty() : Optional.of(Pubkey.ofBytes(key));
        }

        /** {@code COption<Pubkey>}: a u32 tag (0 none, 1 some) and the key, present either way. */
        Optional<Pubkey> cOptionKey(String what) {
            int at = position();
            long tag = u32();
            Pubkey key = key();
            if (tag == 0) {
                return Optional.empty();
            }
            if (tag != 1) {
                throw malformed(at, "the " + what + " option tag is " + tag + ", not 0 or 1");
            }
            return Optional.of(key);
        }

        /** A Borsh {@code String}: u32 byte length, then that many bytes of UTF-8. */
        String string(String what) {
            int at = position();
            long length = u32();
            if (length > remaining()) {
                throw malformed(at, "TOKEN_METADATA " + what + " declares " + length + " bytes, only " + remaining() + " remain");
            }
            byte[] bytes = take((int) length);
            try {
                CharBuffer text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                return text.toString();
            } catch (CharacterCodingException e) {
                throw malformed(at + 4, "TOKEN_METADATA " + what + " is not valid UTF-8");
            }
        }
    }
}
