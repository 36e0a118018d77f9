package io.soltrade.data.ports;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;

/**
 * Realized P&amp;L, fees and fill count of one trader's positions in one mode per {@code period} (UTC day or ISO week)
 * and per position (token and quote token) over {@code range}, whose ends must be period boundaries and which may
 * hold at most 10,000 periods.
 */
public record PnlQuery(TraderId trader, TradingMode mode, PnlPeriod period, TimeRange range) {

    public PnlQuery {
        Checks.notNull(trader, "trader");
        Checks.notNull(mode, "mode");
        Checks.notNull(period, "period");
        Checks.notNull(range, "range");
        if (!period.isStart(range.from()) || !period.isStart(range.to())) {
            throw new DomainValidationException("range", range.from() + " .. " + range.to() + " does not start and end on " + period
                    + " boundaries (00:00 UTC" + (period == PnlPeriod.WEEK ? " on Mondays" : "") + ")");
        }
        long days = java.time.Duration.between(range.from(), range.to()).toDays();
        if (days / (period == PnlPeriod.WEEK ? 7 : 1) > PortInput.MAX_LIMIT) {
            throw new DomainValidationException("range", "holds more than " + PortInput.MAX_LIMIT + " periods");
        }
    }
}
