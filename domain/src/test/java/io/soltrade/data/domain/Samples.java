package io.soltrade.data.domain;

import io.soltrade.data.domain.token.AccountState;
import io.soltrade.data.domain.token.AeCiphertext;
import io.soltrade.data.domain.token.ConfidentialMintBurn;
import io.soltrade.data.domain.token.ConfidentialTransferFeeConfig;
import io.soltrade.data.domain.token.ConfidentialTransferMint;
import io.soltrade.data.domain.token.DefaultAccountState;
import io.soltrade.data.domain.token.ElGamalCiphertext;
import io.soltrade.data.domain.token.ElGamalPubkey;
import io.soltrade.data.domain.token.GroupMemberPointer;
import io.soltrade.data.domain.token.GroupPointer;
import io.soltrade.data.domain.token.InterestBearingConfig;
import io.soltrade.data.domain.token.MetadataPointer;
import io.soltrade.data.domain.token.MintCloseAuthority;
import io.soltrade.data.domain.token.NonTransferable;
import io.soltrade.data.domain.token.Pausable;
import io.soltrade.data.domain.token.PermanentDelegate;
import io.soltrade.data.domain.token.PermissionedBurn;
import io.soltrade.data.domain.token.MintAccount;
import io.soltrade.data.domain.token.ScaledUiAmount;
import io.soltrade.data.domain.token.TokenGroup;
import io.soltrade.data.domain.token.TokenGroupMember;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenMetadataExtension;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.domain.token.TransferFee;
import io.soltrade.data.domain.token.TransferFeeConfig;
import io.soltrade.data.domain.token.TransferHook;
import io.soltrade.data.domain.token.UnknownExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** One valid instance of every record in the domain, for tests that walk all of them. */
public final class Samples {
    public static final Pubkey KEY_A = TokenProgram.SPL_TOKEN.programId();
    public static final Pubkey KEY_B = TokenProgram.TOKEN_2022.programId();
    public static final Pubkey KEY_C = Pubkey.of("So11111111111111111111111111111111111111112");
    public static final TxSignature SIGNATURE = TxSignature.ofBytes(filled(64, 7));
    public static final Instant AT = Instant.parse("2024-05-01T12:00:00.123456Z");
    public static final TraderId TRADER = TraderId.of("trader-1");

    private Samples() {}

    public static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    public static Trade trade() {
        return new Trade(new OnChainTradeId(SIGNATURE, 2), AT, TRADER, TradingMode.LIVE, TradeSide.BUY, KEY_C, KEY_A,
                TokenAmount.of(1_000_000_000), TokenAmount.of(5_000_000), TokenAmount.of(5_000), new BigDecimal("200.5"), 123L, MevStatus.NONE);
    }

    public static PriceQuote quote() {
        return new PriceQuote(TokenSymbol.of("SOL"), new BigDecimal("150.25"), 10L, AT, "jupiter");
    }

