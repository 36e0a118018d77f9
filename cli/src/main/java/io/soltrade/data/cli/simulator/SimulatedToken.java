package io.soltrade.data.cli.simulator;

import io.soltrade.data.domain.Dex;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.token.MetadataPointer;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.domain.token.TransferFeeConfig;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * A token the paper-trading session trades against USDC: its mint, decimals, opening price, volatility per
 * square-root second, and the pool it trades in. Real mainnet mints for the well-known tokens; {@code FEE} is a
 * made-up Token-2022 mint with a 0.5% transfer fee, so that the session exercises the fee arithmetic and the
 * extension storage.
 */
record SimulatedToken(TokenMetadata metadata, BigDecimal openingPrice, double volatility, Dex dex, Pubkey pool, long liquidityUsdc) {

    static final TokenMetadata USDC = new TokenMetadata(Pubkey.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"),
            TokenSymbol.of("USDC"), "USD Coin", 6, TokenProgram.SPL_TOKEN, List.of());

    /** The tokens every session trades. */
    static List<SimulatedToken> universe() {
        return List.of(
                spl("So11111111111111111111111111111111111111112", "SOL", "Wrapped SOL", 9, "150", 0.0015, Dex.RAYDIUM_CLMM, 40_000_000),
                spl("JUPyiwrYJFskUPiHa7hkeR8VUtAeFoSYbKedZNsDvCN", "JUP", "Jupiter", 6, "0.85", 0.0025, Dex.ORCA_WHIRLPOOL, 6_000_000),
                spl("DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263", "BONK", "Bonk", 5, "0.000021", 0.004, Dex.RAYDIUM_AMM, 3_000_000),
                spl("EKpQGSJtjMFqKZ9KQanSqYXRcF8fBopzLHYxdM65zcjm", "WIF", "dogwifhat", 6, "1.95", 0.0035, Dex.METEORA_DLMM, 2_500_000),
                new SimulatedToken(new TokenMetadata(derived("mint:FEE"), TokenSymbol.of("FEE"), "Simulated Fee Token", 6,
                        TokenProgram.TOKEN_2022, List.of(
                                new TransferFeeConfig(600, 50, TokenAmount.of(5_000_000_000L)),
                                new MetadataPointer(Optional.empty(), Optional.of(derived("mint:FEE")))
                        )), new BigDecimal("0.42"), 0.003, Dex.RAYDIUM_CPMM, derived("pool:FEE"), 400_000));
    }

    private static SimulatedToken spl(String mint, String symbol, String name, int decimals, String price, double volatility, Dex dex, long liquidity) {
        return new SimulatedToken(new TokenMetadata(Pubkey.of(mint), TokenSymbol.of(symbol), name, decimals, TokenProgram.SPL_TOKEN, List.of()),
                new BigDecimal(price), volatility, dex, derived("pool:" + symbol), liquidity);
    }

    /** A stable made-up address: the SHA-256 of {@code seed}. */
    static Pubkey derived(String seed) {
        try {
            return Pubkey.ofBytes(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    Pubkey mint() {
        return metadata.mint();
    }

    TokenSymbol symbol() {
        return metadata.symbol();
    }

    int decimals() {
        return metadata.decimals();
    }

    Optional<TransferFeeConfig> transferFee() {
        return metadata.extension(TransferFeeConfig.class);
    }
}
