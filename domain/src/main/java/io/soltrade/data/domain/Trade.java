package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One executed swap. {@code tokenIn} was spent and {@code tokenOut} received; the traded token (the one a
 * position is kept in) is {@link #token()}: what a buy receives or a sell spends. The other side is the quote
 * token ({@link #quote()}: USDC, SOL or any mint) and {@code price} is quote units per whole traded token;
 * {@code fee} is in lamports.
 *
 * <p>{@code commitment} says how final the trade is on chain ({@link Commitment}); a trade with a
 * {@link PaperTradeId} has no chain to wait for and is always {@link Commitment#FINALIZED}. A store keeps one trade
 * per id: the first one saved; only its commitment changes afterwards ({@link #withCommitment}).
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
        MevStatus mevStatus,
        Commitment commitment) {

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
        Checks.notNull(commitment, "commitment");
        if (tokenIn.equals(tokenOut)) {
            throw new DomainValidationException("tokenOut", "equals tokenIn " + tokenIn + ": a swap needs two tokens");
        }
        if (amountIn.isZero() || amountOut.isZero()) {
            throw new DomainValidationException(amountIn.isZero() ? "amountIn" : "amountOut", "is zero: an executed trade moves tokens both ways");
        }
        if (mode == TradingMode.LIVE && !(id instanceof OnChainTradeId)) {
            throw new DomainValidationException("id", "a live trade needs an on-chain id (signature:index), got " + id.naturalKey());
        }
        if (id instanceof PaperTradeId && commitment != Commitment.FINALIZED) {
            throw new DomainValidationException("commitment", "is " + commitment + " but a paper trade (" + id.naturalKey()
                    + ") has no chain to confirm it: it is FINALIZED");
        }
    }

    /**
     * A trade as first recorded before commitments existed, and as most callers record it: {@link Commitment#FINALIZED}.
     * A live trade seen at a lower commitment is built with the canonical constructor or {@link #withCommitment}.
     */
    public Trade(TradeId id, Instant executedAt, TraderId trader, TradingMode mode, TradeSide side, Pubkey tokenIn, Pubkey tokenOut,
            TokenAmount amountIn, TokenAmount amountOut, TokenAmount fee, BigDecimal price, long slot, MevStatus mevStatus) {
        this(id, executedAt, trader, mode, side, tokenIn, tokenOut, amountIn, amountOut, fee, price, slot, mevStatus, Commitment.FINALIZED);
    }

    /** The traded token: received by a buy, spent by a sell. */
    public Pubkey token() {
        return side == TradeSide.BUY ? tokenOut : tokenIn;
    }

    /** The traded token amount in base units. */
    public TokenAmount tokenAmount() {
        return side == TradeSide.BUY ? amountOut : amountIn;
    }

    /** The quote token the price is given in: spent by a buy, received by a sell. */
    public Pubkey quote() {
        return side == TradeSide.BUY ? tokenIn : tokenOut;
    }

    /** The quote token amount in base units. */
    public TokenAmount quoteAmount() {
        return side == TradeSide.BUY ? amountIn : amountOut;
    }

    /**
     * This trade after observing {@code observed} ({@link Commitment#advance}): itself when the observation changes
     * nothing.
     *
     * @throws DomainValidationException when the observation contradicts this trade's commitment
     */
    public Trade advancedTo(Commitment observed) {
        Commitment next = commitment.advance(observed);
        return next == commitment ? this : withCommitment(next);
    }

    /** This trade at {@code level}; see {@link Commitment#advance} for the order a stored trade's level moves in. */
    public Trade withCommitment(Commitment level) {
        return new Trade(id, executedAt, trader, mode, side, tokenIn, tokenOut, amountIn, amountOut, fee, price, slot, mevStatus, level);
    }
}