    /** A valid instance of each record type, keyed by class. */
    public static Map<Class<?>, Object> all() {
        Map<Class<?>, Object> all = new LinkedHashMap<>();
        RiskLimits limits = new RiskLimits(TokenAmount.of(10), TokenAmount.of(5), 50, 3);
        MevProtection protection = new MevProtection(true, 0.5, TokenAmount.of(1000), true);
        List<Object> values = List.of(
                new Actor("ops@desk"),
                new AuditEntry(new Actor("ops"), "update", "trader_config", "trader-1", Optional.empty(), Optional.of("{}"), AT),
                new Fill(TradeSide.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, AT),
                new MetricPoint("latency_ms", 1.5, new TreeMap<>(Map.of("node", "a")), AT),
                new MevEvent(UUID.randomUUID(), AT, TRADER, KEY_A, Optional.of(SIGNATURE), 0.3, TokenAmount.of(10), TokenAmount.ZERO, MevOutcome.AVOIDED),
                protection,
                new NodeHealth("rpc-1", URI.create("https://rpc.example.com"), Duration.ofMillis(5), 1, 0, CircuitState.CLOSED, AT),
                new OnChainTradeId(SIGNATURE, 0),
                OrderRule.active(UUID.randomUUID(), TRADER, KEY_A, new StopLoss(BigDecimal.ONE), TokenAmount.of(5), AT),
                new PaperTradeId("client_1"),
                new PoolState(Dex.ORCA_WHIRLPOOL, KEY_A, KEY_B, KEY_C, TokenAmount.of(1), TokenAmount.of(2), 30, 5, AT),
                Position.flat(TRADER, TradingMode.PAPER, KEY_A, AT),
                quote(),
                new PriceUpdateEvent(quote()),
                KEY_A,
                limits,
                new StopLoss(BigDecimal.ONE),
                new TakeProfit(BigDecimal.TEN),
                new TimeRange(AT, AT.plusSeconds(1)),
                TokenAmount.of(1),
                TokenSymbol.of("SOL"),
                trade(),
                new TradeEvent(trade()),
                TraderConfig.of(TRADER, TradingMode.PAPER, limits, protection, Map.of("k", "v")),
                TRADER,
                new TrailingStop(100, BigDecimal.TEN),
                SIGNATURE,
                UiEvent.of("alert", "hello", Map.of("a", "b"), AT),
                new TokenMetadata(KEY_A, TokenSymbol.of("USDC"), "USD Coin", 6, TokenProgram.TOKEN_2022, List.of(new NonTransferable())),
                ElGamalPubkey.ofBytes(filled(32, 1)),
                ElGamalCiphertext.ofBytes(filled(64, 2)),
                AeCiphertext.ofBytes(filled(36, 3)),
                new TransferFee(1, TokenAmount.of(10), 25),
                new PositionKey(TRADER, TradingMode.PAPER, KEY_A, QuoteTokens.USDC),
                Candle.traded(AT, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ONE, new BigDecimal("2"), java.math.BigInteger.TEN,
                        java.math.BigInteger.TWO, new BigDecimal("25"), 2),
                new MetricBucket(AT, "latency_ms", new TreeMap<>(Map.of("node", "a")), 1.5, 1, 2, 2, 2),
                new PeriodPnl(AT, KEY_A, QuoteTokens.USDC, BigDecimal.ONE, BigDecimal.ZERO, 1),
                new MintAccount(KEY_A, TokenProgram.TOKEN_2022, Optional.of(KEY_B), TokenAmount.of(5), 6, Optional.empty(), List.of(new NonTransferable())));
        values.forEach(v -> all.put(v.getClass(), v));
        extensions().forEach(v -> all.put(v.getClass(), v));
        return all;
    }

    /** One instance of every extension record, with every optional field present. */
    public static List<io.soltrade.data.domain.token.TokenExtension> extensions() {
        ElGamalPubkey elgamal = ElGamalPubkey.ofBytes(filled(32, 1));
        ElGamalCiphertext cipher = ElGamalCiphertext.ofBytes(filled(64, 2));
        return List.of(
                new TransferFeeConfig(Optional.of(KEY_A), Optional.of(KEY_B), TokenAmount.of(7),
                        new TransferFee(1, TokenAmount.of(10), 25), new TransferFee(3, TokenAmount.of(20), 50)),
                new MintCloseAuthority(Optional.of(KEY_A)),
                new ConfidentialTransferMint(Optional.of(KEY_A), true, Optional.of(elgamal)),
                new DefaultAccountState(AccountState.FROZEN),
                new NonTransferable(),
                new InterestBearingConfig(Optional.of(KEY_A), 1_700_000_000L, 500, 1_700_100_000L, -250),
                new PermanentDelegate(Optional.of(KEY_B)),
                new TransferHook(Optional.of(KEY_A), Optional.of(KEY_C)),
                new ConfidentialTransferFeeConfig(Optional.of(KEY_A), elgamal, true, cipher),
                new MetadataPointer(Optional.of(KEY_A), Optional.of(KEY_B)),
                new TokenMetadataExtension(Optional.of(KEY_A), KEY_B, "Name", "SYM", "https://x", Map.of("k", "v")),
                new GroupPointer(Optional.of(KEY_A), Optional.of(KEY_B)),
                new TokenGroup(Optional.of(KEY_A), KEY_B, 2, 10),
                new GroupMemberPointer(Optional.of(KEY_A), Optional.of(KEY_B)),
                new TokenGroupMember(KEY_A, KEY_B, 1),
                new ScaledUiAmount(Optional.of(KEY_A), 1.5, 1_700_000_000L, 2.0),
                new Pausable(Optional.of(KEY_A), true),
                new ConfidentialMintBurn(cipher, AeCiphertext.ofBytes(filled(36, 3)), elgamal, cipher),
                new PermissionedBurn(Optional.of(KEY_A)),
                new UnknownExtension(999, "AQID"));
    }

}
