package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TokenSymbolTest {

    @Test
    void symbolsAsTheyExistOnChainAreAccepted() {
        assertThat(TokenSymbol.of("$WIF").value()).isEqualTo("$WIF");
        assertThat(TokenSymbol.of("狗狗币").value()).isEqualTo("狗狗币");
        assertThat(TokenSymbol.of("🐶WIF").value()).isEqualTo("🐶WIF");
        assertThat(TokenSymbol.of("PEPE 2.0").value()).isEqualTo("PEPE 2.0");
        assertThat(TokenSymbol.of("TRUMP-MAGA-2024-EDITION-OFFICIAL").value()).hasSize(32);
        assertThat(TokenSymbol.of("X".repeat(TokenSymbol.MAX_LENGTH)).value()).hasSize(TokenSymbol.MAX_LENGTH);
        assertThat(TokenSymbol.of("$WIF")).isNotEqualTo(TokenSymbol.of("$wif"));
    }

    @Test
    void percentEncodingKeepsPlainSymbolsAndEncodesTheRest() {
        assertThat(TokenSymbol.of("SOL").percentEncoded()).isEqualTo("SOL");
        assertThat(TokenSymbol.of("wSOL_v2.1-a").percentEncoded()).isEqualTo("wSOL_v2.1-a");
        assertThat(TokenSymbol.of("$WIF").percentEncoded()).isEqualTo("%24WIF");
        assertThat(TokenSymbol.of("a:{b}*").percentEncoded()).isEqualTo("a%3A%7Bb%7D%2A");
        assertThat(TokenSymbol.of("100%").percentEncoded()).isEqualTo("100%25");
        assertThat(TokenSymbol.of("狗").percentEncoded()).isEqualTo("%E7%8B%97");
        assertThat(TokenSymbol.of("🐶").percentEncoded()).isEqualTo("%F0%9F%90%B6");
    }

    @Property
    void percentEncodingIsSafeAndReversible(@ForAll @StringLength(min = 1, max = 40) String text) {
        String valid = text.replace('\u0000', 'x');
        if (!isValidUtf16(valid)) {
            return;
        }
        String encoded = TokenSymbol.of(valid).percentEncoded();

        assertThat(encoded).matches("[A-Za-z0-9_.%-]+");
        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(valid);
    }

    private static boolean isValidUtf16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
