package io.soltrade.data.domain;

import java.math.BigDecimal;

/** When an order rule fires. A closed set: each kind is stored by its {@link Kind}. */
public sealed interface OrderTrigger permits StopLoss, TakeProfit, TrailingStop {

    enum Kind { STOP_LOSS, TAKE_PROFIT, TRAILING_STOP }

    Kind kind();

    /** Whether a price fires this trigger. */
    boolean firesAt(BigDecimal price);

    /** The trigger after a price was seen without firing; only a trailing stop moves. */
    OrderTrigger observe(BigDecimal price);
}
