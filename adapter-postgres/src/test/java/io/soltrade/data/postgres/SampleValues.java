package io.soltrade.data.postgres;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.CircuitState;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.StopLoss;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TxSignature;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.domain.token.TransferFeeConfig;
import io.soltrade.data.domain.token.UnknownExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh random values for tests: every key is new, so tests never see each other's rows. */
final class SampleValues {
    static final Actor ACTOR = Actor.of("it-tests");
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00.123456Z");

    private SampleValues() {}

    static Pubkey pubkey() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Pubkey.ofBytes(bytes);
    }

    static TxSignature signature() {
        byte[] bytes = new byte[64];
        ThreadLocalRandom.current().nextBytes(bytes);
        return TxSignature.ofBytes(bytes);
    }

    static TraderId trader() {
        return TraderId.of("trader-" + UUID.randomUUID());
    }

    static Trade liveTrade(Pubkey token, Instant at) {
        return new Trade(new OnChainTradeId(signature(), ThreadLocalRandom.current().nextInt(0, 256)), at, TraderId.of("whale"), TradingMode.LIVE,
                TradeSide.BUY, pubkey(), token, TokenAmount.of(1_000_000_000L), TokenAmount.MAX, TokenAmount.of(5_000),
                new BigDecimal("123.456789012345678901").stripTrailingZeros().setScale(18, java.math.RoundingMode.DOWN), 300_000_000L,
                MevStatus.PROTECTED);
    }

    static Trade paperTrade(Pubkey token, Instant at) {
        return new Trade(new PaperTradeId(UUID.randomUUID().toString()), at, TraderId.of("paper-bot"), TradingMode.PAPER, TradeSide.SELL,
                token, pubkey(), TokenAmount.of(42), TokenAmount.of(7), TokenAmount.ZERO, new BigDecimal("0.000000000000000001"), 0,
                MevStatus.NONE);
    }

    static TokenMetadata splToken() {
        return new TokenMetadata(pubkey(), TokenSymbol.of("USDC"), "USD Coin", 6, TokenProgram.SPL_TOKEN, List.of());
    }

    static TokenMetadata token2022() {
        return new TokenMetadata(pubkey(), TokenSymbol.of("PYUSD"), "PayPal USD ☕", 6, TokenProgram.TOKEN_2022, List.of(
                new TransferFeeConfig(650, 50, TokenAmount.MAX), new UnknownExtension(4242, "AQID")));
    }

    static TraderConfig traderConfig(TraderId trader) {
        return TraderConfig.of(trader, TradingMode.PAPER,
                new RiskLimits(TokenAmount.MAX, TokenAmount.of(5_000_000_000L), 150, 20),
                new MevProtection(true, 0.35, TokenAmount.of(100_000), true),
                Map.of("strategy", "momentum", "notify.email", "ops@example.com"));
    }

    static OrderRule stopLoss(TraderId trader, Pubkey token) {
        return OrderRule.active(UUID.randomUUID(), trader, token, new StopLoss(new BigDecimal("98.5")), TokenAmount.of(1_000), T0);
    }

    static NodeHealth nodeHealth(String nodeId, Instant at) {
        return new NodeHealth(nodeId, URI.create("https://rpc.example.com/" + nodeId), Duration.ofNanos(1_234_567), 3, 1,
                CircuitState.CLOSED, at);
    }
}
