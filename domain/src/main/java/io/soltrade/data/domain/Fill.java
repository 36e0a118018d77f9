package io.soltrade.data.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One execution as a position sees it: a quantity of whole tokens at a price in {@code quote} units, with the fee
 * in quote units.
 */
public record Fill(TradeSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at, Pubkey quote) {

    public Fill {
        Checks.notNull(side, "side");
        quantity = ExactDecimal.positive(quantity, "quantity");
        price = ExactDecimal.positive(price, "price");
        fee = ExactDecimal.nonNegative(fee, "fee");
        at = Checks.timestamp(at, "at");
        Checks.notNull(quote, "quote");
    }

    /** A fill priced in USDC ({@link QuoteTokens#USDC}). */
    public Fill(TradeSide side, BigDecimal quantity, BigDecimal price, BigDecimal fee, Instant at) {
        this(side, quantity, price, fee, at, QuoteTokens.USDC);
    }

    /**
     * The fill a trade makes, for a token with {@code decimals} decimals and a fee already converted to units of the
     * trade's quote token.
     */
    public static Fill of(Trade trade, int decimals, BigDecimal feeInQuote) {
        Checks.notNull(trade, "trade");
        return new Fill(trade.side(), trade.tokenAmount().toUiAmount(decimals), trade.price(), feeInQuote, trade.executedAt(), trade.quote());
    }

    /** The quantity with the sign of its effect on a position: positive for a buy, negative for a sell. */
    public BigDecimal signedQuantity() {
        return side == TradeSide.BUY ? quantity : quantity.negate();
    }
}
