package io.soltrade.data.ports.contract;

import io.soltrade.data.domain.Actor;
import io.soltrade.data.domain.CircuitState;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.Dex;
import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.NodeHealth;
import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.OrderRule;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.PoolState;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.StopLoss;
import io.soltrade.data.domain.TakeProfit;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeId;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TrailingStop;
import io.soltrade.data.domain.TxSignature;
import io.soltrade.data.domain.UiEvent;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.token.TokenExtension;
import io.soltrade.data.domain.token.TokenMetadata;
import io.soltrade.data.domain.token.TokenProgram;
import io.soltrade.data.domain.token.TransferFeeConfig;
import io.soltrade.data.domain.token.UnknownExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random valid domain values for the contract kits. Every key (mint, trader, metric name, node id, rule id,
 * consumer-group name) is fresh, and every time window is a random microsecond-aligned instant far from any
 * other test's, so kits can run against a shared server without cleaning up and without seeing each other's
 * rows. Every timestamp is truncated to microseconds, the precision every store keeps.
 */
public final class ContractFixtures {
    /** A u64 amount one past {@link Long#MAX_VALUE}, which a signed 64-bit column cannot hold. */
    public static final TokenAmount ABOVE_LONG_MAX = TokenAmount.parse("9223372036854775808");
    /** The largest price an {@code ExactDecimal} holds: 20 integer digits and 18 fractional digits. */
    public static final BigDecimal LARGEST_PRICE = new BigDecimal("99999999999999999999.999999999999999999");
    /** The smallest positive price an {@code ExactDecimal} holds. */
    public static final BigDecimal SMALLEST_PRICE = new BigDecimal("0.000000000000000001");

    private static final Instant WINDOWS_FROM = Instant.parse("2100-01-01T00:00:00Z");
    private static final Instant WINDOWS_TO = Instant.parse("2200-01-01T00:00:00Z");
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ContractFixtures() {}

    private static ThreadLocalRandom random() {
        return ThreadLocalRandom.current();
    }

    // ---- time

    /** Now, truncated to microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The start of a fresh time window: a random microsecond between 2100 and 2200, so a query over the hours
     * after it sees only the rows the calling test wrote there (stores whose queries are not keyed by a fresh
     * id, such as {@code TradeStore.findBetween}, need this on a shared server).
     */
    public static Instant windowStart() {
        long span = ChronoUnit.MICROS.between(WINDOWS_FROM, WINDOWS_TO);
        return WINDOWS_FROM.plus(random().nextLong(span), ChronoUnit.MICROS);
    }

    /** {@code [start, start + length)}. */
    public static TimeRange window(Instant start, Duration length) {
        return TimeRange.of(start, start.plus(length));
    }

    /** An instant {@code micros} microseconds after {@code base}. */
    public static Instant micros(Instant base, long micros) {
        return base.plus(micros, ChronoUnit.MICROS);
    }

    // ---- keys

    public static Pubkey pubkey() {
        byte[] bytes = new byte[Pubkey.BYTES];
        random().nextBytes(bytes);
        return Pubkey.ofBytes(bytes);
    }

    public static TxSignature signature() {
        byte[] bytes = new byte[TxSignature.BYTES];
        random().nextBytes(bytes);
        return TxSignature.ofBytes(bytes);
    }

