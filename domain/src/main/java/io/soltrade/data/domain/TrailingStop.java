package io.soltrade.data.domain;

import java.math.BigDecimal;

/**
 * Fires when the price falls {@code trailBps} basis points below the highest price seen since the rule was
 * created ({@code highWaterMark}); the mark only rises.
 */
public record TrailingStop(int trailBps, BigDecimal highWaterMark) implements OrderTrigger {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    public TrailingStop {
        Checks.inRange(trailBps, "trailBps", 1, 9_999);
        highWaterMark = ExactDecimal.positive(highWaterMark, "highWaterMark");
    }

    @Override
    public Kind kind() {
        return Kind.TRAILING_STOP;
    }

    /** The price at or below which this stop fires now. */
    public BigDecimal stopPrice() {
        return ExactDecimal.rounded(highWaterMark.multiply(BPS.subtract(BigDecimal.valueOf(trailBps))).divide(BPS), "stopPrice");
    }

    @Override
    public boolean firesAt(BigDecimal price) {
        return ExactDecimal.positive(price, "price").compareTo(stopPrice()) <= 0;
    }

    @Override
    public TrailingStop observe(BigDecimal price) {
        BigDecimal checked = ExactDecimal.positive(price, "price");
        return checked.compareTo(highWaterMark) > 0 ? new TrailingStop(trailBps, checked) : this;
    }
}
