package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One executed swap. {@code tokenIn} was spent and {@code tokenOut} received; the traded token (the one a
 * position is kept in) is {@link #token()}: what a buy receives or a sell spends. {@code price} is quote
 * units per whole traded token; {@code fee} is in lamports.
 */
public record Trade(
        TradeId id,
        Instant executedAt,
        TraderId trader,
        TradingMode mode,
        TradeSide side,
        Pubkey tokenIn,
        Pubkey tokenOut,
        TokenAmount amountIn,
        TokenAmount amountOut,
        TokenAmount fee,
        BigDecimal price,
        long slot,
        MevStatus mevStatus) {

    public Trade {
        Checks.notNull(id, "id");
        executedAt = Checks.timestamp(executedAt, "executedAt");
        Checks.notNull(trader, "trader");
        Checks.notNull(mode, "mode");
        Checks.notNull(side, "side");
        Checks.notNull(tokenIn, "tokenIn");
        Checks.notNull(tokenOut, "tokenOut");
        Checks.notNull(amountIn, "amountIn");
        Checks.notNull(amountOut, "amountOut");
        Checks.notNull(fee, "fee");
        price = ExactDecimal.positive(price, "price");
        Checks.nonNegative(slot, "slot");
        Checks.notNull(mevStatus, "mevStatus");
        if (tokenIn.equals(tokenOut)) {
            throw new DomainValidationException("tokenOut", "equals tokenIn " + tokenIn + ": a swap needs two tokens");
        }
        if (amountIn.isZero() || amountOut.isZero()) {
            throw new DomainValidationException(amountIn.isZero() ? "amountIn" : "amountOut", "is zero: an executed trade moves tokens both ways");
        }
        if (mode == TradingMode.LIVE && !(id instanceof OnChainTradeId)) {
            throw new DomainValidationException("id", "a live trade needs an on-chain id (signature:index), got " + id.naturalKey());
        }
    }

    /** The traded token: received by a buy, spent by a sell. */
    public Pubkey token() {
        return side == TradeSide.BUY ? tokenOut : tokenIn;
    }

    /** The traded token amount in base units. */
    public TokenAmount tokenAmount() {
        return side == TradeSide.BUY ? amountOut : amountIn;
    }
}
