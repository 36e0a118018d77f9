package io.soltrade.data.domain;

import java.math.BigDecimal;

/** Fires when the price rises to or above {@code targetPrice}. */
public record TakeProfit(BigDecimal targetPrice) implements OrderTrigger {

    public TakeProfit {
        targetPrice = ExactDecimal.positive(targetPrice, "targetPrice");
    }

    @Override
    public Kind kind() {
        return Kind.TAKE_PROFIT;
    }

    @Override
    public boolean firesAt(BigDecimal price) {
        return ExactDecimal.positive(price, "price").compareTo(targetPrice) >= 0;
    }

    @Override
    public OrderTrigger observe(BigDecimal price) {
        return this;
    }
}
