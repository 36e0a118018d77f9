package io.soltrade.data.questdb;

import io.soltrade.data.domain.MetricPoint;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.MevOutcome;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.OnChainTradeId;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.domain.TxSignature;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fresh random values for tests: every key is new, so tests sharing one server never see each other's rows. */
final class TestRows {
    static final Pubkey SOL = Pubkey.of("So11111111111111111111111111111111111111112");

    private TestRows() {}

    static Pubkey pubkey() {
        byte[] bytes = new byte[Pubkey.BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Pubkey.ofBytes(bytes);
    }

    static TxSignature signature() {
        byte[] bytes = new byte[TxSignature.BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return TxSignature.ofBytes(bytes);
    }

    static TraderId trader() {
        return TraderId.of("trader-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Now, at microsecond precision, a little in the past so it is inside the table's TTL window. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(60);
    }

    static Trade paperTrade(Pubkey token, Instant at) {
        return new Trade(new PaperTradeId(UUID.randomUUID().toString()), at, trader(), TradingMode.PAPER, TradeSide.BUY,
                SOL, token, TokenAmount.of(1_000_000_000L), TokenAmount.of(123_456_789L), TokenAmount.of(5_000L),
                new BigDecimal("0.000123456789012345"), 250_000_000L, MevStatus.NONE);
    }

    static Trade liveTrade(Pubkey token, Instant at, TokenAmount amountIn, BigDecimal price) {
        return new Trade(new OnChainTradeId(signature(), 3), at, trader(), TradingMode.LIVE, TradeSide.SELL,
                token, SOL, amountIn, TokenAmount.MAX, TokenAmount.of(Long.MAX_VALUE), price, 312_000_000L, MevStatus.PROTECTED);
    }

    static Position position(TraderId trader, Pubkey token, BigDecimal quantity, Instant at) {
        return new Position(trader, TradingMode.PAPER, token, quantity, new BigDecimal("1.5"), new BigDecimal("-0.000000000000000001"),
                new BigDecimal("12345678901234567890.123456789012345678"), 7, at);
    }

    static MetricPoint metric(String name, Map<String, String> labels, double value, Instant at) {
        return MetricPoint.of(name, value, labels, at);
    }

    static MevEvent mevEvent(MevOutcome outcome, Instant at) {
        boolean sandwiched = outcome == MevOutcome.SANDWICHED;
        return new MevEvent(UUID.randomUUID(), at, trader(), pubkey(), sandwiched ? Optional.of(signature()) : Optional.empty(),
                0.75, TokenAmount.MAX, sandwiched ? TokenAmount.of(new java.math.BigInteger("9223372036854775808")) : TokenAmount.ZERO, outcome);
    }
}
