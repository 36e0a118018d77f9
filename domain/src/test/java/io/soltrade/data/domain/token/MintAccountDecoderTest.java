package io.soltrade.data.domain.token;

import static io.soltrade.data.domain.token.MintBytes.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Mint account data decoded into extensions. No published fixture of a real mainnet mint was found (the
 * token-2022 repository's tests/fixtures hold only program binaries), so the vectors are the program's own unit-test
 * vectors (interface/src/state.rs {@code TEST_MINT_SLICE}, interface/src/extension/mod.rs {@code MINT_WITH_EXTENSION},
 * copied byte for byte) and vectors built byte by byte from each extension's {@code #[repr(C)]} struct in
 * interface/src/extension/*&#47;mod.rs (solana-program/token-2022 at 426400f2), sizes cross-checked there.
 */
class MintAccountDecoderTest {
    private static final Pubkey MINT = Pubkey.ofBytes(filled(32, 9));
    private static final Pubkey TOKEN_2022 = TokenProgram.TOKEN_2022.programId();
    private static final Pubkey KEY_1 = Pubkey.ofBytes(filled(32, 1));
    private static final Pubkey KEY_2 = Pubkey.ofBytes(filled(32, 2));
    private static final Pubkey KEY_3 = Pubkey.ofBytes(filled(32, 3));

    /** interface/src/state.rs, {@code TEST_MINT_SLICE}: authority [1; 32], supply 42, decimals 7, freeze authority [2; 32]. */
    private static final int[] TEST_MINT_SLICE = {
        1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 42, 0, 0, 0, 0, 0, 0, 0, 7, 1, 1, 0, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    };

    /** interface/src/extension/mod.rs, {@code MINT_WITH_EXTENSION}: the test mint, padding, type 1, MintCloseAuthority [1; 32]. */
    private static byte[] mintWithExtension() {
        MintBytes bytes = new MintBytes().raw(bytes(TEST_MINT_SLICE)).accountType(1);
        bytes.u8(3).u8(0).u8(32).u8(0).raw(filled(32, 1));
        return bytes.bytes();
    }

    private static byte[] bytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static MintBytes base() {
        return MintBytes.mint(filled(32, 1), 42, 7, filled(32, 2));
    }

    private static MintAccount decode(byte[] data) {
        return MintAccountDecoder.decodeBase64(MINT, TOKEN_2022, Base64.getEncoder().encodeToString(data));
    }

    private static void assertMalformed(byte[] data, String message) {
        assertThatThrownBy(() -> decode(data))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("data"))
                .hasMessageContaining(message);
    }

    @Test
    void theProgramsTestMintDecodes() {
        MintAccount account = MintAccountDecoder.decode(MINT, TokenProgram.SPL_TOKEN.programId(), bytes(TEST_MINT_SLICE));

        assertThat(account.program()).isEqualTo(TokenProgram.SPL_TOKEN);
        assertThat(account.mintAuthority()).contains(KEY_1);
        assertThat(account.supply()).isEqualTo(TokenAmount.of(42));
        assertThat(account.decimals()).isEqualTo(7);
        assertThat(account.freezeAuthority()).contains(KEY_2);
        assertThat(account.extensions()).isEmpty();
    }

    @Test
    void theProgramsMintWithExtensionDecodes() {
        MintAccount account = decode(mintWithExtension());

        assertThat(account.program()).isEqualTo(TokenProgram.TOKEN_2022);
        assertThat(account.supply()).isEqualTo(TokenAmount.of(42));
        assertThat(account.extensions()).containsExactly(new MintCloseAuthority(Optional.of(KEY_1)));
    }

    @Test
    void everyMintExtensionDecodesFromItsLayout() {
        byte[] elgamal = filled(32, 4);
        byte[] cipher = filled(64, 5);
        byte[] ae = filled(36, 6);
        MintBytes data = base().accountType(1)
                // TransferFeeConfig: 2 MaybeNull<Address>, U64 withheld, 2 x TransferFee {U64 epoch, U64 max, U16 bps} = 108
                .tlv(1, MintBytes.value().raw(KEY_1.bytes()).raw(new byte[32]).u64(77)
                        .u64(10).u64(1_000).u16(25).u64(12).u64(-1L).u16(10_000).bytes())
                .tlv(3, KEY_2.bytes())                                                        // MintCloseAuthority = 32
                .tlv(4, MintBytes.value().raw(KEY_1.bytes()).u8(1).raw(elgamal).bytes())      // ConfidentialTransferMint = 65
                .tlv(6, new byte[] {2})                                                       // DefaultAccountState = 1 (Frozen)
                .tlv(9, new byte[0])                                                          // NonTransferable = 0
                // InterestBearingConfig: MaybeNull<Address>, i64, i16, i64, i16 = 52
                .tlv(10, MintBytes.value().raw(new byte[32]).u64(1_700_000_000L).u16(-300 & 0xFFFF).u64(1_700_100_000L).u16(500).bytes())
                .tlv(12, KEY_3.bytes())                                                       // PermanentDelegate = 32
                .tlv(14, MintBytes.value().raw(KEY_1.bytes()).raw(KEY_2.bytes()).bytes())     // TransferHook = 64
                // ConfidentialTransferFeeConfig: MaybeNull<Address>, ElGamal pubkey 32, bool, ciphertext 64 = 129
                .tlv(16, MintBytes.value().raw(KEY_1.bytes()).raw(elgamal).u8(1).raw(cipher).bytes())
                .tlv(18, MintBytes.value().raw(KEY_1.bytes()).raw(MINT.bytes()).bytes())      // MetadataPointer = 64
                // TokenMetadata, Borsh: update authority, mint, name, symbol, uri, Vec<(String, String)>
                .tlv(19, MintBytes.value().raw(KEY_1.bytes()).raw(MINT.bytes()).string("Dog Wif Hat Token 2022").string("$WIF")
                        .string("https://example.com/wif.json").u32(2).string("k1").string("v1").string("ключ").string("значение").bytes())
                .tlv(20, MintBytes.value().raw(new byte[32]).raw(MINT.bytes()).bytes())       // GroupPointer = 64
                .tlv(21, MintBytes.value().raw(KEY_1.bytes()).raw(MINT.bytes()).u64(3).u64(100).bytes()) // TokenGroup = 80
                .tlv(22, MintBytes.value().raw(KEY_1.bytes()).raw(KEY_2.bytes()).bytes())     // GroupMemberPointer = 64
                .tlv(23, MintBytes.value().raw(MINT.bytes()).raw(KEY_2.bytes()).u64(4).bytes()) // TokenGroupMember = 72
                .tlv(24, MintBytes.value().raw(cipher).raw(ae).raw(elgamal).raw(cipher).bytes()) // ConfidentialMintBurn = 196
                // ScaledUiAmountConfig: MaybeNull<Address>, f64, i64, f64 = 56
                .tlv(25, MintBytes.value().raw(KEY_1.bytes()).u64(Double.doubleToLongBits(1.5)).u64(1_800_000_000L)
                        .u64(Double.doubleToLongBits(3.0)).bytes())
                .tlv(26, MintBytes.value().raw(KEY_2.bytes()).u8(1).bytes())                  // PausableConfig = 33
                .tlv(28, KEY_3.bytes())                                                       // PermissionedBurnConfig = 32
                .tlv(300, new byte[] {1, 2, 3});                                              // a type newer than this code

        MintAccount account = decode(data.u16(0).u16(0).bytes());
        Map<String, String> additional = new LinkedHashMap<>();
        additional.put("k1", "v1");
        additional.put("ключ", "значение");
        ElGamalPubkey elgamalKey = ElGamalPubkey.ofBytes(elgamal);
        ElGamalCiphertext ciphertext = ElGamalCiphertext.ofBytes(cipher);

        assertThat(account.extensions()).containsExactly(
                new TransferFeeConfig(Optional.of(KEY_1), Optional.empty(), TokenAmount.of(77),
                        new TransferFee(10, TokenAmount.of(1_000), 25), new TransferFee(12, TokenAmount.MAX, 10_000)),
                new MintCloseAuthority(Optional.of(KEY_2)),
                new ConfidentialTransferMint(Optional.of(KEY_1), true, Optional.of(elgamalKey)),
                new DefaultAccountState(AccountState.FROZEN),
                new NonTransferable(),
                new InterestBearingConfig(Optional.empty(), 1_700_000_000L, -300, 1_700_100_000L, 500),
                new PermanentDelegate(Optional.of(KEY_3)),
                new TransferHook(Optional.of(KEY_1), Optional.of(KEY_2)),
                new ConfidentialTransferFeeConfig(Optional.of(KEY_1), elgamalKey, true, ciphertext),
                new MetadataPointer(Optional.of(KEY_1), Optional.of(MINT)),
                new TokenMetadataExtension(Optional.of(KEY_1), MINT, "Dog Wif Hat Token 2022", "$WIF", "https://example.com/wif.json", additional),
                new GroupPointer(Optional.empty(), Optional.of(MINT)),
                new TokenGroup(Optional.of(KEY_1), MINT, 3, 100),
                new GroupMemberPointer(Optional.of(KEY_1), Optional.of(KEY_2)),
                new TokenGroupMember(MINT, KEY_2, 4),
                new ConfidentialMintBurn(ciphertext, AeCiphertext.ofBytes(ae), elgamalKey, ciphertext),
                new ScaledUiAmount(Optional.of(KEY_1), 1.5, 1_800_000_000L, 3.0),
                new Pausable(Optional.of(KEY_2), true),
                new PermissionedBurn(Optional.of(KEY_3)),
                new UnknownExtension(300, "AQID"));
        TokenMetadata metadata = account.toTokenMetadata();
        assertThat(metadata.symbol()).isEqualTo(TokenSymbol.of("$WIF"));
        assertThat(metadata.name()).isEqualTo("Dog Wif Hat Token 2022");
        assertThat(metadata.decimals()).isEqualTo(7);
        assertThat(metadata.has(ExtensionType.PERMISSIONED_BURN)).isTrue();
        for (TokenExtension extension : account.extensions()) {
            assertThat(TokenExtensionCodec.fromFields(TokenExtensionCodec.toFields(extension))).isEqualTo(extension);
        }
    }

    @Test
    void aConfidentialMintWithoutAuditorAndAMintWithoutMetadata() {
        byte[] data = base().accountType(1).tlv(4, MintBytes.value().raw(new byte[32]).u8(0).raw(new byte[32]).bytes()).bytes();
        MintAccount account = decode(data);

        assertThat(account.extensions()).containsExactly(new ConfidentialTransferMint(Optional.empty(), false, Optional.empty()));
        assertThatThrownBy(account::toTokenMetadata).isInstanceOf(DomainValidationException.class).hasMessageContaining("no token-metadata extension");
        assertThat(account.toTokenMetadata(TokenSymbol.of("CONF"), "Confidential").symbol()).isEqualTo(TokenSymbol.of("CONF"));
    }

    @Test
    void aTokenTwentyTwoMintWithoutExtensionsIsEightyTwoBytes() {
        assertThat(decode(base().bytes()).extensions()).isEmpty();
        assertThat(decode(base().bytes()).mintAuthority()).contains(KEY_1);
    }

    @Test
    void trailingRoomForARealloc() {
        byte[] oneSpareByte = base().accountType(1).tlv(9, new byte[0]).u8(0).bytes();
        byte[] zeroPadding = base().accountType(1).tlv(9, new byte[0]).u16(0).u16(0).u32(0).bytes();

        assertThat(decode(oneSpareByte).extensions()).containsExactly(new NonTransferable());
        assertThat(decode(zeroPadding).extensions()).containsExactly(new NonTransferable());
    }

    @Test
    void malformedDataIsRefusedNamingTheOffset() {
        byte[] withExtension = mintWithExtension();
        byte[] tooLong = withExtension.clone();
        tooLong[168] = 100; // MintCloseAuthority's length
        byte[] tooShort = withExtension.clone();
        tooShort[168] = 10;
        byte[] padding = withExtension.clone();
        padding[82] = 100;
        byte[] accountType = withExtension.clone();
        accountType[165] = 2;
        byte[] unknownAccountType = withExtension.clone();
        unknownAccountType[165] = 3;
        byte[] uninitialized = withExtension.clone();
        uninitialized[45] = 0;
        byte[] badTag = withExtension.clone();
        badTag[0] = 2;

        assertMalformed(withExtension.length > 0 ? java.util.Arrays.copyOf(withExtension, withExtension.length - 1) : null,
                "at offset 166: MINT_CLOSE_AUTHORITY (type 3) declares 32 bytes, only 31 remain");
        assertMalformed(tooLong, "at offset 166: MINT_CLOSE_AUTHORITY (type 3) declares 100 bytes, only 32 remain");
        assertMalformed(tooShort, "at offset 166: MINT_CLOSE_AUTHORITY is 10 bytes, its layout has 32");
        assertMalformed(padding, "at offset 82: the padding between the mint and its account type must be zero");
        assertMalformed(accountType, "at offset 165: the account type is 2: a token account, not a mint");
        assertMalformed(unknownAccountType, "at offset 165: the account type is 3");
        assertMalformed(uninitialized, "at offset 45: the mint is not initialized");
        assertMalformed(badTag, "at offset 0: the mint authority option tag is 2");
        assertMalformed(new byte[81], "at offset 81: the account is 81 bytes, a mint has at least 82");
        assertMalformed(java.util.Arrays.copyOf(base().bytes(), 355), "at offset 0: the account is 355 bytes, the size of a multisig");
        assertMalformed(java.util.Arrays.copyOf(base().bytes(), 120), "at offset 120: a mint with extensions has its account type at offset 165");
        assertMalformed(base().accountType(1).u16(3).u8(32).bytes(), "at offset 166: extension type 3 has no room for its 2-byte length");
        assertMalformed(base().accountType(1).tlv(3, KEY_1.bytes()).tlv(3, KEY_2.bytes()).bytes(),
                "at offset 202: MINT_CLOSE_AUTHORITY (type 3) appears twice (first at offset 166)");
        assertMalformed(base().accountType(1).tlv(2, new byte[8]).bytes(), "at offset 166: TRANSFER_FEE_AMOUNT (type 2) belongs to token accounts, not to mints");
        assertMalformed(base().accountType(1).tlv(6, new byte[] {7}).bytes(), "at offset 166: DEFAULT_ACCOUNT_STATE holds account state 7");
        assertMalformed(base().accountType(1).tlv(6, new byte[] {0}).bytes(), "at offset 166: DEFAULT_ACCOUNT_STATE (type 6) holds a value the program never writes");
        assertMalformed(base().accountType(1).tlv(1, MintBytes.value().raw(new byte[64]).u64(0).u64(1).u64(1).u16(10_001).u64(1).u64(1).u16(1).bytes()).bytes(),
                "at offset 166: TRANSFER_FEE_CONFIG (type 1) holds a value the program never writes");
    }

    @Test
    void malformedTokenMetadataIsRefusedNamingTheOffset() {
        MintBytes prefix = MintBytes.value().raw(KEY_1.bytes()).raw(MINT.bytes());
        byte[] badUtf8 = MintBytes.value().raw(prefix.bytes()).string("name").u32(2).raw(new byte[] {(byte) 0xC3, 0x28}).string("").u32(0).bytes();
        byte[] trailing = MintBytes.value().raw(prefix.bytes()).string("n").string("s").string("u").u32(0).u8(9).bytes();
        byte[] overlong = MintBytes.value().raw(prefix.bytes()).string("n").u32(1_000).bytes();
        byte[] repeated = MintBytes.value().raw(prefix.bytes()).string("n").string("s").string("u").u32(2)
                .string("k").string("a").string("k").string("b").bytes();

        int value = 170; // TLV header at 166, value at 170
        assertMalformed(base().accountType(1).tlv(19, badUtf8).bytes(), "at offset " + (value + 64 + 8 + 4) + ": TOKEN_METADATA symbol is not valid UTF-8");
        assertMalformed(base().accountType(1).tlv(19, trailing).bytes(), "at offset " + (value + 64 + 15 + 4) + ": TOKEN_METADATA ends 1 bytes before");
        assertMalformed(base().accountType(1).tlv(19, overlong).bytes(), "at offset " + (value + 64 + 5) + ": TOKEN_METADATA symbol declares 1000 bytes");
        assertMalformed(base().accountType(1).tlv(19, repeated).bytes(), "TOKEN_METADATA repeats the additional field 'k'");
    }

    @Test
    void anSplTokenMintHasNoRoomForExtensions() {
        byte[] data = mintWithExtension();
        assertThatThrownBy(() -> MintAccountDecoder.decode(MINT, TokenProgram.SPL_TOKEN.programId(), data))
                .hasMessageContaining("at offset 82: an SPL Token mint is 82 bytes");
        assertThatThrownBy(() -> MintAccountDecoder.decode(MINT, KEY_1, data))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("owner"));
        assertThatThrownBy(() -> MintAccountDecoder.decodeBase64(MINT, TOKEN_2022, "not base64!"))
                .hasMessageContaining("data: is not base64");
    }

    @Test
    void decodeTokenMetadataReadsSymbolAndNameFromTheMint() {
        byte[] data = base().accountType(1)
                .tlv(18, MintBytes.value().raw(KEY_1.bytes()).raw(MINT.bytes()).bytes())
                .tlv(19, MintBytes.value().raw(new byte[32]).raw(MINT.bytes()).string("Bonk 2022").string("BONK-2022-EXTENDED-SYMBOL")
                        .string("").u32(0).bytes())
                .bytes();

        TokenMetadata metadata = MintAccountDecoder.decodeTokenMetadata(MINT, TOKEN_2022, Base64.getEncoder().encodeToString(data));

        assertThat(metadata.symbol().value()).isEqualTo("BONK-2022-EXTENDED-SYMBOL");
        assertThat(metadata.extensions()).hasSize(2);
        assertThat(List.of(metadata.program())).containsExactly(TokenProgram.TOKEN_2022);
    }
}
