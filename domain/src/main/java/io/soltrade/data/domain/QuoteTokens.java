package io.soltrade.data.domain;

/**
 * The quote tokens most prices are given in. Any mint may be a quote token; these are the defaults of the
 * constructors that predate quote tokens (a trade, position or price quote built without one is in USDC).
 */
public final class QuoteTokens {
    /** USD Coin on mainnet: {@code EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v}. */
    public static final Pubkey USDC = Pubkey.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    /** Wrapped SOL, the mint that stands for SOL in swaps: {@code So11111111111111111111111111111111111111112}. */
    public static final Pubkey SOL = Pubkey.of("So11111111111111111111111111111111111111112");

    private QuoteTokens() {}
}
