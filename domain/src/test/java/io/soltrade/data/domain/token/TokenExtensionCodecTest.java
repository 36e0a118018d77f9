package io.soltrade.data.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.Samples;
import io.soltrade.data.domain.TokenAmount;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class TokenExtensionCodecTest {

    @Property(tries = 600, edgeCases = EdgeCasesMode.FIRST)
    void everyExtensionRoundTripsExactly(@ForAll("extensions") TokenExtension extension) {
        Map<String, String> fields = TokenExtensionCodec.toFields(extension);
        assertThat(fields).containsEntry(TokenExtensionCodec.TYPE, extension.type().name()).doesNotContainValue(null);
        TokenExtension back = TokenExtensionCodec.fromFields(new HashMap<>(fields));
        assertThat(back).isEqualTo(extension);
        assertThat(back.typeCode()).isEqualTo(extension.typeCode());
        if (back instanceof TokenMetadataExtension metadata) {
            assertThat(List.copyOf(metadata.additionalMetadata().keySet()))
                    .as("on-chain order of additional metadata survives")
                    .isEqualTo(List.copyOf(((TokenMetadataExtension) extension).additionalMetadata().keySet()));
        }
        if (back instanceof ScaledUiAmount scaled) {
            assertThat(Double.doubleToRawLongBits(scaled.multiplier()))
                    .isEqualTo(Double.doubleToRawLongBits(((ScaledUiAmount) extension).multiplier()));
        }
    }

    @Example
    void generatorsCoverEveryExtensionRecord() {
        Set<Class<?>> generated = generators().keySet();
        assertThat(generated).containsExactlyInAnyOrderElementsOf(Arrays.asList(TokenExtension.class.getPermittedSubclasses()));
        Set<ExtensionType> mintTypes = Arrays.stream(ExtensionType.values()).filter(ExtensionType::isMintExtension).collect(Collectors.toSet());
        assertThat(Samples.extensions().stream().map(TokenExtension::type).filter(t -> t != ExtensionType.UNKNOWN))
                .as("one record per mint extension type").containsExactlyInAnyOrderElementsOf(mintTypes);
    }

    @Example
    void theFormatIsStable() {
        TransferFeeConfig config = new TransferFeeConfig(Optional.of(Samples.KEY_A), Optional.empty(), TokenAmount.MAX,
                new TransferFee(5, TokenAmount.of(10), 25), new TransferFee(-1, TokenAmount.of(20), 50));
        assertThat(TokenExtensionCodec.toFields(config)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "type", "TRANSFER_FEE_CONFIG",
                "transferFeeConfigAuthority", "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
                "withheldAmount", "18446744073709551615",
                "olderTransferFee.epoch", "5",
                "olderTransferFee.maximumFee", "10",
                "olderTransferFee.transferFeeBasisPoints", "25",
                "newerTransferFee.epoch", "18446744073709551615",
                "newerTransferFee.maximumFee", "20",
                "newerTransferFee.transferFeeBasisPoints", "50")));
        assertThat(TokenExtensionCodec.toFields(new UnknownExtension(28, "AQID")))
                .isEqualTo(Map.of("type", "UNKNOWN", "typeCode", "28", "base64Data", "AQID"));
        assertThat(TokenExtensionCodec.toFields(new NonTransferable())).isEqualTo(Map.of("type", "NON_TRANSFERABLE"));
    }

    @Example
    void malformedInputIsRejectedNamingTheKey() {
        Map<String, String> good = TokenExtensionCodec.toFields(new TransferFeeConfig(1, 25, TokenAmount.of(10)));
        assertRejected(without(good, "type"), "type");
        assertRejected(with(good, "type", "TRANSFER_FEE"), "type");
        assertRejected(with(good, "type", "TRANSFER_FEE_AMOUNT"), "type");
        assertRejected(without(good, "withheldAmount"), "withheldAmount");
        assertRejected(with(good, "withheldAmount", "-1"), "withheldAmount");
        assertRejected(with(good, "withheldAmount", "18446744073709551616"), "withheldAmount");
        assertRejected(with(good, "olderTransferFee.transferFeeBasisPoints", "10001"), "olderTransferFee.transferFeeBasisPoints");
        assertRejected(with(good, "newerTransferFee.transferFeeBasisPoints", "-1"), "newerTransferFee.transferFeeBasisPoints");
        assertRejected(with(good, "olderTransferFee.transferFeeBasisPoints", "1.5"), "olderTransferFee.transferFeeBasisPoints");
        assertRejected(with(good, "transferFeeConfigAuthority", "0OIl"), "transferFeeConfigAuthority");
        assertRejected(with(good, "transferFeeConfigAuthority", null), "transferFeeConfigAuthority");
        assertRejected(with(good, "surprise", "1"), "surprise");

        Map<String, String> pausable = TokenExtensionCodec.toFields(new Pausable(Optional.empty(), false));
        assertRejected(with(pausable, "paused", "yes"), "paused");
        Map<String, String> scaled = TokenExtensionCodec.toFields(new ScaledUiAmount(Optional.empty(), 1.0, 0, 2.0));
        assertRejected(with(scaled, "multiplier", "NaN"), "multiplier");
        assertRejected(with(scaled, "multiplier", "0.0"), "multiplier");
        assertRejected(with(scaled, "newMultiplierEffectiveTimestamp", "9223372036854775808"), "newMultiplierEffectiveTimestamp");
        Map<String, String> burn = TokenExtensionCodec.toFields(Samples.extensions().stream()
                .filter(ConfidentialMintBurn.class::isInstance).findFirst().orElseThrow());
        assertRejected(with(burn, "decryptableSupply", "AQID"), "decryptableSupply");
        Map<String, String> metadata = TokenExtensionCodec.toFields(new TokenMetadataExtension(Optional.empty(), Samples.KEY_A, "", "", "",
                Map.of("a", "1")));
        assertRejected(with(metadata, "additionalMetadata.count", "2"), "additionalMetadata.1.key");
        assertRejected(with(metadata, "additionalMetadata.count", "-1"), "additionalMetadata.count");
        assertRejected(without(metadata, "additionalMetadata.0.value"), "additionalMetadata.0.value");
        assertRejected(with(with(with(metadata, "additionalMetadata.count", "2"), "additionalMetadata.1.key", "a"),
                "additionalMetadata.1.value", "2"), "additionalMetadata.1.key");
        // a malformed entry is named by its key in the map, not by the record's field ("additionalMetadata key")
        assertRejected(with(metadata, "additionalMetadata.0.key", "lone \uD800 surrogate"), "additionalMetadata.0.key");
        assertRejected(with(metadata, "additionalMetadata.0.value", "x".repeat(TokenMetadataExtension.MAX_TEXT_LENGTH + 1)), "additionalMetadata.0.value");
        assertThatThrownBy(() -> TokenExtensionCodec.fromFields(null)).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> TokenExtensionCodec.toFields(null)).isInstanceOf(DomainValidationException.class);
    }

    private static void assertRejected(Map<String, String> fields, String field) {
        assertThatThrownBy(() -> TokenExtensionCodec.fromFields(fields))
                .as(fields.toString())
                .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> fields, String key) {
        Map<String, String> copy = new HashMap<>(fields);
        copy.remove(key);
        return copy;
    }

    @Provide
    Arbitrary<TokenExtension> extensions() {
        return Arbitraries.oneOf(generators().values().stream().map(a -> a.map(TokenExtension.class::cast)).toList());
    }

    static Map<Class<?>, Arbitrary<? extends TokenExtension>> generators() {
        Arbitrary<Optional<Pubkey>> key = keys().optional(0.7);
        Arbitrary<TokenAmount> amount = Arbitraries.longs().map(TokenAmount::new);
        Arbitrary<ElGamalPubkey> elgamal = bytes(32).map(ElGamalPubkey::ofBytes);
        Arbitrary<ElGamalCiphertext> cipher = bytes(64).map(ElGamalCiphertext::ofBytes);
        Arbitrary<Integer> i16 = Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE);
        // Every positive normal double, by its bits, so the text form must round-trip each one exactly.
        Arbitrary<Double> multiplier = Arbitraries.oneOf(
                Arbitraries.longs().between(Double.doubleToRawLongBits(Double.MIN_NORMAL), Double.doubleToRawLongBits(Double.MAX_VALUE))
                        .map(Double::longBitsToDouble),
                Arbitraries.of(Double.MIN_NORMAL, Double.MAX_VALUE, 1.0, 0.1, 1.0 / 3));
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> s.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c)));
        Arbitrary<Map<String, String>> additional = Arbitraries.maps(text, text).ofMaxSize(6).map(LinkedHashMap::new);

        Map<Class<?>, Arbitrary<? extends TokenExtension>> all = new LinkedHashMap<>();
        all.put(TransferFeeConfig.class, Combinators.combine(key, key, amount, transferFees()).as((a, b, withheld, fees) ->
                new TransferFeeConfig(a, b, withheld, fees.get1(), fees.get2())));
        all.put(MintCloseAuthority.class, key.map(MintCloseAuthority::new));
        all.put(ConfidentialTransferMint.class, Combinators.combine(key, Arbitraries.of(true, false), elgamal.optional(0.5))
                .as(ConfidentialTransferMint::new));
        all.put(DefaultAccountState.class, Arbitraries.of(AccountState.INITIALIZED, AccountState.FROZEN).map(DefaultAccountState::new));
        all.put(NonTransferable.class, Arbitraries.just(new NonTransferable()));
        all.put(InterestBearingConfig.class, Combinators.combine(key, Arbitraries.longs(), i16, Arbitraries.longs(), i16)
                .as(InterestBearingConfig::new));
        all.put(PermanentDelegate.class, key.map(PermanentDelegate::new));
        all.put(TransferHook.class, Combinators.combine(key, key).as(TransferHook::new));
        all.put(ConfidentialTransferFeeConfig.class, Combinators.combine(key, elgamal, Arbitraries.of(true, false), cipher)
                .as(ConfidentialTransferFeeConfig::new));
        all.put(MetadataPointer.class, Combinators.combine(key, key).as(MetadataPointer::new));
        all.put(TokenMetadataExtension.class, Combinators.combine(key, keys(), text, text, text, additional).as(TokenMetadataExtension::new));
        all.put(GroupPointer.class, Combinators.combine(key, key).as(GroupPointer::new));
        all.put(TokenGroup.class, Combinators.combine(key, keys(), Arbitraries.longs(), Arbitraries.longs()).as((authority, mint, a, b) ->
                new TokenGroup(authority, mint, Long.compareUnsigned(a, b) <= 0 ? a : b, Long.compareUnsigned(a, b) <= 0 ? b : a)));
        all.put(GroupMemberPointer.class, Combinators.combine(key, key).as(GroupMemberPointer::new));
        all.put(TokenGroupMember.class, Combinators.combine(keys(), keys(), Arbitraries.longs().filter(n -> n != 0)).as(TokenGroupMember::new));
        all.put(ScaledUiAmount.class, Combinators.combine(key, multiplier, Arbitraries.longs(), multiplier).as(ScaledUiAmount::new));
        all.put(Pausable.class, Combinators.combine(key, Arbitraries.of(true, false)).as(Pausable::new));
        all.put(PermissionedBurn.class, key.map(PermissionedBurn::new));
        all.put(ConfidentialMintBurn.class, Combinators.combine(cipher, bytes(36).map(AeCiphertext::ofBytes), elgamal, cipher)
                .as(ConfidentialMintBurn::new));
        all.put(UnknownExtension.class, Combinators.combine(Arbitraries.integers().between(0, 65_535),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(b -> Base64.getEncoder().encodeToString(b)))
                .as(UnknownExtension::new));
        return all;
    }

    private static Arbitrary<Tuple.Tuple2<TransferFee, TransferFee>> transferFees() {
        Arbitrary<TransferFee> fee = Combinators.combine(Arbitraries.longs(), Arbitraries.longs().map(TokenAmount::new),
                Arbitraries.integers().between(0, 10_000)).as(TransferFee::new);
        return Combinators.combine(fee, fee).as((a, b) -> Long.compareUnsigned(a.epoch(), b.epoch()) <= 0 ? Tuple.of(a, b) : Tuple.of(b, a));
    }

    private static Arbitrary<Pubkey> keys() {
        return bytes(32).filter(b -> !Arrays.equals(b, new byte[32])).map(Pubkey::ofBytes);
    }

    private static Arbitrary<byte[]> bytes(int length) {
        return Arbitraries.bytes().array(byte[].class).ofSize(length);
    }
}
