package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.token.TokenProgram;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PubkeyTest {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    @Property
    void anyThirtyTwoBytesRoundTripThroughBase58(@ForAll @Size(32) byte[] bytes) {
        Pubkey key = Pubkey.ofBytes(bytes);
        assertThat(key.bytes()).isEqualTo(bytes);
        assertThat(Pubkey.of(key.base58())).isEqualTo(key);
        assertThat(key.base58()).hasSizeBetween(32, 44).matches("[" + ALPHABET + "]+");
    }

    @Property
    void leadingZeroBytesBecomeLeadingOnes(@ForAll @IntRange(min = 0, max = 32) int zeros, @ForAll @Size(32) byte[] bytes) {
        for (int i = 0; i < zeros; i++) {
            bytes[i] = 0;
        }
        if (zeros < 32 && bytes[zeros] == 0) {
            bytes[zeros] = 1;
        }
        Pubkey key = Pubkey.ofBytes(bytes);
        assertThat(key.base58()).startsWith("1".repeat(zeros));
        assertThat(key.base58().substring(zeros)).doesNotStartWith("1");
        assertThat(key.bytes()).isEqualTo(bytes);
    }

    @Example
    void knownProgramIdsDecodeToTheirBytes() {
        byte[] tokenProgram = {6, (byte) 221, (byte) 246, (byte) 225, (byte) 215, 101, (byte) 161, (byte) 147, (byte) 217, (byte) 203,
                (byte) 225, 70, (byte) 206, (byte) 235, 121, (byte) 172, 28, (byte) 180, (byte) 133, (byte) 237, 95, 91, 55, (byte) 145,
                58, (byte) 140, (byte) 245, (byte) 133, 126, (byte) 255, 0, (byte) 169};
        assertThat(TokenProgram.SPL_TOKEN.programId().bytes()).isEqualTo(tokenProgram);
        assertThat(Pubkey.ofBytes(new byte[32]).base58()).isEqualTo("1".repeat(32));
    }

    @Property
    void excludedLettersAreRejectedWherever(@ForAll("validKeys") String key, @ForAll @IntRange(min = 0, max = 31) int at,
            @ForAll("excluded") char bad) {
        String broken = key.substring(0, at) + bad + key.substring(at + 1);
        assertThatThrownBy(() -> Pubkey.of(broken))
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("pubkey");
                    assertThat(e.getMessage()).contains("not base58");
                });
    }

    @Property
    void whitespaceAnywhereIsRejected(@ForAll("validKeys") String key, @ForAll @IntRange(min = 0, max = 32) int at,
            @ForAll("whitespace") char space) {
        String spaced = key.substring(0, at) + space + key.substring(at);
        assertThatThrownBy(() -> Pubkey.of(spaced)).isInstanceOf(DomainValidationException.class);
    }

    @Property
    void otherLengthsAreRejected(@ForAll @Size(min = 0, max = 80) byte[] bytes) {
        if (bytes.length == 32) {
            return;
        }
        assertThatThrownBy(() -> Pubkey.ofBytes(bytes)).isInstanceOf(DomainValidationException.class);
        if (bytes.length > 0) {
            String text = Base58.encode(bytes);
            assertThatThrownBy(() -> Pubkey.of(text))
                    .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("pubkey"));
        }
    }

    @Property
    void droppingOrAddingACharacterBreaksTheLength(@ForAll("validKeys") String key) {
        assertThatThrownBy(() -> Pubkey.of(key + "1")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> Pubkey.of("1" + key)).isInstanceOf(DomainValidationException.class);
    }

    @Example
    void emptyNullAndHugeInputsAreRejectedNamingTheField() {
        for (String bad : new String[] {null, "", " ", "1".repeat(10_000), "\u0000", "Ａ".repeat(43)}) {
            assertThatThrownBy(() -> Pubkey.of(bad))
                    .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("pubkey"));
        }
    }

    @Property
    void orderingIsConsistentWithEquals(@ForAll @Size(32) byte[] a, @ForAll @Size(32) byte[] b) {
        Pubkey x = Pubkey.ofBytes(a);
        Pubkey y = Pubkey.ofBytes(b);
        assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(-Integer.signum(y.compareTo(x)));
    }

    @Property
    void signaturesRoundTripAndRejectOtherLengths(@ForAll @Size(64) byte[] bytes, @ForAll @Size(min = 1, max = 100) byte[] other) {
        TxSignature signature = TxSignature.ofBytes(bytes);
        assertThat(TxSignature.of(signature.base58()).bytes()).isEqualTo(bytes);
        assertThat(signature.base58()).hasSizeBetween(64, 88);
        if (other.length != 64) {
            assertThatThrownBy(() -> TxSignature.of(Base58.encode(other)))
                    .isInstanceOfSatisfying(DomainValidationException.class, e -> assertThat(e.field()).isEqualTo("signature"));
        }
    }

    @Property
    void tradeIdsRoundTripThroughTheirNaturalKey(@ForAll @Size(64) byte[] bytes, @ForAll @IntRange(min = 0, max = 255) int index,
            @ForAll("clientIds") String clientId) {
        TradeId onChain = new OnChainTradeId(TxSignature.ofBytes(bytes), index);
        TradeId paper = new PaperTradeId(clientId);
        assertThat(TradeId.parse(onChain.naturalKey())).isEqualTo(onChain);
        assertThat(TradeId.parse(paper.naturalKey())).isEqualTo(paper);
    }

    @Example
    void nonCanonicalInstructionIndexesAreRejected() {
        String signature = Samples.SIGNATURE.base58();
        for (String index : new String[] {"+1", "01", "-0", "\u0661", "256x", "", "1000"}) {
            assertThatThrownBy(() -> TradeId.parse(signature + ":" + index))
                    .as(index)
                    .isInstanceOf(DomainValidationException.class);
        }
    }

    @Provide
    Arbitrary<String> validKeys() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> {
            b[0] = (byte) (b[0] | 0x80); // a full-length 44-character key, so every index below 32 is inside it
            return Pubkey.ofBytes(b).base58();
        });
    }

    @Provide
    Arbitrary<Character> excluded() {
        return Arbitraries.of('0', 'O', 'I', 'l', '+', '/', '=', 'é');
    }

    @Provide
    Arbitrary<Character> whitespace() {
        return Arbitraries.of(' ', '\t', '\n', '\r', '\u00a0', '\u2003');
    }

    @Provide
    Arbitrary<String> clientIds() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('_', '-').ofMinLength(1).ofMaxLength(64);
    }
}
