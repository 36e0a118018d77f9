package io.soltrade.data.domain;

import static io.soltrade.data.domain.Commitment.CONFIRMED;
import static io.soltrade.data.domain.Commitment.FAILED;
import static io.soltrade.data.domain.Commitment.FINALIZED;
import static io.soltrade.data.domain.Commitment.PROCESSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CommitmentTest {

    @Test
    void confirmationsOnlyMoveForward() {
        assertThat(PROCESSED.advance(CONFIRMED)).isEqualTo(CONFIRMED);
        assertThat(CONFIRMED.advance(FINALIZED)).isEqualTo(FINALIZED);
        assertThat(PROCESSED.advance(FINALIZED)).isEqualTo(FINALIZED);
        assertThat(CONFIRMED.advance(PROCESSED)).as("a late report of a lower level").isEqualTo(CONFIRMED);
        assertThat(FINALIZED.advance(CONFIRMED)).isEqualTo(FINALIZED);
        assertThat(FINALIZED.advance(FINALIZED)).isEqualTo(FINALIZED);
    }

    @Test
    void aSkippedSlotFailsATradeThatIsNotFinalized() {
        assertThat(PROCESSED.advance(FAILED)).isEqualTo(FAILED);
        assertThat(CONFIRMED.advance(FAILED)).isEqualTo(FAILED);
        assertThat(FAILED.advance(FAILED)).isEqualTo(FAILED);
    }

    @Test
    void contradictionsAreRefused() {
        assertThatThrownBy(() -> FINALIZED.advance(FAILED)).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("already FINALIZED");
        assertThatThrownBy(() -> FAILED.advance(CONFIRMED)).isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("a failed trade stays failed");
    }

    @Test
    void aMinimumNeverAdmitsAFailedTrade() {
        assertThat(Commitment.atLeast(PROCESSED)).containsExactly(PROCESSED, CONFIRMED, FINALIZED);
        assertThat(Commitment.atLeast(CONFIRMED)).containsExactly(CONFIRMED, FINALIZED);
        assertThat(Commitment.atLeast(FINALIZED)).containsExactly(FINALIZED);
        assertThat(Commitment.atLeast(FAILED)).isEmpty();
        assertThat(FAILED.meets(PROCESSED)).isFalse();
    }

    @Test
    void aTradeSaysItsQuoteTokenAndCommitment() {
        Trade buy = Samples.trade();
        Trade sell = new Trade(buy.id(), buy.executedAt(), buy.trader(), buy.mode(), TradeSide.SELL, buy.tokenOut(), buy.tokenIn(),
                buy.amountOut(), buy.amountIn(), buy.fee(), buy.price(), buy.slot(), buy.mevStatus(), PROCESSED);

        assertThat(buy.commitment()).as("the constructor without commitment").isEqualTo(FINALIZED);
        assertThat(buy.quote()).isEqualTo(buy.tokenIn());
        assertThat(buy.quoteAmount()).isEqualTo(buy.amountIn());
        assertThat(sell.token()).isEqualTo(buy.token());
        assertThat(sell.quote()).isEqualTo(buy.quote());
        assertThat(sell.quoteAmount()).isEqualTo(buy.amountIn());
        assertThat(sell.withCommitment(CONFIRMED).commitment()).isEqualTo(CONFIRMED);
        assertThat(Fill.of(sell, 6, BigDecimal.ZERO).quote()).isEqualTo(buy.quote());
    }

    @Test
    void aPositionIsKeptPerQuoteToken() {
        PositionKey inSol = new PositionKey(Samples.TRADER, TradingMode.LIVE, Samples.KEY_A, QuoteTokens.SOL);
        Position sol = Position.flat(inSol, Samples.AT).apply(new Fill(TradeSide.BUY, BigDecimal.TEN, new BigDecimal("0.5"), BigDecimal.ZERO,
                Samples.AT, QuoteTokens.SOL));
        Position usdc = Position.flat(Samples.TRADER, TradingMode.LIVE, Samples.KEY_A, Samples.AT);

        assertThat(sol.key()).isEqualTo(inSol);
        assertThat(sol.averageEntryPrice()).isEqualByComparingTo("0.5");
        assertThat(usdc.quote()).isEqualTo(QuoteTokens.USDC);
        assertThat(usdc.key()).isNotEqualTo(sol.key());
        assertThatThrownBy(() -> usdc.apply(new Fill(TradeSide.BUY, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, Samples.AT, QuoteTokens.SOL)))
                .isInstanceOf(DomainValidationException.class)
                .hasMessageContaining("fill.quote: is " + QuoteTokens.SOL + " but the position of " + Samples.KEY_A + " is priced in " + QuoteTokens.USDC);
    }
}
