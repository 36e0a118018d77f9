package io.soltrade.data.app;

import io.soltrade.data.app.config.BreakerPolicy;
import io.soltrade.data.app.config.ResiliencePolicy;
import io.soltrade.data.app.config.RetryPolicy;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Valid values for tests. */
public final class Samples {
    public static final Pubkey SOL = Pubkey.of("So11111111111111111111111111111111111111112");
    public static final Pubkey USDC = Pubkey.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    public static final Instant START = Instant.parse("2025-01-02T03:04:05Z");

    private Samples() {}

    /** Paper trade number {@code n}: a buy of 1 SOL for 150 USDC, {@code n} microseconds after {@link #START}. */
    public static Trade trade(int n) {
        return new Trade(new PaperTradeId("t-" + n), START.plusNanos(n * 1_000L), TraderId.of("trader-1"), TradingMode.PAPER,
                TradeSide.BUY, USDC, SOL, TokenAmount.of(150_000_000L), TokenAmount.of(1_000_000_000L), TokenAmount.of(5_000),
                new BigDecimal("150"), 300_000_000L + n, MevStatus.NONE);
    }

    /** A policy with tiny backoffs so that retrying tests run fast, and a breaker that opens when 3 of the last 4 calls failed. */
    public static ResiliencePolicy fastPolicy() {
        return new ResiliencePolicy(
                new RetryPolicy(4, Duration.ofMillis(1), 2.0, 0.5, Duration.ofMillis(5)),
                new BreakerPolicy(75, 4, 4, Duration.ofMinutes(10), 1),
                Duration.ofMillis(100));
    }
}
