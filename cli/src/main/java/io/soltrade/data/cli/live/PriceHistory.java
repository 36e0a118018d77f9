package io.soltrade.data.cli.live;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The last minutes of one token's price for the page's chart, at most one point per {@code spacing} (the first price
 * of each step is kept) and none older than {@code window} behind the newest: a bounded series however fast prices
 * come. Not thread-safe: one reader thread feeds it.
 */
final class PriceHistory {
    private final Duration window;
    private final Duration spacing;
    private final ArrayDeque<PricePoint> points = new ArrayDeque<>();

    PriceHistory(Duration window, Duration spacing) {
        if (spacing.isNegative() || spacing.isZero() || window.compareTo(spacing) < 0) {
            throw new IllegalArgumentException("spacing must be positive and at most the window, got " + spacing + " and " + window);
        }
        this.window = window;
        this.spacing = spacing;
    }

    void add(Instant at, BigDecimal price) {
        PricePoint last = points.peekLast();
        if (last != null && at.isBefore(last.at().plus(spacing))) {
            return;
        }
        points.addLast(new PricePoint(at, price));
        Instant oldest = at.minus(window);
        while (points.peekFirst().at().isBefore(oldest)) {
            points.removeFirst();
        }
    }

    List<PricePoint> points() {
        return List.copyOf(points);
    }
}