    /** A fresh lowercase alphanumeric word of {@code length} characters. */
    public static String word(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random().nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    public static TraderId traderId() {
        return TraderId.of("trader-" + word(16));
    }

    public static TokenSymbol symbol() {
        return TokenSymbol.of("T" + word(12).toUpperCase());
    }

    public static Actor actor() {
        return Actor.of("contract-" + word(8));
    }

    /** A fresh metric name, e.g. {@code contract_latency_3kq9...}. */
    public static String metricName() {
        return "contract_metric_" + word(16);
    }

    public static String nodeId() {
        return "node-" + word(16);
    }

    /** A fresh consumer-group (or consumer, or channel) name. */
    public static String groupName() {
        return "group-" + word(16);
    }

    public static PaperTradeId paperTradeId() {
        return new PaperTradeId("c-" + word(24));
    }

    public static OnChainTradeId onChainTradeId() {
        return new OnChainTradeId(signature(), random().nextInt(OnChainTradeId.MAX_INSTRUCTION_INDEX + 1));
    }

    // ---- amounts

    /** A positive amount that fits a {@code long}. */
    public static TokenAmount amount() {
        return TokenAmount.of(random().nextLong(1, 1_000_000_000_000L));
    }

    /** A positive price with up to 9 fractional digits. */
    public static BigDecimal price() {
        return BigDecimal.valueOf(random().nextLong(1, 1_000_000_000_000L), 9);
    }

    // ---- trades and positions

    /** A paper buy of {@code token} at {@code at}: {@code token} is what it receives. */
    public static Trade paperTrade(Pubkey token, Instant at) {
        return new Trade(paperTradeId(), at, traderId(), TradingMode.PAPER, TradeSide.BUY, pubkey(), token,
                amount(), amount(), TokenAmount.of(5_000), price(), random().nextLong(1, 400_000_000L), MevStatus.NONE);
    }

    /** A live sell of {@code token} at {@code at}, keyed by signature and instruction index. */
    public static Trade liveTrade(Pubkey token, Instant at) {
        return new Trade(onChainTradeId(), at, traderId(), TradingMode.LIVE, TradeSide.SELL, token, pubkey(),
                amount(), amount(), TokenAmount.of(5_000), price(), random().nextLong(1, 400_000_000L), MevStatus.PROTECTED);
    }

    /**
     * A trade of {@code trader} in {@code token} priced in {@code quote}: {@code tokenUnits} of the token against
     * {@code quoteUnits} of the quote token at {@code price}, live (on-chain id) or paper by {@code mode}.
     */
    public static Trade trade(TraderId trader, TradingMode mode, TradeSide side, Pubkey token, Pubkey quote, Instant at, String price,
            long tokenUnits, long quoteUnits, Commitment commitment) {
        TradeId id = mode == TradingMode.LIVE ? onChainTradeId() : paperTradeId();
        Pubkey in = side == TradeSide.BUY ? quote : token;
        Pubkey out = side == TradeSide.BUY ? token : quote;
        TokenAmount amountIn = TokenAmount.of(side == TradeSide.BUY ? quoteUnits : tokenUnits);
        TokenAmount amountOut = TokenAmount.of(side == TradeSide.BUY ? tokenUnits : quoteUnits);
        return new Trade(id, at, trader, mode, side, in, out, amountIn, amountOut, TokenAmount.of(5_000), new BigDecimal(price),
                random().nextLong(1, 400_000_000L), MevStatus.NONE, commitment);
    }

    /** A live buy at the edges of every field: u64 max amounts and fee, 18 fractional digits, the largest slot. */
    public static Trade extremeTrade(Pubkey token, Instant at) {
        return new Trade(onChainTradeId(), at, traderId(), TradingMode.LIVE, TradeSide.BUY, pubkey(), token,
                TokenAmount.MAX, ABOVE_LONG_MAX, TokenAmount.MAX, LARGEST_PRICE, Long.MAX_VALUE, MevStatus.SANDWICHED);
    }

    /** An open long position with exact decimals. */
    public static Position position(TraderId trader, TradingMode mode, Pubkey token, Instant at) {
        return new Position(trader, mode, token, new BigDecimal("1234.567890123456789"), price(),
                new BigDecimal("-12.000000000000000001"), new BigDecimal("0.000015"), random().nextLong(1, 1_000), at);
    }

    // ---- metrics and MEV

    public static MetricPoint metricPoint(String name, Map<String, String> labels, Instant at) {
        return MetricPoint.of(name, random().nextDouble(-1e9, 1e9), labels, at);
    }

    /** An event with {@code outcome}; only a sandwiched one has an actual loss (u64 max, to test the range). */
    public static MevEvent mevEvent(MevOutcome outcome, Instant at) {
        TokenAmount actualLoss = outcome == MevOutcome.SANDWICHED ? TokenAmount.MAX : TokenAmount.ZERO;
        return new MevEvent(UUID.randomUUID(), at, traderId(), pubkey(), Optional.of(signature()),
                random().nextDouble(), ABOVE_LONG_MAX, actualLoss, outcome, Optional.of(onChainTradeId()));
    }

    // ---- configuration

    public static TokenMetadata splToken() {
        return new TokenMetadata(pubkey(), symbol(), "Contract token " + word(6), 9, TokenProgram.SPL_TOKEN, List.of());
    }

    public static TokenMetadata token2022(List<TokenExtension> extensions) {
        return new TokenMetadata(pubkey(), symbol(), "Contract 2022 token " + word(6), 6, TokenProgram.TOKEN_2022, extensions);
    }

    public static TransferFeeConfig transferFee() {
        return new TransferFeeConfig(random().nextLong(0, 1_000), 50, TokenAmount.of(1_000_000));
    }

    public static UnknownExtension unknownExtension() {
        byte[] data = new byte[random().nextInt(1, 64)];
        random().nextBytes(data);
        return new UnknownExtension(random().nextInt(200, 65_536), Base64.getEncoder().encodeToString(data));
    }

    /** A never-stored configuration (version 0) with u64-max limits and a few settings. */
    public static TraderConfig traderConfig(TraderId trader) {
        return TraderConfig.of(trader, TradingMode.PAPER,
                new RiskLimits(TokenAmount.MAX, TokenAmount.of(1_000_000_000), 150, 20),
                new MevProtection(true, 0.35, ABOVE_LONG_MAX, true),
                Map.of("strategy", "momentum", "ui.theme", "dark"));
    }

    public static OrderRule stopLoss(TraderId trader, Pubkey token, Instant createdAt) {
        return OrderRule.active(UUID.randomUUID(), trader, token, new StopLoss(price()), amount(), createdAt);
    }

    public static OrderRule takeProfit(TraderId trader, Pubkey token, Instant createdAt) {
        return OrderRule.active(UUID.randomUUID(), trader, token, new TakeProfit(price()), amount(), createdAt);
    }

    public static OrderRule trailingStop(TraderId trader, Pubkey token, Instant createdAt) {
        return OrderRule.active(UUID.randomUUID(), trader, token, new TrailingStop(250, new BigDecimal("187.123456789012345678")),
                TokenAmount.MAX, createdAt);
    }

    public static NodeHealth nodeHealth(String nodeId, Instant checkedAt) {
        return new NodeHealth(nodeId, URI.create("https://" + nodeId + ".rpc.example.com:8899/"),
                Duration.ofNanos(random().nextLong(1_000, 2_000_000_000L)).truncatedTo(ChronoUnit.MICROS),
                random().nextLong(0, 150), random().nextLong(0, 10), CircuitState.values()[random().nextInt(CircuitState.values().length)], checkedAt);
    }

    // ---- caches and streams

    public static PriceQuote priceQuote(TokenSymbol symbol, long slot, Instant observedAt) {
        return new PriceQuote(symbol, price(), slot, observedAt, "contract");
    }

    public static PoolState poolState(Pubkey pool, long slot, Instant observedAt) {
        return new PoolState(Dex.RAYDIUM_AMM, pool, pubkey(), pubkey(), amount(), TokenAmount.MAX, 25, slot, observedAt);
    }

    public static PriceUpdateEvent priceUpdate() {
        return new PriceUpdateEvent(priceQuote(symbol(), random().nextLong(1, 400_000_000L), now()));
    }

    public static TradeEvent tradeEvent() {
        return new TradeEvent(paperTrade(pubkey(), now()));
    }

    public static UiEvent uiEvent() {
        return UiEvent.of("alert.contract", "Contract event " + word(8), Map.of("severity", "info", "id", word(12)), now());
    }
}
