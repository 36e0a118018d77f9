package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;

/**
 * One trader's holding of one token in one mode, priced in one quote token ({@link #key()}), kept by average
 * cost. Long positions have a positive quantity, short ones a negative quantity. Each {@link #apply(Fill)} returns
 * the next state; every state is stored (keyed by its {@link PositionKey} and {@code updatedAt}), so the history of
 * a position is its rows. Prices, P&amp;L and fees are in units of the quote token; a fill priced in another quote
 * token is refused, so a position never mixes units.
 *
 * <p>Rules: adding to a position moves the average entry price to the quantity-weighted mean; reducing it
 * realizes {@code closed quantity * (price - average)} (sign-adjusted for shorts) and keeps the average; a fill
 * larger than the position closes it and opens the remainder on the other side at the fill price. Fees are
 * subtracted from realized P&amp;L when paid.
 */
public record Position(
        TraderId trader,
        TradingMode mode,
        Pubkey token,
        Pubkey quote,
        BigDecimal quantity,
        BigDecimal averageEntryPrice,
        BigDecimal realizedPnl,
        BigDecimal feesPaid,
        long fillCount,
        Instant updatedAt) {

    private static final MathContext DIVISION = MathContext.DECIMAL128;

    public Position {
        Checks.notNull(trader, "trader");
        Checks.notNull(mode, "mode");
        Checks.notNull(token, "token");
        Checks.notNull(quote, "quote");
        if (token.equals(quote)) {
            throw new DomainValidationException("quote", "equals token " + token + ": a token is not priced in itself");
        }
        quantity = ExactDecimal.of(quantity, "quantity");
        averageEntryPrice = ExactDecimal.nonNegative(averageEntryPrice, "averageEntryPrice");
        realizedPnl = ExactDecimal.of(realizedPnl, "realizedPnl");
        feesPaid = ExactDecimal.nonNegative(feesPaid, "feesPaid");
        Checks.nonNegative(fillCount, "fillCount");
        updatedAt = Checks.timestamp(updatedAt, "updatedAt");
        if (quantity.signum() == 0 && averageEntryPrice.signum() != 0) {
            throw new DomainValidationException("averageEntryPrice", "is " + averageEntryPrice.toPlainString() + " for a flat position, must be 0");
        }
    }

    /** A position priced in USDC ({@link QuoteTokens#USDC}), as every position was before quote tokens existed. */
    public Position(TraderId trader, TradingMode mode, Pubkey token, BigDecimal quantity, BigDecimal averageEntryPrice,
            BigDecimal realizedPnl, BigDecimal feesPaid, long fillCount, Instant updatedAt) {
        this(trader, mode, token, QuoteTokens.USDC, quantity, averageEntryPrice, realizedPnl, feesPaid, fillCount, updatedAt);
    }

    /** A flat position priced in USDC with nothing realized. */
    public static Position flat(TraderId trader, TradingMode mode, Pubkey token, Instant at) {
        return flat(PositionKey.inUsdc(trader, mode, token), at);
    }

    /** A flat position with nothing realized. */
    public static Position flat(PositionKey key, Instant at) {
        Checks.notNull(key, "key");
        return new Position(key.trader(), key.mode(), key.token(), key.quote(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 0, at);
    }

    public PositionKey key() {
        return new PositionKey(trader, mode, token, quote);
    }

    public boolean isFlat() {
        return quantity.signum() == 0;
    }

    /** The state after {@code fill}. Fills must not go back in time and must be priced in this position's quote token. */
    public Position apply(Fill fill) {
        Checks.notNull(fill, "fill");
        if (!fill.quote().equals(quote)) {
            throw new DomainValidationException("fill.quote", "is " + fill.quote() + " but the position of " + token + " is priced in " + quote
                    + ": a fill in another quote token belongs to another position (PositionKey)");
        }
        if (fill.at().isBefore(updatedAt)) {
            throw new DomainValidationException("fill.at", fill.at() + " is before the position's last update " + updatedAt);
        }
        BigDecimal signed = fill.signedQuantity();
        BigDecimal newQuantity = quantity.add(signed);
        BigDecimal newAverage;
        BigDecimal realized = realizedPnl.subtract(fill.fee());
        if (quantity.signum() == 0 || quantity.signum() == signed.signum()) {
            BigDecimal cost = quantity.abs().multiply(averageEntryPrice).add(fill.quantity().multiply(fill.price()));
            newAverage = cost.divide(newQuantity.abs(), DIVISION);
        } else {
            BigDecimal closed = quantity.abs().min(fill.quantity());
            BigDecimal perUnit = fill.price().subtract(averageEntryPrice);
            realized = realized.add(closed.multiply(perUnit).multiply(BigDecimal.valueOf(quantity.signum())));
            if (newQuantity.signum() == 0) {
                newAverage = BigDecimal.ZERO;
            } else if (newQuantity.signum() == quantity.signum()) {
                newAverage = averageEntryPrice;
            } else {
                newAverage = fill.price();
            }
        }
        return new Position(trader, mode, token, quote, newQuantity, ExactDecimal.rounded(newAverage, "averageEntryPrice"),
                ExactDecimal.rounded(realized, "realizedPnl"), feesPaid.add(fill.fee()), fillCount + 1, fill.at());
    }

    /** Profit or loss of the open quantity if it were closed at {@code markPrice}. */
    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        BigDecimal mark = ExactDecimal.positive(markPrice, "markPrice");
        return ExactDecimal.rounded(quantity.multiply(mark.subtract(averageEntryPrice)), "unrealizedPnl");
    }

    /** Realized plus unrealized P&amp;L at {@code markPrice}. */
    public BigDecimal totalPnl(BigDecimal markPrice) {
        return realizedPnl.add(unrealizedPnl(markPrice));
    }
}
