package io.soltrade.data.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TokenSymbol;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PriceQuoteCodecTest {
    private static final TokenSymbol SOL = TokenSymbol.of("SOL");
    private static final Instant AT = Instant.parse("2026-12-03T12:00:00Z");

    private final PriceQuoteCodec codec = new PriceQuoteCodec(new RedisKeys("soltrade"));

    @Test
    void aQuoteMintIsValidatedOnceAndReusedAfterwards() {
        PriceQuote first = codec.decode(SOL, 1, AT, "187.25", "jupiter|" + QuoteTokens.USDC.base58());
        PriceQuote second = codec.decode(SOL, 2, AT, "187.5", "jupiter|" + QuoteTokens.USDC.base58());

        assertThat(first.quote()).isEqualTo(QuoteTokens.USDC);
        assertThat(second.quote()).isSameAs(first.quote());
        assertThat(codec.knownMintCount()).isEqualTo(1);
    }

    @Test
    void aMintThatIsNotAPubkeyIsStillRejectedAndNotRemembered() {
        codec.decode(SOL, 1, AT, "187.25", "jupiter|" + QuoteTokens.USDC.base58());

        assertThatThrownBy(() -> codec.decode(SOL, 2, AT, "187.5", "jupiter|not-base58-0OIl")).isInstanceOf(DomainValidationException.class);
        assertThatThrownBy(() -> codec.decode(SOL, 3, AT, "187.5", "jupiter|not-base58-0OIl")).isInstanceOf(DomainValidationException.class);
        assertThat(codec.knownMintCount()).isEqualTo(1);
    }

    @Test
    void theRememberedMintsStayBounded() {
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[Pubkey.BYTES];
            bytes[0] = (byte) i;
            bytes[1] = (byte) (i >> 8);
            Pubkey mint = Pubkey.ofBytes(bytes);
            assertThat(codec.decode(SOL, i, AT, "1", "jupiter|" + mint.base58()).quote()).isEqualTo(mint);
        }
        assertThat(codec.knownMintCount()).isLessThanOrEqualTo(64);
    }
}
