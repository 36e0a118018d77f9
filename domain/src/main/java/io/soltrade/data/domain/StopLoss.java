package io.soltrade.data.domain;

import java.math.BigDecimal;

/** Fires when the price falls to or below {@code stopPrice}. */
public record StopLoss(BigDecimal stopPrice) implements OrderTrigger {

    public StopLoss {
        stopPrice = ExactDecimal.positive(stopPrice, "stopPrice");
    }

    @Override
    public Kind kind() {
        return Kind.STOP_LOSS;
    }

    @Override
    public boolean firesAt(BigDecimal price) {
        return ExactDecimal.positive(price, "price").compareTo(stopPrice) <= 0;
    }

    @Override
    public OrderTrigger observe(BigDecimal price) {
        return this;
    }
}
