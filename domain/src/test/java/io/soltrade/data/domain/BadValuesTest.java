package io.soltrade.data.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.token.AccountState;
import io.soltrade.data.domain.token.DefaultAccountState;
import io.soltrade.data.domain.token.ElGamalPubkey;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.InterestBearingConfig;
import io.soltrade.data.domain.token.MintCloseAuthority;
import io.soltrade.data.domain.token.NonTransferable;
import io.soltrade.data.domain.token.ScaledUiAmount;
import io.soltrade.data.domain.token.TokenGroup;
import io.soltrade.data.domain.token.TokenGroupMember;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenMetadataExtension;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.domain.token.TransferFeeConfig;
import io.soltrade.data.domain.token.UnknownExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values that are present but wrong are rejected with a {@link DomainValidationException} naming the field. */
class BadValuesTest {
    private static final Pubkey A = Samples.KEY_A;
    private static final Pubkey B = Samples.KEY_B;
    private static final Pubkey ZERO_KEY = Pubkey.ofBytes(new byte[32]);
    private static final Instant AT = Samples.AT;
    private static final TokenAmount ONE = TokenAmount.of(1);

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void isRejectedNamingTheField(String field, Runnable construction) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(DomainValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ");
                });
    }

    static Stream<Arguments> badValues() {
        Trade t = Samples.trade();
        Map<String, String> nullKey = new HashMap<>();
        nullKey.put(null, "v");
        Map<String, String> tooMany = new TreeMap<>();
        for (int i = 0; i < 33; i++) {
            tooMany.put("k" + i, "v");
        }
        return Stream.of(
                bad("tokenOut", () -> new Trade(t.id(), AT, t.trader(), t.mode(), t.side(), A, A, ONE, ONE, ONE, BigDecimal.ONE, 1, MevStatus.NONE)),
                bad("amountIn", () -> new Trade(t.id(), AT, t.trader(), t.mode(), t.side(), A, B, TokenAmount.ZERO, ONE, ONE, BigDecimal.ONE, 1, MevStatus.NONE)),
                bad("id", () -> new Trade(new PaperTradeId("x"), AT, t.trader(), TradingMode.LIVE, t.side(), A, B, ONE, ONE, ONE, BigDecimal.ONE, 1, MevStatus.NONE)),
                bad("slot", () -> new Trade(t.id(), AT, t.trader(), t.mode(), t.side(), A, B, ONE, ONE, ONE, BigDecimal.ONE, -1, MevStatus.NONE)),
                bad("price", () -> new Trade(t.id(), AT, t.trader(), t.mode(), t.side(), A, B, ONE, ONE, ONE, new BigDecimal("-1"), 1, MevStatus.NONE)),
                bad("executedAt", () -> new Trade(t.id(), Instant.parse("1969-12-31T23:59:59Z"), t.trader(), t.mode(), t.side(), A, B, ONE, ONE, ONE,
                        BigDecimal.ONE, 1, MevStatus.NONE)),
                bad("feeBps", () -> new PoolState(Dex.PHOENIX, A, B, Samples.KEY_C, ONE, ONE, 10_001, 1, AT)),
                bad("quoteMint", () -> new PoolState(Dex.PHOENIX, A, B, B, ONE, ONE, 30, 1, AT)),
                bad("sandwichProbability", () -> new MevEvent(UUID.randomUUID(), AT, Samples.TRADER, A, Optional.empty(), Double.NaN, ONE, ONE,
                        MevOutcome.SANDWICHED)),
                bad("actualLoss", () -> new MevEvent(UUID.randomUUID(), AT, Samples.TRADER, A, Optional.empty(), 0.5, ONE, ONE, MevOutcome.AVOIDED)),
                bad("endpoint", () -> new NodeHealth("rpc", URI.create("ftp://x.example"), Duration.ZERO, 0, 0, CircuitState.OPEN, AT)),
                bad("endpoint", () -> new NodeHealth("rpc", URI.create("https://user:secret@x.example"), Duration.ZERO, 0, 0, CircuitState.OPEN, AT)),
                bad("latency", () -> new NodeHealth("rpc", URI.create("https://x.example"), Duration.ofMillis(-1), 0, 0, CircuitState.OPEN, AT)),
                bad("nodeId", () -> new NodeHealth("RPC 1", URI.create("https://x.example"), Duration.ZERO, 0, 0, CircuitState.OPEN, AT)),
                bad("name", () -> MetricPoint.of("1bad", 1, Map.of(), AT)),
                bad("value", () -> MetricPoint.of("ok", Double.POSITIVE_INFINITY, Map.of(), AT)),
                bad("labels", () -> MetricPoint.of("ok", 1, tooMany, AT)),
                bad("labels key", () -> MetricPoint.of("ok", 1, nullKey, AT)),
                bad("labels.k", () -> MetricPoint.of("ok", 1, Map.of("k", "a\nb"), AT)),
                bad("attributes key", () -> UiEvent.of("alert", "m", nullKey, AT)),
                bad("settings key", () -> TraderConfig.of(Samples.TRADER, TradingMode.PAPER, new RiskLimits(ONE, ONE, 1, 1),
                        MevProtection.disabled(), nullKey)),
                bad("version", () -> TraderConfig.of(Samples.TRADER, TradingMode.PAPER, new RiskLimits(ONE, ONE, 1, 1),
                        MevProtection.disabled(), Map.of()).withVersion(-1)),
                bad("maxSlippageBps", () -> new RiskLimits(ONE, ONE, 10_001, 1)),
                bad("sandwichProbabilityThreshold", () -> new MevProtection(true, 1.01, ONE, false)),
                bad("to", () -> new TimeRange(AT, AT.minusNanos(1_000))),
                bad("source", () -> new PriceQuote(TokenSymbol.of("SOL"), BigDecimal.ONE, 1, AT, "Jupiter!")),
                bad("symbol", () -> TokenSymbol.of("")),
                bad("symbol", () -> TokenSymbol.of("BON\u0000\u0000")),
                bad("symbol", () -> TokenSymbol.of("\uD83D")),
                bad("symbol", () -> TokenSymbol.of("X".repeat(TokenSymbol.MAX_LENGTH + 1))),
                bad("commitment", () -> new Trade(new PaperTradeId("p1"), AT, t.trader(), TradingMode.PAPER, t.side(), A, B, ONE, ONE, ONE,
                        BigDecimal.ONE, 1, MevStatus.NONE, Commitment.PROCESSED)),
                bad("quote", () -> new Position(Samples.TRADER, TradingMode.PAPER, A, A, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, 0, AT)),
                bad("quote", () -> new PositionKey(Samples.TRADER, TradingMode.PAPER, A, A)),
                bad("fill.quote", () -> Position.flat(Samples.TRADER, TradingMode.PAPER, A, AT)
                        .apply(new Fill(TradeSide.BUY, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, AT, QuoteTokens.SOL))),
                bad("high", () -> new Candle(AT, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.TEN, java.math.BigInteger.ONE,
                        java.math.BigInteger.ONE, Optional.of(BigDecimal.ONE), 1)),
                bad("vwap", () -> new Candle(AT, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, java.math.BigInteger.ZERO,
                        java.math.BigInteger.ZERO, Optional.of(BigDecimal.ONE), 0)),
                bad("count", () -> new MetricBucket(AT, "m", new TreeMap<>(), 1, 1, 1, 1, 0)),
                bad("fees", () -> new PeriodPnl(AT, A, B, BigDecimal.ONE, new BigDecimal("-1"), 1)),
                bad("interval", () -> CandleInterval.ofLabel("2m")),
                bad("traderId", () -> TraderId.of("a b")),
                bad("actor", () -> Actor.of("")),
                bad("action", () -> new AuditEntry(Actor.of("ops"), "Update", "x", "1", Optional.empty(), Optional.empty(), AT)),
                bad("clientId", () -> new PaperTradeId("x".repeat(65))),
                bad("instructionIndex", () -> new OnChainTradeId(Samples.SIGNATURE, 256)),
                bad("quantity", () -> new Fill(TradeSide.BUY, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO, AT)),
                bad("fee", () -> new Fill(TradeSide.BUY, BigDecimal.ONE, BigDecimal.ONE, new BigDecimal("0.0000000000000000001"), AT)),
                bad("averageEntryPrice", () -> new Position(Samples.TRADER, TradingMode.PAPER, A, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO,
                        BigDecimal.ZERO, 0, AT)),
                bad("fillCount", () -> new Position(Samples.TRADER, TradingMode.PAPER, A, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO, -1, AT)),
                // Token metadata and Token-2022 extensions
                bad("extensions", () -> new TokenMetadata(A, TokenSymbol.of("X"), "X", 6, TokenProgram.SPL_TOKEN, List.of(new NonTransferable()))),
                bad("extensions", () -> new TokenMetadata(A, TokenSymbol.of("X"), "X", 6, TokenProgram.TOKEN_2022,
                        List.of(new NonTransferable(), new NonTransferable()))),
                bad("extensions", () -> new TokenMetadata(A, TokenSymbol.of("X"), "X", 6, TokenProgram.TOKEN_2022,
                        List.of(new TransferFeeConfig(0, 1, ONE), new UnknownExtension(ExtensionType.TRANSFER_FEE_CONFIG.code(), "")))),
                bad("extensions[1]", () -> new TokenMetadata(A, TokenSymbol.of("X"), "X", 6, TokenProgram.TOKEN_2022,
                        Arrays.asList(new NonTransferable(), null))),
                bad("decimals", () -> new TokenMetadata(A, TokenSymbol.of("X"), "X", 256, TokenProgram.TOKEN_2022, List.of())),
                bad("closeAuthority", () -> new MintCloseAuthority(Optional.of(ZERO_KEY))),
                bad("state", () -> new DefaultAccountState(AccountState.UNINITIALIZED)),
                bad("currentRate", () -> new InterestBearingConfig(Optional.empty(), 0, 0, 0, 32_768)),
                bad("size", () -> new TokenGroup(Optional.empty(), A, 11, 10)),
                bad("memberNumber", () -> new TokenGroupMember(A, B, 0)),
                bad("multiplier", () -> new ScaledUiAmount(Optional.empty(), Double.MIN_VALUE, 0, 1.0)),
                bad("newMultiplier", () -> new ScaledUiAmount(Optional.empty(), 1.0, 0, -1.0)),
                bad("name", () -> new TokenMetadataExtension(Optional.empty(), A, "a\u0000", "", "")),
                bad("uri", () -> new TokenMetadataExtension(Optional.empty(), A, "", "", "\ud800")),
                bad("elGamalPubkey", () -> new ElGamalPubkey("AQID")),
                bad("elGamalPubkey", () -> new ElGamalPubkey("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE")),
                bad("typeCode", () -> new UnknownExtension(65_536, "")),
                bad("base64Data", () -> new UnknownExtension(1, "not base64!")));
    }

    @Test
    void hasSeesUnknownExtensionsByTheirCode() {
        TokenMetadata metadata = new TokenMetadata(A, TokenSymbol.of("X"), "X", 6, TokenProgram.TOKEN_2022,
                List.of(new UnknownExtension(ExtensionType.PAUSABLE.code(), "AA=="), new NonTransferable()));
        assertThat(metadata.has(ExtensionType.PAUSABLE)).isTrue();
        assertThat(metadata.has(ExtensionType.NON_TRANSFERABLE)).isTrue();
        assertThat(metadata.has(ExtensionType.UNKNOWN)).isTrue();
        assertThat(metadata.has(ExtensionType.TRANSFER_FEE_CONFIG)).isFalse();
        assertThat(metadata.extension(NonTransferable.class)).contains(new NonTransferable());
        assertThat(metadata.extension(TransferFeeConfig.class)).isEmpty();
        assertThat(ExtensionType.ofCode(26)).isEqualTo(ExtensionType.PAUSABLE);
        assertThat(ExtensionType.ofCode(-1)).isEqualTo(ExtensionType.UNKNOWN);
        assertThat(ExtensionType.ofCode(28)).isEqualTo(ExtensionType.PERMISSIONED_BURN);
        assertThat(ExtensionType.ofCode(29)).isEqualTo(ExtensionType.UNKNOWN);
    }

    private static Arguments bad(String field, Runnable construction) {
        return Arguments.of(field, construction);
    }
}
