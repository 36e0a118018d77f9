package io.soltrade.data.cli.live;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One price of a token at one time, a point of the page's chart. */
record PricePoint(Instant at, BigDecimal price) {

    PricePoint {
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(price, "price is null");
    }
}
